package io.openvni.core.status;

import static java.util.Objects.requireNonNull;

import io.openvni.core.compile.DeviceRole;
import java.time.Instant;

/**
 * One device's standing.
 *
 * @param name device name
 * @param role leaf switch or node router
 * @param state its sync state
 * @param desiredGeneration the generation of its desired configuration
 * @param appliedGeneration the generation it last confirmed applied (0 before the first)
 * @param lastError the last failure, with the device's own text; empty if none
 * @param lastChange when the state or a generation last changed
 */
public record DeviceStatus(String name, DeviceRole role, SyncState state, long desiredGeneration,
        long appliedGeneration, String lastError, Instant lastChange) {
    public DeviceStatus {
        requireNonNull(name);
        requireNonNull(role);
        requireNonNull(state);
        requireNonNull(lastError);
        requireNonNull(lastChange);
    }

    /** Whether the device runs its desired configuration. */
    public boolean isInSync() {
        return state == SyncState.IN_SYNC && appliedGeneration == desiredGeneration;
    }

    /** The same standing with a new desired generation: pending until a driver applies it. */
    public DeviceStatus withDesiredGeneration(final long generation, final Instant when) {
        return new DeviceStatus(name, role, SyncState.PENDING, generation, appliedGeneration, lastError, when);
    }
}
