package io.openvni.southbound.reconcile;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/**
 * Where and when the reconciler runs. The caller owns the executors behind {@code workers} and {@code scheduler}
 * and shuts them down after {@link Reconciler#close()}.
 *
 * @param workers runs device passes (driver calls); bounded, because its size is how many devices are worked on at
 *                once
 * @param scheduler runs retries, drift checks, state reads and held-back progress later
 * @param clock stamps status changes and times progress
 * @param random jitters retry delays
 */
public record ReconcilerRuntime(Executor workers, Scheduler scheduler, Clock clock, RandomGenerator random) {
    public ReconcilerRuntime {
        requireNonNull(workers);
        requireNonNull(scheduler);
        requireNonNull(clock);
        requireNonNull(random);
    }
}
