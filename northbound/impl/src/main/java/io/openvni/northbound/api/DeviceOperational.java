package io.openvni.northbound.api;

import static java.util.Objects.requireNonNull;

import io.openvni.southbound.spi.DeviceState;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What the controller last read of a device's operational state.
 *
 * @param state the last state read successfully, {@code null} before the first
 * @param readError why the latest read failed; empty when it succeeded
 */
public record DeviceOperational(@Nullable DeviceState state, String readError) {
    public DeviceOperational {
        requireNonNull(readError);
    }
}
