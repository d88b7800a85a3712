package io.openvni.southbound.frr;

import static java.util.Objects.requireNonNull;

import io.openvni.southbound.spi.ApplyProgress;

/** How far one phase of an apply is, told to the apply's progress as its steps get done. */
final class PhaseTally {
    private final String phase;
    private final long total;
    private final ApplyProgress progress;
    private long done;

    PhaseTally(final String phase, final long total, final ApplyProgress progress) {
        this.phase = requireNonNull(phase);
        this.total = total;
        this.progress = requireNonNull(progress);
    }

    /** Tells where the phase is. */
    void report() {
        progress.report(phase, done, total);
    }

    /** Counts steps as done and tells it. */
    void advance(final long steps) {
        done += steps;
        report();
    }
}
