package io.openvni.southbound.reconcile;

import static java.util.Objects.requireNonNull;

import io.openvni.core.status.DeviceStatus;

/**
 * What an on-demand drift check found on one device.
 *
 * @param status the device's standing after the check
 * @param drift the readable difference between the device's owned configuration and the applied intent; empty when
 *              the device had not drifted (a device still rolling out reports no drift, its difference is not drift)
 * @param healed whether the drift was written over in the same pass
 */
public record DriftReport(DeviceStatus status, String drift, boolean healed) {
    public DriftReport {
        requireNonNull(status);
        requireNonNull(drift);
    }

    /**
     * Whether the check found the device drifted.
     *
     * @return {@code true} if {@link #drift()} is not empty
     */
    public boolean drifted() {
        return !drift.isEmpty();
    }
}
