package io.openvni.it;

import io.openvni.testlib.controller.OpenVniController;
import io.openvni.testlib.controller.RestconfClient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvni.testlib.nodes.LabFabric;
import io.openvni.testlib.nodes.LabFabric.Network;
import io.openvni.it.LeafReconcileIT.LeafStatus;
import io.openvni.testlib.nodes.LabNode;
import io.openvni.testlib.nodes.NodeLab;
import io.openvni.testlib.nodes.Workload;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 4 end to end, through RESTCONF only: two node routers (real FRR 8.4 with netns VRFs, real sshd, the
 * controller's SSH driver; node1's zebra also serves FRR's northbound gRPC, which the controller reaches through its
 * SSH tunnel and uses for the VRF to L3 VNI bindings) behind an eBGP spine in a {@link NodeLab}. Tenant networks become VXLAN segments that
 * carry real packets between workload namespaces, go away without touching what OpenVNI does not own, and survive
 * an SSH outage and out-of-band changes. The lab's zebras are fresh, so every network here is created during zebra's
 * EVPN multihoming startup delay (180 s), when zebra sets new VXLAN devices protodown: the driver must release
 * them, or no packet crosses. Each test uses VNIs of its own.
 */
@OpenVniController
class NodeRouterEndToEndIT {
    private static final Duration CONVERGE = Duration.ofSeconds(90);
    private static final Duration PING = Duration.ofSeconds(30);
    private static final List<String> NODES = List.of("node1", "node2");
    private static final String WEB = DemoData.ACME + "/network=web";

    private static NodeLab lab;
    /** Each node's desired generation once the fabric without tenants is in sync. */
    private Map<String, Long> baseline;

    @BeforeAll
    static void startLab() throws IOException {
        final String missing = NodeLab.missingPrerequisite();
        assumeTrue(missing == null, () -> "node lab unavailable: " + missing);
        // node1's zebra serves FRR's northbound gRPC (reached through the SSH tunnel only), node2's has none
        lab = NodeLab.start(2, NodeLab.grpcModule());
        // what the node's operator configured before OpenVNI came: it must survive everything below
        for (LabNode node : lab.nodes()) {
            node.router().configure("route-map KEEP permit 10");
            node.host().check("ip link add keep0 type bridge");
        }
    }

    @AfterAll
    static void stopLab(final RestconfClient restconf) {
        try {
            DemoData.reset(restconf);
        } finally {
            if (lab != null) {
                lab.close();
            }
        }
    }

    @BeforeEach
    void labFabricWithoutTenants(final RestconfClient restconf) throws IOException {
        DemoData.expectOk(restconf.delete(DemoData.TENANTS), 204, 404, 409);
        for (LabNode node : lab.nodes()) {
            if (!node.host().sh("ss -ltn | grep -q ':22 '", null, Duration.ofSeconds(5)).ok()) {
                node.startSshd();
            }
        }
        putFabric(restconf, 60, true);
        baseline = LeafStatus.awaitInSync(restconf, NODES, CONVERGE);
    }

    @Test
    void networkCarriesPacketsAcrossVxlanAndGoesAwayCleanly(final RestconfClient restconf) throws IOException {
        final long written = System.nanoTime();
        DemoData.expectOk(restconf.put(DemoData.ACME, LabFabric.tenant(50000,
            new Network("web", 10100, "10.1.0.0/24", "10.1.0.1/24", "node1", "node2"))), 200, 201, 204);
        // the CNI's part: wait for OpenVNI's workload ends, move them into the pods
        awaitDevice(lab.node(1), "ovw10100");
        awaitDevice(lab.node(2), "ovw10100");
        final Workload pod1 = lab.attach("pod1", lab.node(1), 10100, "10.1.0.11/24", "10.1.0.1");
        final Workload pod2 = lab.attach("pod2", lab.node(2), 10100, "10.1.0.12/24", "10.1.0.1");
        assertTrue(pod1.pingsWithin("10.1.0.12", PING), () -> "pod1 cannot reach pod2 across VXLAN"
            + vrfState(lab.node(1)) + vrfState(lab.node(2)) + lab.logs());
        System.out.printf(Locale.ROOT, "[node-e2e] RESTCONF write to first ping across VXLAN: %.2f s%n",
            (System.nanoTime() - written) / 1e9);
        assertTrue(pod1.pings("10.1.0.1"), "node1's anycast gateway does not answer");
        assertTrue(pod2.pings("10.1.0.1"), "node2's anycast gateway does not answer");
        final var created = LeafStatus.awaitNewGeneration(restconf, baseline, NODES, CONVERGE);

        for (LabNode node : lab.nodes()) {
            assertSessionsEstablished(node);
        }
        // the data plane floods until the MAC route arrives: the spine (FRR "traditional" defaults) may hold the
        // update back for its eBGP advertisement interval (30 s)
        final String type2 = "[2]:[0]:[48]:[" + pod2.mac() + "]";
        final long routeDeadline = System.nanoTime() + CONVERGE.toNanos();
        String routes = lab.node(1).vtysh("show bgp l2vpn evpn route json");
        while (!routes.contains(type2) && System.nanoTime() < routeDeadline) {
            sleep(Duration.ofMillis(500));
            routes = lab.node(1).vtysh("show bgp l2vpn evpn route json");
        }
        assertTrue(routes.contains(type2), "no type-2 route of pod2 on node1: " + routes);
        assertTrue(routes.contains("[3]:[0]:[32]:[" + lab.node(2).vtep() + "]"), "no type-3 route of node2: " + routes);
        // the status shows how each node is managed and what it runs: sessions up, the VNI with the other VTEP
        for (LabNode node : lab.nodes()) {
            final String other = lab.node(3 - node.index()).vtep();
            final String management = node.grpcPort() > 0 ? "vtysh+grpc" : "vtysh";
            final var status = LeafStatus.await(restconf, node.name(), device -> {
                final var operational = device.path("operational");
                return management.equals(operational.path("management").asText())
                    && hasElement(operational.path("bgp-session"), session -> "Established".equals(
                        session.path("state").asText()) && node.spineAddress().equals(session.path("peer").asText()))
                    && hasElement(operational.path("vni"), vni -> vni.path("vni").asLong() == 10100
                        && hasElement(vni.path("remote-vtep"), vtep -> other.equals(vtep.asText())));
            }, CONVERGE);
            assertEquals("in-sync", status.path("sync-state").asText(), status::toString);
        }
        // the pods hold the workload ends now; the controller does not take that for drift
        for (String node : NODES) {
            final JsonNode check = checkDrift(restconf, node);
            assertFalse(check.path("drifted").asBoolean(), check::toString);
        }

        DemoData.expectOk(restconf.delete(WEB), 204);
        LeafStatus.awaitNewGeneration(restconf, created, NODES, CONVERGE);
        assertFalse(pod1.pings("10.1.0.12"), "pod2 still reachable after the network was deleted");
        assertFalse(pod1.hasInterface(), "pod1 kept its interface to the deleted network");
        for (LabNode node : lab.nodes()) {
            final String devices = allDevices(node);
            for (String gone : List.of("ovbr10100", "ovvx10100", "ovh10100", "ovw10100")) {
                assertFalse(devices.contains(gone), node.name() + " still has " + gone + ":\n" + devices);
            }
            assertTrue(devices.contains("keep0"), node.name() + " lost keep0:\n" + devices);
            final String running = node.router().runningConfig();
            assertFalse(running.contains("vni 10100"), running);
            assertTrue(running.contains("route-map KEEP permit 10"), running);
        }
    }

    @Test
    void vrfRoutesBetweenSubnetsOnDifferentNodes(final RestconfClient restconf) throws IOException {
        DemoData.expectOk(restconf.put(DemoData.ACME, LabFabric.tenant(50200,
            new Network("web", 10210, "10.1.0.0/24", "10.1.0.1/24", "node1"),
            new Network("db", 10220, "10.2.0.0/24", "10.2.0.1/24", "node2"))), 200, 201, 204);
        LeafStatus.awaitNewGeneration(restconf, baseline, NODES, CONVERGE);
        final Workload web = lab.attach("web1", lab.node(1), 10210, "10.1.0.21/24", "10.1.0.1");
        final Workload db = lab.attach("db1", lab.node(2), 10220, "10.2.0.22/24", "10.2.0.1");
        assertTrue(web.pingsWithin("10.2.0.22", PING), () -> "no route from web to db through the L3 VNI: "
            + vrfState(lab.node(1)) + vrfState(lab.node(2)) + lab.logs());
        assertTrue(db.pings("10.1.0.21"));
    }

    @Test
    void nodeWithoutSshIsUnreachableAndCatchesUpWhenSshIsBack(final RestconfClient restconf) throws IOException {
        lab.node(2).stopSshd();
        DemoData.expectOk(restconf.put(DemoData.ACME, LabFabric.tenant(50300,
            new Network("web", 10300, "10.3.0.0/24", "10.3.0.1/24", "node1", "node2"))), 200, 201, 204);
        final var node2 = LeafStatus.await(restconf, "node2",
            device -> "unreachable".equals(device.path("sync-state").asText()), CONVERGE);
        assertFalse(node2.path("last-error").asText().contains("BEGIN"), "a key in the status");
        LeafStatus.await(restconf, "node1", device -> "in-sync".equals(device.path("sync-state").asText()),
            CONVERGE);

        lab.node(2).startSshd();
        LeafStatus.awaitNewGeneration(restconf, baseline, NODES, CONVERGE);
        final Workload pod1 = lab.attach("pod3", lab.node(1), 10300, "10.3.0.31/24", "10.3.0.1");
        final Workload pod2 = lab.attach("pod4", lab.node(2), 10300, "10.3.0.32/24", "10.3.0.1");
        assertTrue(pod2.pingsWithin("10.3.0.31", PING), () -> "no traffic after node2 caught up"
            + vrfState(lab.node(1)) + vrfState(lab.node(2)));
        assertTrue(pod1.pings("10.3.0.32"));
    }

    @Test
    void refusalIsFailedWithFrrsTextAndConvergesOnceTheConflictIsGone(final RestconfClient restconf)
            throws IOException {
        // the nodes' operators bound the tenant's L3 VNI to a VRF of their own: FRR refuses OpenVNI's binding, in
        // vtysh's output on node2 and as a gRPC commit error on node1 (when it serves gRPC)
        for (LabNode node : lab.nodes()) {
            node.router().configure("vrf red\n vni 50500\nexit-vrf");
        }
        try {
            DemoData.expectOk(restconf.put(DemoData.ACME, LabFabric.tenant(50500,
                new Network("web", 10500, "10.5.0.0/24", "10.5.0.1/24", "node1", "node2"))), 200, 201, 204);
            for (String name : NODES) {
                final var failed = LeafStatus.await(restconf, name,
                    device -> "failed".equals(device.path("sync-state").asText()), CONVERGE);
                assertTrue(failed.path("last-error").asText().contains("VNI 50500 is already configured as L3-VNI"),
                    failed::toString);
            }
            assertTrue(lab.node(2).router().runningConfig().contains("vrf red\n vni 50500"), "red was changed");

            // node2's operator gives way: node2 converges by itself, node1 stays failed
            lab.node(2).router().configure("vrf red\n no vni 50500\nexit-vrf");
            LeafStatus.await(restconf, "node2", device -> "in-sync".equals(device.path("sync-state").asText()),
                CONVERGE);
            assertTrue(lab.node(2).vtysh("show evpn vni 50500").contains("ovrf50500"));
            assertEquals("failed", LeafStatus.await(restconf, "node1", device -> true, CONVERGE)
                .path("sync-state").asText());
            lab.node(1).router().configure("vrf red\n no vni 50500\nexit-vrf");
            LeafStatus.await(restconf, "node1", device -> "in-sync".equals(device.path("sync-state").asText()),
                CONVERGE);
        } finally {
            for (LabNode node : lab.nodes()) {
                node.router().configure("no vrf red");
            }
        }
    }

    @Test
    void outOfBandVtyshChangeIsDriftAndIsHealed(final RestconfClient restconf) throws IOException {
        putFabric(restconf, 3600, false);
        DemoData.expectOk(restconf.put(DemoData.ACME, LabFabric.tenant(50400,
            new Network("web", 10400, "10.4.0.0/24", "10.4.0.1/24", "node1", "node2"))), 200, 201, 204);
        LeafStatus.awaitNewGeneration(restconf, baseline, NODES, CONVERGE);
        lab.node(1).router().configure("router bgp " + lab.node(1).asn() + "\n address-family l2vpn evpn\n"
            + "  vni 10400\n   route-target import 65000:4242");

        final JsonNode check = checkDrift(restconf, "node1");
        assertTrue(check.path("drifted").asBoolean(), check::toString);
        assertTrue(check.path("diff").asText().contains("65000:4242"), check::toString);
        LeafStatus.await(restconf, "node1", d -> "drifted".equals(d.path("sync-state").asText()), CONVERGE);

        final var reconcile = restconf.post(RestconfClient.OPERATIONS + "openvni-tenant:reconcile",
            "{\"input\":{\"device\":\"node1\"}}");
        assertEquals(200, reconcile.status(), reconcile::toString);
        LeafStatus.await(restconf, "node1", d -> "in-sync".equals(d.path("sync-state").asText()), CONVERGE);
        assertFalse(lab.node(1).router().runningConfig().contains("65000:4242"));
    }

    private static boolean hasElement(final JsonNode array, final Predicate<JsonNode> test) {
        for (JsonNode element : array) {
            if (test.test(element)) {
                return true;
            }
        }
        return false;
    }

    private static void putFabric(final RestconfClient restconf, final int driftCheck, final boolean autoHeal) {
        DemoData.expectOk(restconf.put(DemoData.FABRIC, LabFabric.fabric(lab, driftCheck, autoHeal)), 200, 201, 204);
    }

    private static JsonNode checkDrift(final RestconfClient restconf, final String device) {
        final var check = restconf.post(RestconfClient.OPERATIONS + "openvni-tenant:check-drift",
            "{\"input\":{\"device\":\"" + device + "\"}}");
        assertEquals(200, check.status(), check::toString);
        return check.json().path("openvni-tenant:output").path("device").path(0);
    }

    /** Waits until OpenVNI has created a device in the node's router namespace. */
    private static void awaitDevice(final LabNode node, final String name) throws IOException {
        final long deadline = System.nanoTime() + CONVERGE.toNanos();
        while (!node.host().sh("ip link show " + name, null, Duration.ofSeconds(5)).ok()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(node.name() + " has no " + name + " after " + CONVERGE + lab.logs());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private static void sleep(final Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void assertSessionsEstablished(final LabNode node) throws IOException {
        final long deadline = System.nanoTime() + CONVERGE.toNanos();
        String summary;
        do {
            summary = node.vtysh("show bgp summary json");
            final JsonNode json = RestconfClient.parse(summary);
            final boolean up = List.of("ipv4Unicast", "l2VpnEvpn").stream().allMatch(family -> "Established".equals(
                json.path(family).path("peers").path(node.spineAddress()).path("state").asText()));
            if (up) {
                return;
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError(node.name() + ": sessions with the spine not established: " + summary);
    }

    /** Every device of the node's router namespace and of its VRF namespaces. */
    private static String allDevices(final LabNode node) throws IOException {
        return node.host().check("ip -o link show; for n in $(ls /run/netns); do ip -n $n -o link show; done");
    }

    private static String vrfState(final LabNode node) {
        try {
            return node.vtysh("show evpn vni") + node.vtysh("show evpn rmac vni all") + node.vtysh("show evpn next-hops vni all")
                + node.vtysh("show evpn vni detail json")
                + node.vtysh("show bgp l2vpn evpn route") + node.vtysh("show bgp vrf all ipv4 unicast")
                + node.router().runningConfig()
                + node.host().check("for n in $(ls /run/netns); do echo \"== $n\"; ip -n $n -br addr;"
                    + " ip -n $n -d link | grep -E 'protodown on' ; ip -n $n route; ip -n $n neigh;"
                    + " bridge -n $n fdb show | grep -v permanent; done");
        } catch (IOException e) {
            return e.toString();
        }
    }
}
