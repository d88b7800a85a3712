package io.openvni.southbound.spi;

import static java.util.Objects.requireNonNull;

/**
 * Why a device did not do what was asked. Both kinds are retried with backoff; they differ in the state the device
 * is reported in ({@code failed} or {@code unreachable}).
 */
public sealed interface DeviceFailure {
    /**
     * Text for status and logs.
     *
     * @return the device's error text or the reason
     */
    String text();

    /**
     * The device answered and refused: an RPC error, a commit that failed validation, a {@code vtysh} error.
     *
     * @param deviceError the device's own error text, as it gave it
     */
    record Rejected(String deviceError) implements DeviceFailure {
        public Rejected {
            requireNonNull(deviceError);
        }

        @Override
        public String text() {
            return deviceError;
        }
    }

    /**
     * The device did not answer: connection refused or lost, session not up, timeout.
     *
     * @param reason what went wrong
     */
    record Unreachable(String reason) implements DeviceFailure {
        public Unreachable {
            requireNonNull(reason);
        }

        @Override
        public String text() {
            return reason;
        }
    }
}
