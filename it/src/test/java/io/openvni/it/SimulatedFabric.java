package io.openvni.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvni.testlib.leaves.NetconfdLeaves;
import io.openvni.testlib.leaves.OpenConfigYang;
import io.openvni.testlib.leaves.TesttoolLeaves;
import io.openvni.testlib.nodes.LabFabric;
import io.openvni.testlib.nodes.LabNode;
import io.openvni.testlib.nodes.NodeLab;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A fabric document whose leaf switches leaf1..leafN are netconfd simulators, with the settings netconfd needs
 * (its submodules as extra capabilities, the schema folder).
 */
final class SimulatedFabric {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode document = JSON.createObjectNode();
    private final ObjectNode fabric = document.putObject("openvni-fabric:fabric");
    private final ArrayNode leaves = fabric.putArray("leaf-switch");
    private Path schemaDirectory;

    SimulatedFabric() {
        fabric.put("route-target-asn", 65000);
    }

    /** Adds leaf switch {@code leaf<number>} served by the simulator listening on {@code port}. */
    SimulatedFabric leaf(final int number, final NetconfdLeaves simulators, final int port) throws IOException {
        final ObjectNode leaf = leaves.addObject();
        leaf.put("name", "leaf" + number);
        final ObjectNode netconf = leaf.putObject("netconf");
        netconf.put("host", simulators.host(0));
        netconf.put("port", port);
        netconf.put("username", simulators.username(0));
        netconf.put("password", simulators.password(0));
        final ArrayNode extra = netconf.putArray("extra-capability");
        OpenConfigYang.submoduleCapabilities().forEach(extra::add);
        netconf.put("schema-directory",
            (schemaDirectory != null ? schemaDirectory : OpenConfigYang.directory()).toString());
        leaf.put("asn", 65000 + number);
        leaf.put("router-id", "10.0.0." + number);
        leaf.put("vtep-address", "10.254.0." + number);
        return this;
    }

    /**
     * Adds SR Linux leaf switch {@code leaf<number>} served by netconf-testtool device {@code index}, with access
     * interface ethernet-1/1.
     */
    SimulatedFabric srlinuxLeaf(final int number, final TesttoolLeaves simulators, final int index) {
        final ObjectNode leaf = leaves.addObject();
        leaf.put("name", "leaf" + number);
        leaf.put("dialect", "srlinux");
        leaf.putArray("access-interface").add("ethernet-1/1");
        final ObjectNode netconf = leaf.putObject("netconf");
        netconf.put("host", "127.0.0.1");
        netconf.put("port", simulators.port(index));
        netconf.put("username", TesttoolLeaves.LOGIN.user());
        netconf.put("password", TesttoolLeaves.LOGIN.password());
        leaf.put("asn", 65000 + number);
        leaf.put("router-id", "10.0.0." + number);
        leaf.put("vtep-address", "10.254.0." + number);
        return this;
    }

    /**
     * Gives the netconfd leaves added from now on a schema folder with every module they list, not only the
     * OpenConfig set ({@link OpenConfigYang#completeSchemaDirectory}), for cluster members that connect them only
     * after a failover.
     */
    SimulatedFabric completeSchemas(final Path folder) throws IOException {
        schemaDirectory = OpenConfigYang.completeSchemaDirectory(folder);
        return this;
    }

    /** Adds leaf1..leafN on the simulators' first N servers. */
    SimulatedFabric leaves(final NetconfdLeaves simulators) throws IOException {
        for (int i = 0; i < simulators.size(); i++) {
            leaf(i + 1, simulators, simulators.port(i));
        }
        return this;
    }

    /**
     * Adds node router {@code node1}, cabled to leaf1 and leaf2 (so they get a BGP EVPN neighbor for it), at an
     * address where nothing listens: it stays unreachable, which is not what these fabrics test.
     */
    SimulatedFabric attachedNodeRouter() {
        fabric.put("vtep-pool", "10.255.0.0/24");
        final ObjectNode node = fabric.putArray("node-router").addObject();
        node.put("name", "node1");
        node.putObject("ssh").put("host", "127.0.0.1").put("port", 1).put("username", "root")
            .put("password", "unused");
        node.putObject("frr").put("netns-vrf", true);
        node.put("asn", 65101);
        node.put("router-id", "10.0.1.1");
        node.putArray("attached-leaf-switch").add("leaf1").add("leaf2");
        node.putArray("bgp-peer").addObject().put("address", "192.168.1.1").put("asn", 65001);
        return this;
    }

    /** Adds every node of a node lab as a node router, reached and configured as {@link LabFabric} describes it. */
    SimulatedFabric nodeRouters(final NodeLab lab) {
        final ArrayNode routers = fabric.putArray("node-router");
        for (LabNode node : lab.nodes()) {
            final ObjectNode router = routers.addObject();
            router.put("name", node.name());
            LabFabric.describe(router, node);
        }
        return this;
    }

    /** Sets the VLAN pool: networks get VLANs from {@code start} to {@code end}, and explicit ones must lie there. */
    SimulatedFabric vlanPool(final int start, final int end) {
        fabric.putObject("vlan-pool").put("start", start).put("end", end);
        return this;
    }

    SimulatedFabric driftChecks(final int seconds, final boolean autoHeal) {
        fabric.put("drift-check-interval", seconds);
        fabric.put("auto-heal", autoHeal);
        return this;
    }

    String json() {
        return document.toString();
    }
}
