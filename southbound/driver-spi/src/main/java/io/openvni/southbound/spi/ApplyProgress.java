package io.openvni.southbound.spi;

/**
 * Where a long apply stands, for status: a driver reports each phase it enters and, in phases that write entries,
 * how many of them are done. Calls are cheap and may be frequent; the reconciler decides how often status shows
 * them. Called from the thread that runs the apply.
 */
@FunctionalInterface
public interface ApplyProgress {
    /** Reports nowhere. */
    ApplyProgress NONE = (phase, done, total) -> { };

    /**
     * Reports progress.
     *
     * @param phase what the driver is doing, one word or two: {@code writing}, {@code committing},
     *              {@code verifying}, ...
     * @param done how many of the phase's items are done
     * @param total how many items the phase has; 0 when it has no countable items
     */
    void report(String phase, long done, long total);
}
