package io.openvni.southbound.spi;

import io.openvni.core.compile.DeviceIntent;
import java.util.Map;
import java.util.Optional;

/**
 * The drivers the reconciler may use, by {@link DriverKey}. Immutable: the ODL adapter builds a new registry (and a
 * new reconciler) when drivers come and go.
 */
public final class DriverRegistry {
    private final Map<DriverKey, DeviceDriver<?, ?>> drivers;

    /**
     * A registry of the given drivers.
     *
     * @param drivers driver per key
     */
    public DriverRegistry(final Map<DriverKey, ? extends DeviceDriver<?, ?>> drivers) {
        this.drivers = Map.copyOf(drivers);
    }

    /**
     * A registry with one driver.
     *
     * @param key what it drives
     * @param driver the driver
     * @return the registry
     */
    public static DriverRegistry of(final DriverKey key, final DeviceDriver<?, ?> driver) {
        return new DriverRegistry(Map.of(key, driver));
    }

    /**
     * The driver for a device.
     *
     * @param intent the device's intent, which says its role and dialect
     * @return the driver, or empty if none is registered for that kind of device
     */
    public Optional<DeviceDriver<?, ?>> driverFor(final DeviceIntent intent) {
        return Optional.ofNullable(drivers.get(DriverKey.of(intent)));
    }
}
