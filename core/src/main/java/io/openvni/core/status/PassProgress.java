package io.openvni.core.status;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Where the pass running on a device stands, beside its {@link DeviceStatus}: only a running pass has progress.
 *
 * @param phase what the pass is doing: {@code reading}, {@code diffing}, {@code writing}, {@code committing},
 *              {@code verifying}, ...
 * @param done how many of the phase's items are done
 * @param total how many items the phase has; 0 when it has no countable items
 * @param since when the phase began
 * @param started when the pass began
 */
public record PassProgress(String phase, long done, long total, Instant since, Instant started) {
    public PassProgress {
        requireNonNull(phase);
        requireNonNull(since);
        requireNonNull(started);
        if (phase.isBlank()) {
            throw new IllegalArgumentException("phase must not be blank");
        }
        if (done < 0 || total < 0) {
            throw new IllegalArgumentException("done " + done + " and total " + total + " must not be negative");
        }
    }

    /**
     * Whether the phase has items to count.
     *
     * @return {@code true} if {@link #total()} is positive
     */
    public boolean counted() {
        return total > 0;
    }

    /**
     * One line for people, e.g. {@code writing 120/500} or {@code reading}.
     *
     * @return the text
     */
    public String describe() {
        return counted() ? phase + " " + done + "/" + total : phase;
    }
}
