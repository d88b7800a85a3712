package io.openvni.northbound.reconcile;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import io.openvni.core.compile.DesiredConfig;
import io.openvni.core.intent.Fabric;
import io.openvni.northbound.config.ControllerSettings;
import io.openvni.southbound.reconcile.DriftReport;
import io.openvni.southbound.reconcile.Reconciler;
import io.openvni.southbound.reconcile.ReconcilerRuntime;
import io.openvni.southbound.reconcile.ReconcilerSettings;
import io.openvni.southbound.reconcile.Scheduler;
import io.openvni.southbound.reconcile.StatusListener;
import io.openvni.southbound.spi.DriverRegistry;
import io.openvni.southbound.spi.MetricsRecorder;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.random.RandomGenerator;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The active controller's device reconciliation: one {@link Reconciler} with its worker threads and timer, fed with
 * every device's desired configuration after each processed change. The fabric's {@code drift-check-interval} and
 * {@code auto-heal} shape the reconciler; when they change, a fresh reconciler takes over, which reads every device
 * and writes only to those that differ.
 *
 * <p>Created when this cluster node becomes the OpenVNI singleton and closed when it stops being it, so a new leader
 * starts from reading the devices rather than from another node's memory.
 */
public final class DeviceReconciliation implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceReconciliation.class);

    private final DriverRegistry drivers;
    private final StatusListener listener;
    private final ToLongFunction<String> lastApplied;
    private final MetricsRecorder metrics;
    private final ControllerSettings tuning;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
        new ThreadFactoryBuilder().setNameFormat("openvni-reconcile-timer").setDaemon(true).build());
    private final WriteLease lease;

    // guarded by this
    private @Nullable Reconciler reconciler;
    private @Nullable ReconcilerSettings settings;
    private boolean closed;

    /**
     * Reconciliation with the given drivers.
     *
     * @param drivers the device drivers available now
     * @param listener receives every device status change, the progress of passes and operational state reads
     * @param tuning the operator's worker count, state read interval and backoff
     * @param lastApplied the generation each device last confirmed applied (0 if none), for a fresh reconciler
     * @param metrics told how passes end, drift and the reconciler's queue
     * @param lease where the write lease is kept, renewed from now until {@link #close()}; no device is written
     *     while this controller does not hold it
     */
    public DeviceReconciliation(final DriverRegistry drivers, final StatusListener listener,
            final ControllerSettings tuning, final ToLongFunction<String> lastApplied, final MetricsRecorder metrics,
            final WriteLease.Store lease) {
        this.lease = new WriteLease(lease, holder(), tuning.writeLease(), System::nanoTime);
        this.lease.start(timer);
        this.metrics = requireNonNull(metrics);
        this.drivers = requireNonNull(drivers);
        this.listener = requireNonNull(listener);
        this.lastApplied = requireNonNull(lastApplied);
        this.tuning = requireNonNull(tuning);
        workers = Executors.newFixedThreadPool(tuning.workers(),
            new ThreadFactoryBuilder().setNameFormat("openvni-reconcile-%d").setDaemon(true).build());
    }

    /**
     * Hands every device's desired configuration to the reconciler; devices not given are removed from it.
     *
     * @param fabric the fabric, for its {@code drift-check-interval} and {@code auto-heal}
     * @param desired every device's desired configuration
     */
    public void update(final Fabric fabric, final Collection<DesiredConfig> desired) {
        active(settingsOf(fabric)).ifPresent(active -> active.updateAll(desired));
    }

    /**
     * Checks devices for drift now.
     *
     * @param device one device, or all when {@code null}
     * @return per device, the check's future; unknown devices are left out
     */
    public synchronized Map<String, CompletableFuture<DriftReport>> checkDrift(final @Nullable String device) {
        final var active = reconciler;
        if (active == null) {
            return Map.of();
        }
        final var result = new TreeMap<String, CompletableFuture<DriftReport>>();
        for (var name : selected(active, device)) {
            active.checkDrift(name).ifPresent(check -> result.put(name, check));
        }
        return result;
    }

    /**
     * A driver opened a new session to a device: retried now if its last pass could not reach it.
     *
     * @param device the device's name
     */
    public synchronized void sessionOpened(final String device) {
        final var active = reconciler;
        if (active != null) {
            active.sessionOpened(device);
        }
    }

    /**
     * Starts a forced pass over devices.
     *
     * @param device one device, or all when {@code null}
     * @return the devices a pass was started for
     */
    public synchronized List<String> reconcile(final @Nullable String device) {
        final var active = reconciler;
        if (active == null) {
            return List.of();
        }
        return selected(active, device).stream().filter(active::reconcile).toList();
    }

    // This controller instance, for the write lease and whoever reads it: process, host and start time.
    private static String holder() {
        return ProcessHandle.current().pid() + "@" + hostName() + " since " + Instant.now();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    @Override
    public void close() {
        // first: a pass waiting at the fence gives up, and no new write starts
        lease.close();
        final Reconciler last;
        synchronized (this) {
            closed = true;
            last = reconciler;
            reconciler = null;
        }
        if (last != null) {
            last.close();
        }
        workers.shutdownNow();
        timer.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static SortedSet<String> selected(final Reconciler active, final @Nullable String device) {
        final var all = active.devices();
        return device == null ? all : all.contains(device) ? new TreeSet<>(List.of(device))
            : new TreeSet<>();
    }

    /** The reconciler for these settings: the current one, or a fresh one when the settings changed. */
    private Optional<Reconciler> active(final ReconcilerSettings wanted) {
        final Reconciler previous;
        final Reconciler next;
        synchronized (this) {
            if (closed) {
                return Optional.empty();
            }
            if (reconciler != null && wanted.equals(settings)) {
                return Optional.of(reconciler);
            }
            previous = reconciler;
            next = new Reconciler(wanted, drivers, listener, new ReconcilerRuntime(workers, Scheduler.of(timer),
                Clock.systemUTC(), RandomGenerator.of("L64X128MixRandom"), metrics, lease), lastApplied);
            reconciler = next;
            settings = wanted;
        }
        if (previous != null) {
            LOG.info("Reconciliation settings changed to drift checks every {}, auto-heal {}: restarting it",
                wanted.driftInterval(), wanted.autoHeal());
            previous.close();
        }
        return Optional.of(next);
    }

    private ReconcilerSettings settingsOf(final Fabric fabric) {
        return ReconcilerSettings.DEFAULTS.withBackoff(tuning.backoff()).withStateInterval(tuning.stateInterval())
            .withDriftInterval(Duration.ofSeconds(fabric.driftCheckIntervalSeconds()))
            .withAutoHeal(fabric.autoHeal());
    }
}
