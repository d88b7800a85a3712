package io.openvni.southbound.reconcile;

import static java.util.Objects.requireNonNull;

import io.openvni.core.compile.DesiredConfig;
import io.openvni.southbound.spi.DriverRegistry;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives every device towards its desired configuration and reports where each device stands, how far a running
 * pass is, and, for drivers that read it, each device's operational state.
 *
 * <p>Per device: the newest desired configuration wins (updates that arrive while the device is being worked on
 * replace each other, and cost one more pass); a pass reads what OpenVNI owns, diffs it against the desired intent
 * and writes only when the diff is not empty; the applied generation reported is the one the pass worked on, never
 * a newer one that arrived meanwhile. Failures are retried with exponential backoff and full jitter until the device
 * converges, a newer configuration arrives, or the device is removed. Devices in sync are read again every
 * {@link ReconcilerSettings#driftInterval()}; drift is reported as {@code drifted} with the readable diff and, with
 * auto-heal, written over at once.
 *
 * <p>While a pass runs, its phase and, when the driver counts them, the entries done of the total are reported
 * (a new phase at once, counts at most every {@link ProgressThrottle#INTERVAL}); the progress goes when the pass
 * ends. For drivers that read operational state, each device's state is read every
 * {@link ReconcilerSettings#stateInterval()} as a task of its own queue: never beside a pass or another read of the
 * same device, and not while the device is unreachable.
 *
 * <p>Devices never wait for each other: passes run on the bounded worker executor, retries wait on timers rather
 * than on threads, and a driver call blocks only its own device (drivers bound their I/O with timeouts).
 *
 * <p>A fresh reconciler knows nothing about the devices but the generation each last confirmed applied: given the
 * current desired configurations it reads every device and writes only to those that differ, so a controller
 * restart or fail-over rewrites nothing that is right.
 *
 * <p>Thread-safe. Meant to run once per cluster, on the node that owns the OpenVNI singleton.
 */
public final class Reconciler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final DeviceWorker.Context context;
    private final Map<String, DeviceWorker> workers = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * A reconciler; it does nothing until given desired configurations.
     *
     * @param settings drift, healing, backoff and shutdown settings
     * @param drivers the drivers by kind of device
     * @param listener receives every status change, the progress of passes and operational state reads
     * @param runtime executors, clock and randomness
     */
    public Reconciler(final ReconcilerSettings settings, final DriverRegistry drivers, final StatusListener listener,
            final ReconcilerRuntime runtime) {
        this(settings, drivers, listener, runtime, device -> 0);
    }

    /**
     * A reconciler that continues where an earlier one left off (a controller restart, a fail-over, new settings):
     * each device starts at the generation it last confirmed applied, so that status never shows it going back, and
     * a difference found while that generation is still the desired one is drift.
     *
     * @param settings drift, healing, backoff and shutdown settings
     * @param drivers the drivers by kind of device
     * @param listener receives every status change, the progress of passes and operational state reads
     * @param runtime executors, clock and randomness
     * @param lastApplied the generation each device last confirmed applied, 0 if none
     */
    public Reconciler(final ReconcilerSettings settings, final DriverRegistry drivers, final StatusListener listener,
            final ReconcilerRuntime runtime, final ToLongFunction<String> lastApplied) {
        context = new DeviceWorker.Context(settings, drivers, listener, runtime, new InFlight(), lastApplied,
            new AtomicInteger());
    }

    /**
     * Sets one device's desired configuration. The device is added if it is new; a configuration whose generation is
     * not newer than the device's current one is ignored.
     *
     * @param desired the device's desired configuration
     */
    public void update(final DesiredConfig desired) {
        requireNonNull(desired);
        if (closed) {
            LOG.debug("{}: reconciler closed, ignoring generation {}", desired.intent().name(), desired.generation());
            return;
        }
        final var worker = workers.computeIfAbsent(desired.intent().name(), name -> new DeviceWorker(name, context));
        if (closed) {
            // close() ran while this worker was being added: it must not outlive the reconciler
            worker.stop();
            return;
        }
        worker.offer(desired);
    }

    /**
     * Sets the desired configuration of every device: updates those given and removes the others, for example with
     * {@code CompiledFabric.devices().values()}.
     *
     * @param all every device's desired configuration
     */
    public void updateAll(final Collection<DesiredConfig> all) {
        final var names = new HashSet<String>();
        for (var desired : all) {
            names.add(desired.intent().name());
            update(desired);
        }
        for (var name : Set.copyOf(workers.keySet())) {
            if (!names.contains(name)) {
                remove(name);
            }
        }
    }

    /**
     * Removes a device: cancels its queued work, retries and drift checks. A driver call in progress finishes, but
     * reports nothing. The device's configuration is left as it is.
     *
     * @param device the device's name
     * @return whether the device was known
     */
    @SuppressWarnings("checkstyle:IllegalCatch") // a listener bug must not stop the removal
    public boolean remove(final String device) {
        final var worker = workers.remove(device);
        if (worker == null) {
            return false;
        }
        worker.stop();
        LOG.info("{}: removed from reconciliation", device);
        try {
            context.listener().onRemoved(device);
        } catch (RuntimeException e) {
            LOG.warn("{}: status listener failed", device, e);
        }
        return true;
    }

    /**
     * Reconciles one device now, without waiting for a retry or drift check, and writes over drift even when
     * auto-heal is off.
     *
     * @param device the device's name
     * @return whether the device is known
     */
    public boolean reconcile(final String device) {
        return tell(device, DeviceWorker::reconcileNow);
    }

    /**
     * The device's driver opened a new session to it: if its last pass could not reach it, the retry runs now
     * instead of after its backoff.
     *
     * @param device the device's name
     * @return whether the device is known
     */
    public boolean sessionOpened(final String device) {
        return tell(device, DeviceWorker::sessionOpened);
    }

    // Whether the device is known; if so, its worker was told.
    private boolean tell(final String device, final Consumer<DeviceWorker> what) {
        final var worker = workers.get(device);
        if (worker != null) {
            what.accept(worker);
        }
        return worker != null;
    }

    /**
     * Checks one device for drift now: reads and diffs it, and heals drift if auto-heal is on.
     *
     * @param device the device's name
     * @return what the check found, once a pass that started after this call has ended; empty if the device is
     *         unknown
     */
    public Optional<CompletableFuture<DriftReport>> checkDrift(final String device) {
        final var worker = workers.get(device);
        return worker == null ? Optional.empty() : Optional.of(worker.checkNow());
    }

    /**
     * The names of the devices being reconciled.
     *
     * @return the names, sorted
     */
    public SortedSet<String> devices() {
        return new TreeSet<>(workers.keySet());
    }

    /**
     * Stops: cancels all queued work and timers, then waits up to {@link ReconcilerSettings#closeTimeout()} for
     * driver calls in progress. Publishes nothing afterwards; later calls are ignored. The executors are the
     * caller's to shut down.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        workers.values().forEach(DeviceWorker::stop);
        workers.clear();
        try {
            if (!context.inFlight().awaitIdle(context.settings().closeTimeout())) {
                LOG.warn("Reconciler closed with driver calls still in progress after {}",
                    context.settings().closeTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
