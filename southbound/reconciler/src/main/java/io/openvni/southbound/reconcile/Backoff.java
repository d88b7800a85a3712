package io.openvni.southbound.reconcile;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: the n-th consecutive failure waits a uniformly random time between zero
 * and {@code min(max, initial * 2^(n-1))}. The randomness spreads the retries of devices that failed together (a
 * fabric-wide outage) instead of sending them back in lockstep.
 *
 * @param initial the ceiling after the first failure
 * @param max the largest ceiling
 */
public record Backoff(Duration initial, Duration max) {
    /**
     * The one retry policy of the controller (devices, its own passes, status writes): from 1 s up to 30 s. A device
     * back from an outage is retried within half a minute, and 30 s between reads of a device that stays down costs
     * it and the controller nothing worth saving.
     */
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    public Backoff {
        requireNonNull(initial);
        requireNonNull(max);
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial backoff must be positive, was " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max backoff " + max + " is below the initial " + initial);
        }
    }

    /**
     * The largest delay after a number of consecutive failures.
     *
     * @param failures consecutive failures, at least 1
     * @return the ceiling of the delay
     */
    public Duration ceiling(final int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be positive, was " + failures);
        }
        final long nanos = initial.toNanos();
        // doubling past the sign bit would overflow; by then the ceiling is long past any max
        if (failures - 1 >= Long.numberOfLeadingZeros(nanos) - 1) {
            return max;
        }
        final long scaled = nanos << failures - 1;
        return scaled > max.toNanos() ? max : Duration.ofNanos(scaled);
    }

    /**
     * The delay before the next attempt.
     *
     * @param failures consecutive failures, at least 1
     * @param random source of the jitter
     * @return a delay between zero and {@link #ceiling(int)}
     */
    public Duration delay(final int failures, final RandomGenerator random) {
        return Duration.ofNanos((long) (random.nextDouble() * ceiling(failures).toNanos()));
    }
}
