package io.openvni.core.compile;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A network with every allocated value filled in: the unit the incremental compiler compares. Placements are sets
 * (empty means every device of the role) because they are probed once per device.
 */
record ResolvedNetwork(String tenant, String name, long vni, int vlan, int rdIndex, @Nullable Long vrfVni,
        @Nullable String vrf, List<String> routeTargets, List<String> gateways, boolean arpSuppression,
        @Nullable Integer mtu, Set<String> nodeRouters, Set<String> leafSwitches) {
    ResolvedNetwork {
        requireNonNull(tenant);
        requireNonNull(name);
        routeTargets = List.copyOf(routeTargets);
        gateways = List.copyOf(gateways);
        nodeRouters = Set.copyOf(nodeRouters);
        leafSwitches = Set.copyOf(leafSwitches);
    }

    boolean isOn(final DeviceRole role, final String device) {
        final var placement = role == DeviceRole.LEAF_SWITCH ? leafSwitches : nodeRouters;
        return placement.isEmpty() || placement.contains(device);
    }
}
