package io.openvni.core.compile;

import static java.util.Objects.requireNonNull;

/**
 * What one device should run, and the generation of that wish: bumped each time the device intent changes.
 */
public record DesiredConfig(DeviceIntent intent, long generation) {
    public DesiredConfig {
        requireNonNull(intent);
        if (generation < 1) {
            throw new IllegalArgumentException("generation must be positive, was " + generation);
        }
    }
}
