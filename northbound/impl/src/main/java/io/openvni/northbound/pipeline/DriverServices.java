package io.openvni.northbound.pipeline;

import io.openvni.core.compile.DeviceRole;
import io.openvni.southbound.spi.DeviceDriver;
import io.openvni.southbound.spi.DriverKey;
import io.openvni.southbound.spi.DriverRegistry;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Device drivers published as OSGi services. Each driver service names what it drives in the
 * {@value #KEY_PROPERTY} property, as {@code <role>/<dialect>}: {@code leaf-switch/openconfig},
 * {@code node-router/frr}.
 */
public final class DriverServices {
    /** The service property naming a driver's {@link DriverKey}. */
    public static final String KEY_PROPERTY = "openvni.driver";

    private static final Logger LOG = LoggerFactory.getLogger(DriverServices.class);

    private DriverServices() {
        // utility class
    }

    /**
     * The registry of the given driver services; services without a valid key are left out with a warning.
     *
     * @param services each driver with its service properties
     * @return the registry
     */
    static DriverRegistry registry(final List<Map.Entry<Map<String, ?>, DeviceDriver<?, ?>>> services) {
        final var drivers = new HashMap<DriverKey, DeviceDriver<?, ?>>();
        for (var service : services) {
            final var value = service.getKey().get(KEY_PROPERTY);
            final var parts = value instanceof String text ? text.split("/", 2) : new String[0];
            final var role = parts.length != 2 ? null : Arrays.stream(DeviceRole.values())
                .filter(candidate -> candidate.yangName().equals(parts[0])).findFirst().orElse(null);
            if (role == null) {
                LOG.warn("Ignoring device driver {}: property {} is '{}', not '<role>/<dialect>'",
                    service.getValue().getClass().getName(), KEY_PROPERTY, value);
                continue;
            }
            drivers.put(new DriverKey(role, parts[1]), service.getValue());
        }
        LOG.info("Device drivers: {}", drivers.keySet());
        return new DriverRegistry(drivers);
    }
}
