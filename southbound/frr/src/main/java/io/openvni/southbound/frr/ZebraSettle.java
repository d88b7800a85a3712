package io.openvni.southbound.frr;

import java.time.Duration;

/**
 * How long the check after an apply goes on re-reading a node that still differs, and when it repairs what zebra
 * has not taken up instead of waiting for it. zebra follows namespace and device changes asynchronously, and works
 * through a big change for a while (many seconds at thousands of networks): the check goes on as long as each
 * read-back finds less to do. Pure: the caller passes the time ({@link System#nanoTime()}) in.
 */
final class ZebraSettle {
    /** What to run before the next read-back. */
    enum Repair {
        /** Nothing: wait for zebra. */
        NONE,
        /**
         * Release VXLAN devices zebra holds protodown a moment after they appear (see {@code KernelDiff}): here
         * rather than fail the apply and wait for a retry.
         */
        RELEASE_PROTODOWN,
        /** Create the devices zebra lacks (or give them their addresses) anew, which it does take up. */
        RECREATE
    }

    private final long settle;
    private long deadline;
    // what zebra lacked at the last repair, and when that was; what the last read-back found lacking and left
    private int repairedLacking = Integer.MAX_VALUE;
    private long repairedAt;
    private int lackingBefore = Integer.MAX_VALUE;
    private int leftBefore = Integer.MAX_VALUE;

    /**
     * The settling of one apply.
     *
     * @param settle how long the node may go without progress
     * @param start when the check began
     */
    ZebraSettle(final Duration settle, final long start) {
        this.settle = settle.toNanos();
        deadline = start + this.settle;
        repairedAt = start;
    }

    /**
     * A read-back found work left.
     *
     * @param left how many commands are left to do
     * @param lacking how many owned devices zebra lacks (or lacks addresses of)
     * @param onlyProtodownReleases whether all that is left is releasing VXLAN devices from protodown
     * @param onlyKernel whether all that is left is iproute2 batches
     * @param now the time
     * @return what to run now
     */
    Repair next(final int left, final int lacking, final boolean onlyProtodownReleases, final boolean onlyKernel,
            final long now) {
        // progress is less to do, or zebra lacking fewer devices (a repair creates only some of them anew, so the
        // commands left stay the same while zebra takes the others up)
        if (left < leftBefore || lacking < lackingBefore) {
            deadline = Math.max(deadline, now + settle);
        }
        leftBefore = left;
        if (onlyProtodownReleases) {
            lackingBefore = lacking;
            return Repair.RELEASE_PROTODOWN;
        }
        // zebra sometimes misses an event of a namespace it has just taken up (seen: an SVI's address, in 1 of 10 to
        // 20 new VRF namespaces, also on a fresh zebra, and for many of hundreds of SVIs created at once) and never
        // learns it; what it still lacks half the settle time after the apply is created (or given its address)
        // anew, and again after each repair that left it lacking less. Only once zebra has stalled, though: while it
        // is still taking devices up (a busy zebra lags by many seconds behind hundreds of new devices) a repair
        // would only be more for it to work through.
        final boolean stalled = lacking >= lackingBefore;
        lackingBefore = lacking;
        return lacking > 0 && stalled && lacking < repairedLacking && onlyKernel && now - repairedAt > settle / 2
            ? Repair.RECREATE : Repair.NONE;
    }

    /**
     * A {@link Repair#RECREATE} ran: the next one waits for zebra to lack less, and the node gets the whole settle
     * time again.
     *
     * @param lacking how many devices zebra lacked
     * @param now the time
     */
    void recreated(final int lacking, final long now) {
        repairedLacking = lacking;
        repairedAt = now;
        deadline = now + settle;
    }

    /** Whether the node has had its time: the check fails. */
    boolean expired(final long now) {
        return now > deadline;
    }
}
