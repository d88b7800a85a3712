package io.openvni.southbound.reconcile;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How the reconciler behaves.
 *
 * @param driftInterval how long after a pass a device in sync is read again to look for drift; zero turns drift
 *                      checks off
 * @param autoHeal whether drift found by a check is written over at once; when off, the device stays
 *                 {@code drifted} until a new desired configuration or a forced reconcile
 * @param backoff retry delays after failures
 * @param closeTimeout how long {@link Reconciler#close()} waits for driver calls in progress
 * @param stateInterval how long after a pass or the previous read a device's operational state is read, for
 *                      drivers that can; zero turns these reads off
 */
public record ReconcilerSettings(Duration driftInterval, boolean autoHeal, Backoff backoff, Duration closeTimeout,
        Duration stateInterval) {
    /**
     * Drift checks every five minutes with auto-heal, retries by {@link Backoff#DEFAULT} (1 s up to 30 s), 30 s to
     * close, operational state read every 10 s.
     */
    public static final ReconcilerSettings DEFAULTS = new ReconcilerSettings(Duration.ofMinutes(5), true,
        Backoff.DEFAULT, Duration.ofSeconds(30), Duration.ofSeconds(10));

    public ReconcilerSettings {
        requireNonNull(driftInterval);
        requireNonNull(backoff);
        requireNonNull(closeTimeout);
        requireNonNull(stateInterval);
        if (driftInterval.isNegative()) {
            throw new IllegalArgumentException("drift interval must not be negative, was " + driftInterval);
        }
        if (stateInterval.isNegative()) {
            throw new IllegalArgumentException("state interval must not be negative, was " + stateInterval);
        }
    }

    /**
     * Whether periodic drift checks run.
     *
     * @return {@code true} unless the interval is zero
     */
    public boolean driftChecks() {
        return !driftInterval.isZero();
    }

    /**
     * Whether operational state is read.
     *
     * @return {@code true} unless the interval is zero
     */
    public boolean stateReads() {
        return !stateInterval.isZero();
    }

    public ReconcilerSettings withDriftInterval(final Duration interval) {
        return new ReconcilerSettings(interval, autoHeal, backoff, closeTimeout, stateInterval);
    }

    public ReconcilerSettings withAutoHeal(final boolean heal) {
        return new ReconcilerSettings(driftInterval, heal, backoff, closeTimeout, stateInterval);
    }

    public ReconcilerSettings withBackoff(final Backoff retries) {
        return new ReconcilerSettings(driftInterval, autoHeal, retries, closeTimeout, stateInterval);
    }

    public ReconcilerSettings withStateInterval(final Duration interval) {
        return new ReconcilerSettings(driftInterval, autoHeal, backoff, closeTimeout, interval);
    }
}
