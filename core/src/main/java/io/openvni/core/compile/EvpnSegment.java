package io.openvni.core.compile;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One L2 VNI on one device.
 *
 * @param tenant owning tenant
 * @param network network name
 * @param vni the L2 VNI
 * @param vlan the fabric-wide VLAN of the network
 * @param routeDistinguisher the device's RD for it (router-id:index)
 * @param importRouteTargets route targets imported
 * @param exportRouteTargets route targets exported
 * @param arpSuppression whether ARP/ND is suppressed
 * @param vrf the {@link EvpnVrf#vni() L3 VNI} of the VRF routing it, absent for a pure L2 network
 * @param gateways anycast gateway addresses with prefix length (empty for pure L2)
 * @param mtu MTU, absent for the device default
 */
public record EvpnSegment(String tenant, String network, long vni, int vlan, String routeDistinguisher,
        List<String> importRouteTargets, List<String> exportRouteTargets, boolean arpSuppression,
        @Nullable Long vrf, List<String> gateways, @Nullable Integer mtu) {
    public EvpnSegment {
        requireNonNull(tenant);
        requireNonNull(network);
        requireNonNull(routeDistinguisher);
        importRouteTargets = List.copyOf(importRouteTargets);
        exportRouteTargets = List.copyOf(exportRouteTargets);
        gateways = List.copyOf(gateways);
    }
}
