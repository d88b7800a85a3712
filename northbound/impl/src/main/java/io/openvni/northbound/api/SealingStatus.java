package io.openvni.northbound.api;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The secret sealer's standing: which of the fabric's credentials are still plaintext in the configuration
 * datastore, and why sealing them failed. A failed sealing is retried with backoff; this is how it shows. Holds
 * where each credential is, never its value.
 *
 * @param unsealed the path of each credential still in plaintext, e.g.
 *        {@code /fabric/leaf-switch[leaf1]/netconf/password}
 * @param checkedAt when the sealer last read the fabric's credentials, {@code null} before the first time
 * @param lastError why the last sealing failed; empty once one succeeds
 * @param lastErrorAt when it failed, {@code null} when nothing failed
 * @param failedAttempts sealings that failed in a row
 * @param nextAttempt when the failed sealing is retried, {@code null} when nothing failed
 */
public record SealingStatus(List<String> unsealed, @Nullable Instant checkedAt, String lastError,
        @Nullable Instant lastErrorAt, int failedAttempts, @Nullable Instant nextAttempt) {
    /** A sealer that has not looked yet. */
    public static final SealingStatus INITIAL = new SealingStatus(List.of(), null, "", null, 0, null);

    public SealingStatus {
        unsealed = List.copyOf(unsealed);
        requireNonNull(lastError);
    }

    /**
     * The standing after a pass that did not fail: it sealed what it found (or found nothing), or it met a newer
     * commit, whose own pass seals what that brought.
     *
     * @param at when
     * @param stillUnsealed the credentials left in plaintext: none, or those the newer commit met
     * @return the new standing
     */
    public SealingStatus checked(final Instant at, final List<String> stillUnsealed) {
        return new SealingStatus(stillUnsealed, at, "", null, 0, null);
    }

    /**
     * The standing after a sealing that failed and is retried.
     *
     * @param at when
     * @param plaintext the credentials left in plaintext, or {@code null} if the failure came before the sealer
     *        could read them (the previous list stands)
     * @param error why it failed, naming no value
     * @param retry when it is retried
     * @return the new standing
     */
    public SealingStatus failed(final Instant at, final @Nullable List<String> plaintext, final String error,
            final Instant retry) {
        return new SealingStatus(plaintext == null ? unsealed : plaintext, plaintext == null ? checkedAt : at, error,
            at, failedAttempts + 1, retry);
    }
}
