package io.openvni.core.intent;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A layer-2 segment of a tenant, carried by an L2 VNI.
 *
 * @param name name, unique within the tenant
 * @param l2Vni the L2 VNI, absent when it is to be allocated
 * @param vlan the fabric-wide VLAN, absent when it is to be allocated
 * @param vrf the tenant's VRF routing it, absent for a pure L2 network
 * @param subnets IPv4 and IPv6 prefixes, as written
 * @param gateways anycast gateway addresses with prefix length, as written
 * @param arpSuppression whether VTEPs answer ARP/ND locally
 * @param mtu interface MTU, absent for the device default
 * @param nodeRouters node routers it is placed on; empty means all
 * @param leafSwitches leaf switches it is placed on; empty means all
 */
public record Network(String name, @Nullable Long l2Vni, @Nullable Integer vlan, @Nullable String vrf,
        List<String> subnets, List<String> gateways, boolean arpSuppression, @Nullable Integer mtu,
        List<String> nodeRouters, List<String> leafSwitches) {
    public Network {
        requireNonNull(name);
        subnets = List.copyOf(subnets);
        gateways = List.copyOf(gateways);
        nodeRouters = List.copyOf(nodeRouters);
        leafSwitches = List.copyOf(leafSwitches);
    }

    public boolean isPlacedOnNode(final String node) {
        return nodeRouters.isEmpty() || nodeRouters.contains(node);
    }

    public boolean isPlacedOnLeaf(final String leaf) {
        return leafSwitches.isEmpty() || leafSwitches.contains(leaf);
    }
}
