package io.openvni.northbound.pipeline;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import io.openvni.core.compile.CompiledFabric;
import io.openvni.core.status.DeviceStatus;
import io.openvni.core.status.PassProgress;
import io.openvni.core.status.SyncState;
import io.openvni.northbound.api.ControllerStatus;
import io.openvni.northbound.api.DeviceOperational;
import io.openvni.northbound.api.FabricSnapshot;
import io.openvni.southbound.reconcile.Backoff;
import io.openvni.southbound.reconcile.StatusListener;
import io.openvni.southbound.spi.DeviceStateReader.StateResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.Device;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path of status: the reconciler reports each device's standing, the progress of its passes and its
 * operational state; the controller reports its compiles and its own failures. The publisher keeps the latest of
 * each and is the only writer of {@code openvni-status:status}, on a thread of its own: reports gather for
 * {@link Timing#batch()}, at most one write is in flight, and a write covers only the device and tenant entries
 * that changed since the last one (the whole container first, after a compile and after a failed write). A write
 * that fails or does not finish within {@link Timing#writeTimeout()} is logged, counted in the controller's
 * {@code status-write-failures} and retried with backoff, writing the latest status whole.
 *
 * <p>The reconciler reports with a device's lock held, so reports only record and queue. Thread-safe.
 */
final class StatusPublisher implements StatusListener {
    /** Where status goes. */
    @FunctionalInterface
    interface Sink {
        /**
         * Writes status.
         *
         * @param write what to change
         * @return completes when the write is committed, fails if it was not
         */
        ListenableFuture<?> write(StatusWrite write);
    }

    /**
     * How writes are paced.
     *
     * @param batch how long reports gather before they are written together
     * @param writeTimeout how long a write may take before it counts as failed
     * @param retry delays after failed writes
     */
    record Timing(Duration batch, Duration writeTimeout, Backoff retry) {
        /**
         * Writes gathered for 100 ms, each allowed 30 s, retried with the controller's backoff.
         *
         * @param retry the controller's backoff
         * @return the timing
         */
        static Timing withRetry(final Backoff retry) {
            return new Timing(Duration.ofMillis(100), Duration.ofSeconds(30), retry);
        }

        Timing {
            requireNonNull(batch);
            requireNonNull(writeTimeout);
            requireNonNull(retry);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(StatusPublisher.class);

    private final Timing timing;
    private final Clock clock;
    private final RandomGenerator random;

    // guarded by this
    private CompiledFabric compiled = CompiledFabric.EMPTY;
    private final Map<String, DeviceStatus> reported = new HashMap<>();
    private final Map<String, PassProgress> progress = new HashMap<>();
    private final Map<String, DeviceOperational> operational = new HashMap<>();
    private ControllerStatus controller = ControllerStatus.INITIAL;
    // what the next write must cover
    private final Set<String> changedDevices = new HashSet<>();
    private boolean controllerChanged;
    private boolean writeWhole = true;
    // every tenant's devices not in sync, as last written
    private Map<String, SortedSet<String>> writtenTenants = Map.of();
    private int failedWrites;
    // a write is scheduled or in flight; the next one is scheduled when it ends
    private boolean busy;
    // tells writes of an earlier start() from those of the current one
    private long epoch;
    private @Nullable Sink sink;
    private @Nullable ScheduledExecutorService timer;

    private volatile FabricSnapshot snapshot = FabricSnapshot.EMPTY;

    StatusPublisher(final Timing timing, final Clock clock, final RandomGenerator random) {
        this.timing = requireNonNull(timing);
        this.clock = requireNonNull(clock);
        this.random = requireNonNull(random);
    }

    /** Starts publishing afresh to a sink: nothing is known yet, and the first write replaces the container. */
    synchronized void start(final Sink target) {
        stop();
        epoch++;
        sink = requireNonNull(target);
        compiled = CompiledFabric.EMPTY;
        reported.clear();
        progress.clear();
        operational.clear();
        controller = ControllerStatus.INITIAL;
        changedDevices.clear();
        controllerChanged = false;
        writeWhole = true;
        writtenTenants = Map.of();
        failedWrites = 0;
        busy = false;
        timer = Executors.newSingleThreadScheduledExecutor(new ThreadFactoryBuilder()
            .setNameFormat("openvni-status").setDaemon(true).build());
    }

    /** Stops writing; the last snapshot stays readable. */
    synchronized void stop() {
        final var current = timer;
        timer = null;
        sink = null;
        if (current != null) {
            current.shutdownNow();
        }
    }

    /** The latest view of everything published. */
    FabricSnapshot snapshot() {
        return snapshot;
    }

    /** The controller's own standing. */
    synchronized ControllerStatus controller() {
        return controller;
    }

    /**
     * The controller processed the stored intent into a compile.
     *
     * @param next the compile now in force
     * @param at when
     */
    synchronized void processed(final CompiledFabric next, final Instant at) {
        if (!sameCompile(compiled, next)) {
            writeWhole = true;
        }
        compiled = next;
        controllerChanged(controller.processed(at));
    }

    /**
     * The controller's pass over the stored intent failed; the previous compile stays in force.
     *
     * @param error why
     * @param retry when the pass is retried
     */
    synchronized void passFailed(final String error, final Instant retry) {
        controllerChanged(controller.passFailed(error, retry));
    }

    @Override
    public synchronized void onStatus(final DeviceStatus status) {
        if (!status.equals(reported.put(status.name(), status))) {
            deviceChanged(status.name());
        }
    }

    @Override
    public synchronized void onProgress(final String device, final @Nullable PassProgress shown) {
        final var before = shown == null ? progress.remove(device) : progress.put(device, shown);
        if (!Objects.equals(before, shown)) {
            deviceChanged(device);
        }
    }

    /** A failed read keeps the last good state and adds why the latest read failed. */
    @Override
    public synchronized void onOperationalState(final String device, final StateResult result) {
        final var before = operational.get(device);
        final var next = switch (result) {
            case StateResult.Read read -> new DeviceOperational(read.state(), "");
            case StateResult.Failed failed -> new DeviceOperational(before == null ? null : before.state(),
                failed.failure().text());
        };
        if (!next.equals(before)) {
            operational.put(device, next);
            deviceChanged(device);
        }
    }

    @Override
    public synchronized void onRemoved(final String device) {
        reported.remove(device);
        progress.remove(device);
        operational.remove(device);
        deviceChanged(device);
    }

    // guarded by this
    private void deviceChanged(final String device) {
        changedDevices.add(device);
        queue(timing.batch());
    }

    // guarded by this
    private void controllerChanged(final ControllerStatus next) {
        controller = next;
        controllerChanged = true;
        // the controller's callers read the snapshot at once (a preview right after a commit)
        snapshot = view();
        queue(timing.batch());
    }

    // guarded by this
    private void queue(final Duration delay) {
        final var current = timer;
        if (busy || current == null) {
            return;
        }
        busy = true;
        final long of = epoch;
        try {
            current.schedule(() -> write(of), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // stopped meanwhile: nothing to write to
            busy = false;
        }
    }

    /** Writes what changed. Runs on the timer thread. */
    @SuppressWarnings("checkstyle:IllegalCatch") // a sink that throws fails this write, like one that fails later
    private void write(final long of) {
        final StatusWrite write;
        final Sink target;
        final ScheduledExecutorService current;
        synchronized (this) {
            target = sink;
            current = timer;
            if (of != epoch || target == null || current == null) {
                return;
            }
            final var view = view();
            snapshot = view;
            write = nextWrite(view);
            if (write instanceof StatusWrite.Parts parts && parts.isEmpty()) {
                busy = false;
                return;
            }
        }
        ListenableFuture<?> commit;
        try {
            commit = Futures.withTimeout(target.write(write), timing.writeTimeout().toNanos(), TimeUnit.NANOSECONDS,
                current);
        } catch (RuntimeException e) {
            commit = Futures.immediateFailedFuture(e);
        }
        Futures.addCallback(commit, new FutureCallback<Object>() {
            @Override
            public void onSuccess(final Object result) {
                written(of);
            }

            @Override
            public void onFailure(final Throwable cause) {
                failed(of, cause);
            }
        }, MoreExecutors.directExecutor());
    }

    private synchronized void written(final long of) {
        if (of != epoch || timer == null) {
            return;
        }
        failedWrites = 0;
        busy = false;
        if (writeWhole || controllerChanged || !changedDevices.isEmpty()) {
            queue(timing.batch());
        }
    }

    private synchronized void failed(final long of, final Throwable cause) {
        if (of != epoch || timer == null) {
            return;
        }
        failedWrites++;
        final var delay = timing.retry().delay(failedWrites, random);
        final var error = cause instanceof TimeoutException
            ? "not committed within " + timing.writeTimeout().toMillis() + " ms" : cause.toString();
        LOG.warn("Writing openvni-status failed ({} in a row), writing it whole in {} ms: {}", failedWrites,
            delay.toMillis(), error, cause);
        // what the failed write carried is only in memory now: the next write must carry everything
        writeWhole = true;
        controller = controller.statusWriteFailed(error);
        busy = false;
        queue(delay);
    }

    /** What the next write must change, given the view it writes; resets what changed. */
    // guarded by this
    private StatusWrite nextWrite(final FabricSnapshot view) {
        if (writeWhole) {
            writeWhole = false;
            changedDevices.clear();
            controllerChanged = false;
            writtenTenants = StatusModel.pendingByTenant(view);
            return new StatusWrite.Whole(StatusModel.build(view));
        }
        final var devices = new ArrayList<Device>();
        final var removed = new HashSet<String>();
        for (var name : changedDevices) {
            if (view.devices().containsKey(name)) {
                devices.add(StatusModel.device(view, name));
            } else {
                removed.add(name);
            }
        }
        final var tenants = new ArrayList<Tenant>();
        if (!changedDevices.isEmpty()) {
            final var pending = StatusModel.pendingByTenant(view);
            pending.forEach((tenant, names) -> {
                if (!names.equals(writtenTenants.get(tenant))) {
                    tenants.add(StatusModel.tenant(tenant, names));
                }
            });
            writtenTenants = pending;
        }
        changedDevices.clear();
        final var controllerPart = controllerChanged ? StatusModel.controller(controller) : null;
        controllerChanged = false;
        return new StatusWrite.Parts(devices, removed, tenants, controllerPart);
    }

    /**
     * Every compiled device's standing: what it reported for its current desired generation, or pending at that
     * generation until it reports, stamped when the compile was processed. A device held for a missing allocation
     * is failed with the reasons, whatever it reports about its previous configuration.
     */
    // guarded by this
    private FabricSnapshot view() {
        final var devices = new HashMap<String, DeviceStatus>();
        final var devicesOperational = new HashMap<String, DeviceOperational>();
        final var devicesProgress = new HashMap<String, PassProgress>();
        final var processedAt = controller.processedAt();
        final var compiledAt = processedAt == null ? clock.instant() : processedAt;
        for (var desired : compiled.devices().values()) {
            final var name = desired.intent().name();
            final var status = reported.get(name);
            devices.put(name, status != null && status.desiredGeneration() == desired.generation() ? status
                : new DeviceStatus(name, desired.intent().role(), SyncState.PENDING,
                    desired.generation(), status == null ? 0 : status.appliedGeneration(),
                    status == null ? "" : status.lastError(), compiledAt));
            final var read = operational.get(name);
            if (read != null) {
                devicesOperational.put(name, read);
            }
            final var shown = progress.get(name);
            if (shown != null) {
                devicesProgress.put(name, shown);
            }
        }
        for (var held : compiled.held().values()) {
            final var before = devices.get(held.name());
            devices.put(held.name(), new DeviceStatus(held.name(), held.role(), SyncState.FAILED,
                before == null ? 0 : before.desiredGeneration(), before == null ? 0 : before.appliedGeneration(),
                held.describe(), compiledAt));
        }
        return new FabricSnapshot(compiled, devices, devicesOperational, devicesProgress, controller);
    }

    private static boolean sameCompile(final CompiledFabric before, final CompiledFabric after) {
        return before == after || before.intent().equals(after.intent())
            && before.allocations().equals(after.allocations()) && before.devices().equals(after.devices())
            && before.held().equals(after.held()) && before.allocationProblems().equals(after.allocationProblems());
    }
}
