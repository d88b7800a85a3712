package io.openvni.northbound.api;

/**
 * The secret sealer's standing as published in {@code openvni-status:secrets}, readable on every cluster node
 * (the sealer runs on one of them, not necessarily the controller's).
 */
public interface SecretSealing {
    /**
     * The published standing, read from the operational datastore now.
     *
     * @return the standing; {@link SealingStatus#INITIAL} if nothing was published yet, and a standing whose
     *         {@code lastError} says so if the datastore could not be read
     */
    SealingStatus status();
}
