package io.openvni.testlib.nodes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Fabric and tenant documents for the {@link NodeLab}: its nodes as node routers (SSH as root with the lab's key,
 * their FRR pathspace, netns VRFs, the gRPC port where zebra serves one, the spine as BGP peer) and no leaf
 * switches.
 */
public final class LabFabric {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LabFabric() {
        // documents
    }

    public static String fabric(final NodeLab lab, final int driftCheckSeconds, final boolean autoHeal) {
        final ObjectNode document = JSON.createObjectNode();
        final ObjectNode fabric = document.putObject("openvni-fabric:fabric");
        fabric.put("route-target-asn", 65000);
        fabric.put("drift-check-interval", driftCheckSeconds);
        fabric.put("auto-heal", autoHeal);
        final ArrayNode routers = fabric.putArray("node-router");
        for (LabNode node : lab.nodes()) {
            final ObjectNode router = routers.addObject();
            router.put("name", node.name());
            describe(router, node);
        }
        return document.toString();
    }

    /**
     * Fills a fabric's {@code node-router} entry with how to reach and configure a lab node: SSH as root with the
     * lab's key, its FRR pathspace, netns VRFs, its gRPC port if it has one, its ASN, router id and VTEP, and the
     * spine as its BGP peer.
     */
    public static void describe(final ObjectNode router, final LabNode node) {
        final ObjectNode ssh = router.putObject("ssh");
        ssh.put("host", node.managementAddress());
        ssh.put("port", LabNode.SSH_PORT);
        ssh.put("username", "root");
        ssh.put("private-key", node.privateKey());
        final ObjectNode frr = router.putObject("frr");
        frr.put("pathspace", node.pathspace());
        frr.put("netns-vrf", true);
        if (node.grpcPort() > 0) {
            frr.put("grpc-port", node.grpcPort());
        }
        router.put("asn", node.asn());
        router.put("router-id", node.routerId());
        router.put("vtep-address", node.vtep());
        final ObjectNode peer = router.putArray("bgp-peer").addObject();
        peer.put("address", node.spineAddress());
        peer.put("asn", NodeLab.SPINE_ASN);
    }

    /** A network of tenant acme in VRF red: {@code {name, l2-vni, subnet, gateway, node-router...}}. */
    public record Network(String name, long vni, String subnet, String gateway, String... nodes) {
    }

    /** Tenant acme: VRF red (L3 VNI {@code l3vni}) and the given networks. */
    public static String tenant(final long l3vni, final Network... networks) {
        final ObjectNode document = JSON.createObjectNode();
        final ObjectNode tenant = document.putArray("openvni-tenant:tenant").addObject();
        tenant.put("name", "acme");
        final ObjectNode vrf = tenant.putArray("vrf").addObject();
        vrf.put("name", "red");
        vrf.put("l3-vni", l3vni);
        final ArrayNode list = tenant.putArray("network");
        for (Network network : networks) {
            final ObjectNode item = list.addObject();
            item.put("name", network.name());
            item.put("l2-vni", network.vni());
            item.put("vrf", "red");
            item.putArray("subnet").add(network.subnet());
            item.putArray("gateway").add(network.gateway());
            final ArrayNode nodes = item.putArray("node-routers");
            for (String node : network.nodes()) {
                nodes.add(node);
            }
        }
        return document.toString();
    }
}
