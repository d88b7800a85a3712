package io.openvni.southbound.reconcile;

import static java.util.Objects.requireNonNull;

import io.openvni.core.status.PassProgress;
import io.openvni.southbound.spi.ApplyProgress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The progress of one pass, thinned out for status: a driver may report every entry it writes, but status shows a
 * new phase at once and a phase's counts at most every {@link #INTERVAL}; the newest count held back is shown when
 * the interval is up, so a count is never left stale for longer. Ends with the pass: nothing is shown afterwards.
 *
 * <p>Called from the pass's thread and, for the held-back count, from the scheduler; {@code show} is called with
 * this throttle's lock held, never with the device worker's, so that the lock order is always throttle, worker.
 */
final class ProgressThrottle implements ApplyProgress {
    /** The shortest time between two shown counts of the same phase. */
    static final Duration INTERVAL = Duration.ofSeconds(1);

    private final Clock clock;
    private final Scheduler scheduler;
    private final Instant started;
    private final Consumer<PassProgress> show;

    // guarded by this
    private @Nullable PassProgress shown;
    private Instant shownAt = Instant.MIN;
    private @Nullable PassProgress held;
    private Scheduler.@Nullable Cancellable flush;
    private boolean ended;

    /**
     * A throttle for a pass starting now.
     *
     * @param clock when reports arrive
     * @param scheduler runs the showing of a held-back count
     * @param show shows progress in status
     */
    ProgressThrottle(final Clock clock, final Scheduler scheduler, final Consumer<PassProgress> show) {
        this.clock = requireNonNull(clock);
        this.scheduler = requireNonNull(scheduler);
        this.show = requireNonNull(show);
        started = clock.instant();
    }

    @Override
    public synchronized void report(final String phase, final long done, final long total) {
        if (ended) {
            return;
        }
        final var now = clock.instant();
        final var last = shown;
        if (last == null || !last.phase().equals(phase)) {
            show(new PassProgress(phase, done, total, now, started), now);
            return;
        }
        final var next = new PassProgress(phase, done, total, last.since(), started);
        if (next.equals(last)) {
            return;
        }
        if (!now.isBefore(shownAt.plus(INTERVAL))) {
            show(next, now);
            return;
        }
        held = next;
        if (flush == null) {
            flush = scheduler.schedule(Duration.between(now, shownAt.plus(INTERVAL)), this::flush);
        }
    }

    /** The pass ended: nothing more is shown, and a held-back count is dropped. */
    synchronized void end() {
        ended = true;
        held = null;
        cancelFlush();
    }

    private synchronized void flush() {
        flush = null;
        final var next = held;
        if (!ended && next != null) {
            show(next, clock.instant());
        }
    }

    // guarded by this
    private void show(final PassProgress progress, final Instant now) {
        held = null;
        cancelFlush();
        shown = progress;
        shownAt = now;
        show.accept(progress);
    }

    // guarded by this
    private void cancelFlush() {
        if (flush != null) {
            flush.cancel();
            flush = null;
        }
    }
}
