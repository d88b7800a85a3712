package io.openvni.southbound.reconcile;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task after a delay: retries, drift checks, state reads, held-back progress. Scheduled tasks only hand
 * work to the reconciler's workers or status, they never talk to devices, so one timer thread serves any number of
 * devices. Tests use a manual clock instead.
 */
@FunctionalInterface
public interface Scheduler {
    /** A scheduled task that may still be cancelled. */
    @FunctionalInterface
    interface Cancellable {
        /** Cancels the task if it has not started; does nothing otherwise. */
        void cancel();
    }

    /**
     * Runs a task once after a delay.
     *
     * @param delay how long to wait
     * @param task what to run
     * @return a handle to cancel the task
     */
    Cancellable schedule(Duration delay, Runnable task);

    /**
     * A scheduler backed by an executor service, which the caller owns and shuts down.
     *
     * @param executor the executor
     * @return the scheduler
     */
    static Scheduler of(final ScheduledExecutorService executor) {
        requireNonNull(executor);
        return (delay, task) -> {
            final var future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        };
    }
}
