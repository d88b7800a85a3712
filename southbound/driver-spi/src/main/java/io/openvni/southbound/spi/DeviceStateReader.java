package io.openvni.southbound.spi;

import io.openvni.core.compile.DeviceIntent;

/**
 * A driver that can also read a device's operational state (BGP sessions, VNIs) for status. Optional: the
 * controller asks drivers that implement it, periodically, from its worker threads.
 */
public interface DeviceStateReader {
    /**
     * Reads the device's operational state. Bounded by the driver's timeouts like every other device call.
     *
     * @param intent the device's desired intent, which names it and says how it runs
     * @return the state, or why it could not be read
     */
    StateResult readState(DeviceIntent intent);

    /** The outcome of a state read. */
    sealed interface StateResult {
        /**
         * The device answered.
         *
         * @param state what it reported
         */
        record Read(DeviceState state) implements StateResult {
        }

        /**
         * The device did not answer or refused.
         *
         * @param failure why
         */
        record Failed(DeviceFailure failure) implements StateResult {
        }
    }
}
