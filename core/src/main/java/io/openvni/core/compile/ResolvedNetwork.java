package io.openvni.core.compile;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A network with every allocated value filled in: the unit the incremental compiler compares.
 */
record ResolvedNetwork(String tenant, String name, long vni, int vlan, int rdIndex, @Nullable Long vrfVni,
        @Nullable String vrf, List<String> routeTargets, List<String> gateways, boolean arpSuppression,
        @Nullable Integer mtu, List<String> nodeRouters, List<String> leafSwitches) {
    ResolvedNetwork {
        requireNonNull(tenant);
        requireNonNull(name);
        routeTargets = List.copyOf(routeTargets);
        gateways = List.copyOf(gateways);
        nodeRouters = List.copyOf(nodeRouters);
        leafSwitches = List.copyOf(leafSwitches);
    }

    boolean isOn(final DeviceRole role, final String device) {
        final var placement = role == DeviceRole.LEAF_SWITCH ? leafSwitches : nodeRouters;
        return placement.isEmpty() || placement.contains(device);
    }
}
