package io.openvni.northbound.pipeline;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import io.openvni.core.compile.CompiledFabric;
import io.openvni.core.status.DeviceStatus;
import io.openvni.core.status.SyncState;
import io.openvni.northbound.api.DeviceOperational;
import io.openvni.southbound.reconcile.StatusListener;
import io.openvni.southbound.spi.DeviceStateReader.StateResult;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the device statuses the reconciler reports and publishes them in batches: the reconciler calls with a
 * device's lock held, so a call only records the status and queues one publication, which a timer runs shortly
 * after. A rollout over hundreds of devices thus costs a few datastore writes, not one per state change.
 */
final class ReportedStatus implements StatusListener {
    /** How long reports gather before they are published together. */
    static final long BATCH_MILLIS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(ReportedStatus.class);

    private final Map<String, DeviceStatus> latest = new ConcurrentHashMap<>();
    private final Map<String, DeviceOperational> operational = new ConcurrentHashMap<>();
    private final AtomicBoolean queued = new AtomicBoolean();
    private final Runnable publish;
    private volatile @Nullable ScheduledExecutorService timer;

    /**
     * A collector.
     *
     * @param publish publishes the statuses; called from the collector's timer thread
     */
    ReportedStatus(final Runnable publish) {
        this.publish = requireNonNull(publish);
    }

    synchronized void start() {
        latest.clear();
        operational.clear();
        queued.set(false);
        timer = Executors.newSingleThreadScheduledExecutor(new ThreadFactoryBuilder()
            .setNameFormat("openvni-status").setDaemon(true).build());
    }

    synchronized void stop() {
        final var current = timer;
        timer = null;
        if (current != null) {
            current.shutdownNow();
        }
    }

    @Override
    public void onStatus(final DeviceStatus status) {
        latest.put(status.name(), status);
        queue();
    }

    @Override
    public void onRemoved(final String device) {
        latest.remove(device);
        operational.remove(device);
        queue();
    }

    /**
     * Records a read of a device's operational state; a failed read keeps the last good state and adds the error.
     *
     * @param device the device
     * @param result what the read gave
     */
    @Override
    public void onOperationalState(final String device, final StateResult result) {
        operational.compute(device, (name, previous) -> switch (result) {
            case StateResult.Read read -> new DeviceOperational(read.state(), "");
            case StateResult.Failed failed -> new DeviceOperational(previous == null ? null : previous.state(),
                failed.failure().text());
        });
        queue();
    }

    /**
     * The operational state of the compiled devices.
     *
     * @param compiled the latest compile
     * @return state by device name, for devices read at least once
     */
    Map<String, DeviceOperational> operational(final CompiledFabric compiled) {
        final var result = new HashMap<String, DeviceOperational>();
        operational.forEach((name, state) -> {
            if (compiled.devices().containsKey(name)) {
                result.put(name, state);
            }
        });
        return result;
    }

    /**
     * Every compiled device's standing: what its reconciliation reported for its current desired generation, or
     * pending at that generation until it reports.
     *
     * @param compiled the latest compile
     * @param now the time to stamp devices that have not reported yet
     * @return standing by device name
     */
    Map<String, DeviceStatus> merge(final CompiledFabric compiled, final Instant now) {
        final var result = new HashMap<String, DeviceStatus>();
        for (var desired : compiled.devices().values()) {
            final var name = desired.intent().name();
            final var reported = latest.get(name);
            if (reported != null && reported.desiredGeneration() == desired.generation()) {
                result.put(name, reported);
            } else {
                result.put(name, new DeviceStatus(name, desired.intent().role(), SyncState.PENDING,
                    desired.generation(), reported == null ? 0 : reported.appliedGeneration(),
                    reported == null ? "" : reported.lastError(), now));
            }
        }
        return result;
    }

    @SuppressWarnings("checkstyle:IllegalCatch") // a failed publication must not kill the timer thread
    private void queue() {
        final var current = timer;
        if (current == null || !queued.compareAndSet(false, true)) {
            return;
        }
        try {
            current.schedule(() -> {
                queued.set(false);
                try {
                    publish.run();
                } catch (RuntimeException e) {
                    LOG.warn("Failed to publish device status", e);
                }
            }, BATCH_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // stopped meanwhile: nothing to publish to
            queued.set(false);
        }
    }
}
