package io.openvni.southbound.reconcile;

import static java.util.Objects.requireNonNull;

import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The timers that ask one device's worker for a later pass: the retry after a failed pass, its delay growing with
 * the failures in a row ({@link Backoff}), and the next drift check after a pass that reached the device. At most
 * one of each is pending. Not thread-safe: guarded by its {@link DeviceWorker}'s lock.
 */
final class PassTimers {
    private static final Logger LOG = LoggerFactory.getLogger(PassTimers.class);

    private final String name;
    private final ReconcilerSettings settings;
    private final ReconcilerRuntime runtime;
    private int failures;
    private Scheduler.@Nullable Cancellable retry;
    private Scheduler.@Nullable Cancellable driftCheck;

    PassTimers(final String name, final ReconcilerSettings settings, final ReconcilerRuntime runtime) {
        this.name = requireNonNull(name);
        this.settings = requireNonNull(settings);
        this.runtime = requireNonNull(runtime);
    }

    /** A pass reached the device: the next failure starts the backoff again, and a drift check follows. */
    void reached(final Runnable driftCheckPass) {
        failures = 0;
        if (settings.driftChecks()) {
            driftCheck = runtime.scheduler().schedule(settings.driftInterval(), driftCheckPass);
        }
    }

    /** A pass failed: another follows after a backoff that grows with each failure in a row. */
    void failed(final Runnable retryPass) {
        failures++;
        final var delay = settings.backoff().delay(failures, runtime.random());
        LOG.debug("{}: attempt {} failed, retrying in {}", name, failures, delay);
        retry = runtime.scheduler().schedule(delay, retryPass);
    }

    /** Cancels the pending retry and drift check: a pass is starting, or the worker stops. */
    void cancel() {
        if (retry != null) {
            retry.cancel();
            retry = null;
        }
        if (driftCheck != null) {
            driftCheck.cancel();
            driftCheck = null;
        }
    }
}
