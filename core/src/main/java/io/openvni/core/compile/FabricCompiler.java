package io.openvni.core.compile;

import io.openvni.core.compile.BgpNeighbor.AddressFamily;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compiles one device of a {@link FabricIndex} into its {@link DeviceIntent}: the networks placed on it, the VRFs
 * those networks route through, and its BGP neighbors (a node router's configured peers; on a leaf switch, one
 * EVPN neighbor per attached node router, at the node's VTEP address).
 */
final class FabricCompiler {
    private FabricCompiler() {
        // static compiler
    }

    static DeviceIntent compile(final FabricIndex index, final ResolvedDevice device) {
        final String routerId = device.underlay().routerId();
        final var placed = index.networksOn(device);
        final var segments = new ArrayList<EvpnSegment>(placed.size());
        final Map<Long, EvpnVrf> vrfs = new TreeMap<>();
        for (var network : placed) {
            segments.add(new EvpnSegment(network.tenant(), network.name(), network.vni(), network.vlan(),
                routerId + ":" + network.rdIndex(), network.routeTargets(), network.routeTargets(),
                network.arpSuppression(), network.vrfVni(), network.gateways(), network.mtu()));
            if (network.vrf() != null) {
                vrfs.computeIfAbsent(network.vrfVni(), vni -> {
                    final var vrf = index.vrfs().get(io.openvni.core.intent.IntentPaths.vrf(network.tenant(),
                        network.vrf()));
                    return new EvpnVrf(vrf.tenant(), vrf.name(), vrf.vni(), routerId + ":" + vrf.rdIndex(),
                        vrf.importRouteTargets(), vrf.exportRouteTargets());
                });
            }
        }
        return new DeviceIntent(device.name(), device.role(), device.underlay(), device.platform(),
            index.anycastGatewayMac(), segments, List.copyOf(vrfs.values()), neighbors(index, device));
    }

    private static List<BgpNeighbor> neighbors(final FabricIndex index, final ResolvedDevice device) {
        return switch (device.role()) {
            case NODE_ROUTER -> device.peers();
            case LEAF_SWITCH -> index.nodesAttachedTo(device.name()).stream()
                .map(node -> new BgpNeighbor(node.underlay().vtepAddress(), node.underlay().asn(), node.name(),
                    Set.of(AddressFamily.L2VPN_EVPN)))
                .sorted(Comparator.comparing(BgpNeighbor::address))
                .toList();
        };
    }
}
