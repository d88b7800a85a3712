package io.openvni.southbound.reconcile;

import static java.util.Objects.requireNonNull;

import io.openvni.southbound.spi.MetricsRecorder;
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
 * @param metrics told how passes end, how long they take, drift found and the passes waiting for a worker
 * @param fence asked before every write whether this controller may still write to devices
 */
public record ReconcilerRuntime(Executor workers, Scheduler scheduler, Clock clock, RandomGenerator random,
        MetricsRecorder metrics, WriteFence fence) {
    public ReconcilerRuntime {
        requireNonNull(fence);
        requireNonNull(workers);
        requireNonNull(scheduler);
        requireNonNull(clock);
        requireNonNull(random);
        requireNonNull(metrics);
    }

    /** A runtime whose events are not recorded. */
    public ReconcilerRuntime(final Executor workers, final Scheduler scheduler, final Clock clock,
            final RandomGenerator random) {
        this(workers, scheduler, clock, random, MetricsRecorder.NONE);
    }

    /** A runtime that is never fenced. */
    public ReconcilerRuntime(final Executor workers, final Scheduler scheduler, final Clock clock,
            final RandomGenerator random, final MetricsRecorder metrics) {
        this(workers, scheduler, clock, random, metrics, WriteFence.OPEN);
    }
}
