package io.openvni.southbound.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A clock and scheduler that move only when the test says so: {@link #advance} runs, on the test's thread, every
 * task that falls due, in order. Remembers every delay it was asked for.
 */
final class ManualTime extends Clock implements Scheduler {
    private record Task(Instant due, long order, Runnable action, boolean[] cancelled) {
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.due.equals(b.due)
        ? Long.compare(a.order, b.order) : a.due.compareTo(b.due));
    private final List<Duration> delays = new ArrayList<>();
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private long order;

    @Override
    public synchronized Cancellable schedule(final Duration delay, final Runnable task) {
        final var cancelled = new boolean[1];
        delays.add(delay);
        tasks.add(new Task(now.plus(delay), order++, task, cancelled));
        notifyAll();
        return () -> {
            synchronized (ManualTime.this) {
                cancelled[0] = true;
            }
        };
    }

    /** Moves time forward, running every task that falls due on the way. */
    void advance(final Duration duration) {
        final Instant target;
        synchronized (this) {
            target = now.plus(duration);
        }
        while (true) {
            final Task next;
            synchronized (this) {
                final var head = tasks.peek();
                if (head == null || head.due.isAfter(target)) {
                    now = target;
                    return;
                }
                next = tasks.poll();
                if (next.cancelled[0]) {
                    continue;
                }
                now = next.due;
            }
            next.action.run();
        }
    }

    /** Every delay asked for so far, in order. */
    synchronized List<Duration> delays() {
        return List.copyOf(delays);
    }

    /** How many tasks are scheduled and not cancelled. */
    synchronized long pending() {
        return tasks.stream().filter(task -> !task.cancelled[0]).count();
    }

    /**
     * Waits until at least {@code count} tasks are scheduled, for tests whose tasks are scheduled from worker
     * threads; the wait only guards against hanging, nothing asserts on how long it takes.
     */
    synchronized void awaitPending(final long count) throws InterruptedException {
        final long deadline = System.currentTimeMillis() + 10_000;
        while (pending() < count) {
            final long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw new AssertionError("only " + pending() + " of " + count + " tasks were scheduled");
            }
            wait(left);
        }
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(final ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
