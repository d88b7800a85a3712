package io.openvni.southbound.spi;

import static java.util.Objects.requireNonNull;

import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.compile.DeviceRole;
import io.openvni.core.compile.Platform;

/**
 * Which driver a device needs: its role and the dialect it is configured in.
 *
 * @param role leaf switch or node router
 * @param dialect the configuration dialect: a leaf switch's {@code dialect} ({@code openconfig}), {@code frr} for
 *                node routers
 */
public record DriverKey(DeviceRole role, String dialect) {
    /** Leaf switches configured with OpenConfig over NETCONF. */
    public static final DriverKey OPENCONFIG_LEAF = new DriverKey(DeviceRole.LEAF_SWITCH, "openconfig");
    /** Node routers running FRR. */
    public static final DriverKey FRR_NODE = new DriverKey(DeviceRole.NODE_ROUTER, "frr");

    public DriverKey {
        requireNonNull(role);
        requireNonNull(dialect);
    }

    /**
     * The key a device's intent calls for.
     *
     * @param intent the device intent
     * @return its driver key
     */
    public static DriverKey of(final DeviceIntent intent) {
        final String dialect = switch (intent.platform()) {
            case Platform.LeafPlatform leaf -> leaf.dialect().yangName();
            case Platform.NodePlatform node -> FRR_NODE.dialect;
        };
        return new DriverKey(intent.role(), dialect);
    }

    @Override
    public String toString() {
        return role.yangName() + "/" + dialect;
    }
}
