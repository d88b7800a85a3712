package io.openvni.southbound.reconcile;

import io.openvni.core.status.DeviceStatus;

/**
 * Receives every change of a device's standing; the ODL adapter writes them to {@code openvni-status}. Calls for
 * one device come one at a time and in order; calls for different devices may come concurrently. Implementations
 * must return quickly (queue the write, do not wait for it), because the reconciler holds the device's lock while it
 * calls.
 */
public interface StatusListener {
    /**
     * A device's standing changed: its state, a generation, its last error.
     *
     * @param status the new standing
     */
    void onStatus(DeviceStatus status);

    /**
     * A device was removed from the reconciler; no status for it follows.
     *
     * @param device the device's name
     */
    default void onRemoved(final String device) {
        // nothing by default
    }
}
