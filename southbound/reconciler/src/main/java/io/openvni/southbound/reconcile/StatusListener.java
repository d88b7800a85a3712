package io.openvni.southbound.reconcile;

import io.openvni.core.status.DeviceStatus;
import io.openvni.core.status.PassProgress;
import io.openvni.southbound.spi.DeviceStateReader.StateResult;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Receives everything the reconciler learns about devices; the ODL adapter publishes it in {@code openvni-status}.
 * Calls for one device come one at a time and in order; calls for different devices may come concurrently.
 * Implementations must return quickly (queue the write, do not wait for it), because the reconciler holds the
 * device's lock while it calls.
 */
public interface StatusListener {
    /**
     * A device's standing changed: its state, a generation, its last error.
     *
     * @param status the new standing
     */
    void onStatus(DeviceStatus status);

    /**
     * The pass running on a device moved on: a new phase, or more items of the phase done. Thinned out by the
     * reconciler: a new phase at once, a phase's counts at most every second.
     *
     * @param device the device's name
     * @param progress where the pass stands; {@code null} once it has ended
     */
    default void onProgress(final String device, final @Nullable PassProgress progress) {
        // nothing by default
    }

    /**
     * A read of a device's operational state (BGP sessions, VNIs) ended, or was skipped because the device is
     * unreachable (then with {@link StateResult.Failed} saying so).
     *
     * @param device the device's name
     * @param result what the read gave
     */
    default void onOperationalState(final String device, final StateResult result) {
        // nothing by default
    }

    /**
     * A device was removed from the reconciler; nothing more about it follows.
     *
     * @param device the device's name
     */
    default void onRemoved(final String device) {
        // nothing by default
    }
}
