package io.openvni.northbound.api;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The controller's own standing: whether it could process the stored intent, and whether it could write status.
 * Both kinds of failure are retried with backoff; this is how they show.
 *
 * @param processedAt when the stored intent was last processed in full, {@code null} before the first time
 * @param lastError why the last pass over the stored intent failed; empty once one succeeds
 * @param failedPasses passes over the stored intent that failed in a row
 * @param nextAttempt when the failed pass is retried, {@code null} when nothing failed
 * @param statusWriteFailures status writes that failed while this controller was active
 * @param lastStatusWriteError why the last failed status write failed; empty if none failed
 */
public record ControllerStatus(@Nullable Instant processedAt, String lastError, int failedPasses,
        @Nullable Instant nextAttempt, long statusWriteFailures, String lastStatusWriteError) {
    /** A controller that has done nothing yet. */
    public static final ControllerStatus INITIAL = new ControllerStatus(null, "", 0, null, 0, "");

    public ControllerStatus {
        requireNonNull(lastError);
        requireNonNull(lastStatusWriteError);
    }

    /**
     * The standing after a pass that processed the stored intent.
     *
     * @param at when
     * @return the new standing
     */
    public ControllerStatus processed(final Instant at) {
        return new ControllerStatus(at, "", 0, null, statusWriteFailures, lastStatusWriteError);
    }

    /**
     * The standing after a pass that failed and is retried.
     *
     * @param error why it failed
     * @param retry when it is retried
     * @return the new standing
     */
    public ControllerStatus passFailed(final String error, final Instant retry) {
        return new ControllerStatus(processedAt, error, failedPasses + 1, retry, statusWriteFailures,
            lastStatusWriteError);
    }

    /**
     * The standing after a status write that failed.
     *
     * @param error why it failed
     * @return the new standing
     */
    public ControllerStatus statusWriteFailed(final String error) {
        return new ControllerStatus(processedAt, lastError, failedPasses, nextAttempt, statusWriteFailures + 1,
            error);
    }
}
