package io.openvni.southbound.reconcile;

import java.time.Duration;

/**
 * Counts passes that are talking to devices, so that {@link Reconciler#close()} can wait for them.
 */
final class InFlight {
    private int passes;

    synchronized void enter() {
        passes++;
    }

    synchronized void exit() {
        passes--;
        if (passes == 0) {
            notifyAll();
        }
    }

    /**
     * Waits until no pass is in flight.
     *
     * @param timeout the longest wait
     * @return whether every pass finished in time
     * @throws InterruptedException if interrupted while waiting
     */
    synchronized boolean awaitIdle(final Duration timeout) throws InterruptedException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (passes > 0) {
            final long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(left / 1_000_000, (int) (left % 1_000_000));
        }
        return true;
    }
}
