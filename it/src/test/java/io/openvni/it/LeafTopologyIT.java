package io.openvni.it;

import io.openvni.testlib.controller.ControllerDistribution;
import io.openvni.testlib.controller.OpenVniController;
import io.openvni.testlib.controller.RestconfClient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvni.testlib.leaves.NetconfdLeaves;
import io.openvni.testlib.leaves.OpenConfigYang;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The controller keeps ODL's NETCONF topology in line with the fabric's leaf switches: three real netconfd leaves
 * described only in {@code openvni-fabric:fabric} get their {@code topology-netconf} nodes, connect and mount with
 * OpenConfig network-instance available (netconfd leaves its submodules out of its schema list; the leaves'
 * {@code extra-capability} and {@code schema-directory} settings make up for it); a leaf removed from the fabric loses
 * its node, and a changed port updates it.
 */
@OpenVniController
class LeafTopologyIT {
    private static final String TOPOLOGY = RestconfClient.DATA
        + "network-topology:network-topology/topology=topology-netconf";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void leavesOfTheFabricAreMountedAndFollowIt(final RestconfClient restconf,
            final ControllerDistribution controller) throws IOException {
        final String missing = NetconfdLeaves.missingPrerequisite();
        assumeTrue(missing == null, () -> "leaf simulators unavailable: " + missing);
        final List<String> capabilities = OpenConfigYang.submoduleCapabilities();
        final String schemas = OpenConfigYang.directory().toString();

        try (var leaves = NetconfdLeaves.launch(3)) {
            try {
                // tenants may name leaves this fabric lacks; the demo data is put back at the end
                DemoData.expectOk(restconf.delete(DemoData.TENANTS), 204, 404, 409);
                final int[] ports = {leaves.port(0), leaves.port(1), leaves.port(2)};
                final long start = System.nanoTime();
                DemoData.expectOk(restconf.put(DemoData.FABRIC, fabric(leaves, ports, capabilities, schemas, 3)),
                    200, 201, 204);
                for (int i = 1; i <= 3; i++) {
                    awaitConnected(restconf, "leaf" + i);
                }
                final long connectedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
                System.out.println("LeafTopologyIT: 3 leaves connected with network-instance " + connectedMillis
                    + " ms after the fabric PUT");
                for (int i = 1; i <= 3; i++) {
                    final var node = restconf.get(node("leaf" + i) + "/netconf-node-topology:netconf-node"
                        + "?content=config");
                    assertEquals(200, node.status(), node::toString);
                    final var netconf = node.json().path("netconf-node-topology:netconf-node");
                    assertEquals(ports[i - 1], netconf.path("port").asInt(), node::toString);
                    assertEquals(NetconfdLeaves.USER,
                        netconf.path("login-password").path("username").asText(), node::toString);
                    assertTrue(netconf.path("login-password-unencrypted").isMissingNode(), node::toString);
                    assertTrue(netconf.path("schema-cache-directory").asText().startsWith("openvni-schema-"),
                        node::toString);
                    // the mount knows network-instance: a read is answered, not refused as an unknown element
                    final var mounted = restconf.get(node("leaf" + i)
                        + "/yang-ext:mount/openconfig-network-instance:network-instances?content=config");
                    // (an empty leaf answers data-missing, 409 in ODL's RESTCONF; an unknown module is a 400)
                    assertTrue(List.of(200, 404, 409).contains(mounted.status()), mounted::toString);
                }

                final long leaf1Connects = connects(controller, "leaf1");

                // leaf3 leaves the fabric: its node goes; leaf2 moves to leaf3's server: its node follows
                DemoData.expectOk(restconf.put(DemoData.FABRIC,
                    fabric(leaves, new int[] {ports[0], ports[2]}, capabilities, schemas, 2)), 200, 201, 204);
                await(restconf, node("leaf3"), LeafTopologyIT::isMissing, Duration.ofSeconds(30));
                final var moved = await(restconf, node("leaf2") + "/netconf-node-topology:netconf-node?content=config",
                    response -> response.status() == 200 && response.json().path("netconf-node-topology:netconf-node")
                        .path("port").asInt() == ports[2], Duration.ofSeconds(30));
                assertNotEquals(ports[1], ports[2], moved::toString);
                awaitConnected(restconf, "leaf2");
                awaitConnected(restconf, "leaf1");
                // leaf1 did not change: its node was not rewritten, so ODL did not reconnect it
                assertEquals(leaf1Connects, connects(controller, "leaf1"));
            } finally {
                // back to the demo fabric the other ITs expect (its leaves point where nothing listens)
                DemoData.reset(restconf);
            }
            await(restconf, node("leaf2") + "/netconf-node-topology:netconf-node?content=config",
                response -> response.status() == 200 && response.json().path("netconf-node-topology:netconf-node")
                    .path("port").asInt() == 17831, Duration.ofSeconds(30));
            await(restconf, node("leaf3"), LeafTopologyIT::isMissing, Duration.ofSeconds(30));
        }
    }

    /** Neither configured nor operational any more (ODL's RESTCONF answers data-missing with 409). */
    private static boolean isMissing(final RestconfClient.Response response) {
        return response.status() == 404 || response.status() == 409 && response.body().contains("data-missing");
    }

    /** How often ODL's NETCONF topology has (re)connected a node, from its log line "Connecting RemoteDevice". */
    private static long connects(final ControllerDistribution controller, final String leaf) throws IOException {
        final String marker = "Connecting RemoteDevice{Uri{value=" + leaf + "}}";
        try (var lines = Files.lines(controller.karafLog(), StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(marker)).count();
        }
    }

    private static String node(final String name) {
        return TOPOLOGY + "/node=" + name;
    }

    private static void awaitConnected(final RestconfClient restconf, final String leaf) {
        final var state = await(restconf, node(leaf) + "/netconf-node-topology:netconf-node?content=nonconfig",
            response -> response.status() == 200 && "connected".equals(response.json()
                .path("netconf-node-topology:netconf-node").path("connection-status").asText()), CONNECT_TIMEOUT);
        final String body = state.body();
        assertTrue(body.contains(")openconfig-network-instance\""), () -> leaf + " lacks network-instance: " + body);
        final var unavailable = state.json().path("netconf-node-topology:netconf-node")
            .path("unavailable-capabilities").toString();
        assertFalse(unavailable.contains("openconfig-network-instance"),
            () -> leaf + " could not resolve network-instance: " + unavailable);
    }

    private static RestconfClient.Response await(final RestconfClient restconf, final String path,
            final Predicate<RestconfClient.Response> done, final Duration timeout) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        RestconfClient.Response response;
        do {
            response = restconf.get(path);
            if (done.test(response)) {
                return response;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("timed out after " + timeout + " waiting on " + path + "; last: " + response);
    }

    /** A fabric of {@code count} leaf switches leaf1..leafN at the given ports of the simulated leaves. */
    private static String fabric(final NetconfdLeaves leaves, final int[] ports, final List<String> capabilities,
            final String schemas, final int count) {
        final ObjectNode fabric = JSON.createObjectNode();
        final ObjectNode body = fabric.putObject("openvni-fabric:fabric");
        body.put("route-target-asn", 65000);
        final ArrayNode list = body.putArray("leaf-switch");
        for (int i = 1; i <= count; i++) {
            final ObjectNode leaf = list.addObject();
            leaf.put("name", "leaf" + i);
            final ObjectNode netconf = leaf.putObject("netconf");
            netconf.put("host", leaves.host(0));
            netconf.put("port", ports[i - 1]);
            netconf.put("username", leaves.username(0));
            netconf.put("password", leaves.password(0));
            final ArrayNode extra = netconf.putArray("extra-capability");
            capabilities.forEach(extra::add);
            netconf.put("schema-directory", schemas);
            leaf.put("asn", 65000 + i);
            leaf.put("router-id", "10.0.0." + i);
            leaf.put("vtep-address", "10.254.0." + i);
        }
        return fabric.toString();
    }
}
