package io.openvni.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openvni.it.LeafReconcileIT.LeafStatus;
import io.openvni.testlib.controller.ControllerDistribution;
import io.openvni.testlib.controller.OpenVniController;
import io.openvni.testlib.controller.RestconfClient;
import io.openvni.testlib.leaves.ConfigXml;
import io.openvni.testlib.leaves.NetconfTestClient.Datastore;
import io.openvni.testlib.leaves.NetconfdLeaves;
import io.openvni.testlib.leaves.TesttoolLeaves;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A fabric mixing dialects: leaf1 an OpenConfig leaf (yuma123 netconfd), leaf2 and leaf3 Nokia SR Linux leaves
 * (netconf-testtool 10.0.2 with SR Linux 25.3.1's native models), all driven by the same leaf driver through ODL's
 * netconf connector. Each SR Linux leaf's running configuration is compared with golden files
 * ({@code -Dgolden.update=true} rewrites them); only the changed network's entries are written; deleting the tenant
 * removes only OpenVNI's entries (the operator's own subinterface and network instance stay); an out-of-band
 * deletion is healed; a leaf that refuses fails with its own text while the others converge.
 */
@OpenVniController
class SrlinuxLeavesIT {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "srlinux-leaves");
    private static final Duration CONVERGE = Duration.ofSeconds(150);
    private static final List<String> ALL = List.of("leaf1", "leaf2", "leaf3");
    /**
     * The operator's own configuration on an SR Linux leaf: a subinterface of the access port, a VRF. (The testtool
     * resolves an identity's prefix only when it is declared on an ancestor of the leaf.)
     */
    private static final String OPERATORS = """
        <interface xmlns="urn:nokia.com:srlinux:chassis:interfaces"
            xmlns:srl_nokia-if="urn:nokia.com:srlinux:chassis:interfaces">
          <name>ethernet-1/1</name>
          <subinterface><index>5</index><type>srl_nokia-if:bridged</type>
            <description>the operator's, not OpenVNI's</description></subinterface>
        </interface>
        <network-instance xmlns="urn:nokia.com:srlinux:net-inst:network-instance"
            xmlns:srl_nokia-netinst="urn:nokia.com:srlinux:net-inst:network-instance">
          <name>mgmt-x</name>
          <type>srl_nokia-netinst:ip-vrf</type>
          <description>management, not OpenVNI's</description>
        </network-instance>
        """;
    private static final String TENANT = """
        {"openvni-tenant:tenant":[{"name":"acme","vrf":[{"name":"red"}],"network":[
          {"name":"web","vrf":"red","subnet":["10.1.0.0/24"],"gateway":["10.1.0.1/24"]},
          {"name":"db","vrf":"red","subnet":["10.2.0.0/24"],"gateway":["10.2.0.1/24"],
           "leaf-switches":["leaf1","leaf2"]}]}]}
        """;

    private static NetconfdLeaves openconfig;
    private static TesttoolLeaves srlinux;

    @BeforeAll
    static void startLeaves() throws IOException {
        final String missing = NetconfdLeaves.missingPrerequisite();
        assumeTrue(missing == null, () -> "OpenConfig leaf simulator unavailable: " + missing);
        final String missingTesttool = TesttoolLeaves.missingPrerequisite();
        assumeTrue(missingTesttool == null, () -> "SR Linux leaf simulators unavailable: " + missingTesttool);
        openconfig = NetconfdLeaves.launch(1);
        srlinux = TesttoolLeaves.launch(2, Path.of("target", "failsafe-reports", "srlinux-testtool.log"));
        for (int i = 0; i < 2; i++) {
            final var seeded = srlinux.client(i).editCommit(OPERATORS);
            assertTrue(seeded.ok(), seeded::error);
        }
    }

    @AfterAll
    static void stopLeaves(final RestconfClient restconf) {
        try {
            DemoData.reset(restconf);
        } finally {
            if (openconfig != null) {
                openconfig.close();
            }
            if (srlinux != null) {
                srlinux.close();
            }
        }
    }

    @Test
    void mixedFabricConvergesWritesOnlyDifferencesHealsDriftAndKeepsTheOperatorsOwn(
            final RestconfClient restconf, final ControllerDistribution controller) throws Exception {
        DemoData.expectOk(restconf.delete(DemoData.TENANTS), 204, 404, 409);
        putFabric(restconf, fabric().driftChecks(5, true));
        final var before = LeafStatus.awaitInSync(restconf, ALL, CONVERGE);

        // create: every leaf converges; the SR Linux leaves hold exactly their goldens beside the operator's own
        DemoData.expectOk(restconf.put(DemoData.ACME, TENANT), 200, 201, 204);
        final var created = LeafStatus.awaitNewGeneration(restconf, before, ALL, CONVERGE);
        assertGolden("leaf2-acme.txt", running(2));
        assertGolden("leaf3-acme.txt", running(3));

        // change db (on leaf1 and leaf2): leaf3 is not touched, leaf2 gets only db's entries
        final String dbVlan = LeafReconcileIT.allocated(restconf, "vlan", "/tenants/tenant[acme]/network[db]");
        final String dbVni = LeafReconcileIT.allocated(restconf, "l2-vni", "/tenants/tenant[acme]/network[db]");
        final long leaf3Writes = LeafReconcileIT.applies(controller, "leaf3").size();
        DemoData.expectOk(restconf.patch(DemoData.ACME + "/network=db",
            "{\"openvni-tenant:network\":[{\"name\":\"db\",\"mtu\":9000}]}"), 200, 204);
        final var changed = LeafStatus.awaitNewGeneration(restconf, created, List.of("leaf1", "leaf2"), CONVERGE);
        assertEquals(created.get("leaf3"), changed.get("leaf3"), "leaf3 has no db: its generation stays");
        assertEquals(leaf3Writes, LeafReconcileIT.applies(controller, "leaf3").size(), "leaf3 was written to");
        final var lastWrite = LeafReconcileIT.applies(controller, "leaf2").getLast();
        final var dbEntries = Set.of("subinterface ethernet-1/1." + dbVlan, "subinterface irb0." + dbVlan,
            "network-instance ovni-l2-" + dbVni, "vxlan-interface vxlan1." + dbVni);
        for (var change : lastWrite.substring(lastWrite.indexOf(": applying generation ")).replaceFirst(
                "^: applying generation \\d+: ", "").split("; ")) {
            assertTrue(dbEntries.stream().anyMatch(change::endsWith), "not one of db's entries: " + change
                + " in " + lastWrite);
        }
        assertTrue(ConfigXml.canonical(running(2)).contains("mtu = 9000"), running(2));

        // drift: an instance deleted behind OpenVNI's back comes back by itself (drift checks every 5 s)
        final String webVni = LeafReconcileIT.allocated(restconf, "l2-vni", "/tenants/tenant[acme]/network[web]");
        final var removed = srlinux.client(1).editCommit("""
            <network-instance xmlns="urn:nokia.com:srlinux:net-inst:network-instance"
                xmlns:nc="urn:ietf:params:xml:ns:netconf:base:1.0" nc:operation="delete">
              <name>ovni-l2-%s</name></network-instance>""".formatted(webVni), "none");
        assertTrue(removed.ok(), removed::error);
        final long deadline = System.nanoTime() + CONVERGE.toNanos();
        while (!ConfigXml.canonical(running(3)).equals(golden("leaf3-acme.txt")) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertGolden("leaf3-acme.txt", running(3));

        // delete: everything OpenVNI created goes, the operator's subinterface and instance stay
        DemoData.expectOk(restconf.delete(DemoData.ACME), 204);
        LeafStatus.awaitNewGeneration(restconf, changed, ALL, CONVERGE);
        for (int leaf = 2; leaf <= 3; leaf++) {
            final String config = ConfigXml.canonical(running(leaf));
            assertFalse(config.contains("ovni-"), config);
            assertFalse(config.contains("vxlan-interface"), config);
            assertTrue(config.contains("the operator's, not OpenVNI's"), config);
            assertTrue(config.contains("management, not OpenVNI's"), config);
        }
    }

    @Test
    void aLeafThatRefusesFailsWithItsOwnTextWhileTheSrlinuxLeavesConverge(final RestconfClient restconf)
            throws Exception {
        DemoData.expectOk(restconf.delete(DemoData.TENANTS), 204, 404, 409);
        putFabric(restconf, fabric());
        final var before = LeafStatus.awaitInSync(restconf, ALL, CONVERGE);
        try (var lock = openconfig.client(0).holdCandidateLock()) {
            DemoData.expectOk(restconf.put(DemoData.ACME, TENANT), 200, 201, 204);
            LeafStatus.awaitNewGeneration(restconf, before, List.of("leaf2", "leaf3"), CONVERGE);
            final var leaf1 = LeafStatus.await(restconf, "leaf1", device -> "failed".equals(device.path(
                "sync-state").asText()), CONVERGE);
            assertTrue(leaf1.path("last-error").asText().contains("lock"), leaf1::toString);
        }
        LeafStatus.awaitNewGeneration(restconf, before, List.of("leaf1"), CONVERGE);
        assertGolden("leaf2-acme.txt", running(2));
    }

    private static SimulatedFabric fabric() throws IOException {
        return new SimulatedFabric().leaf(1, openconfig, openconfig.port(0)).srlinuxLeaf(2, srlinux, 0)
            .srlinuxLeaf(3, srlinux, 1);
    }

    private static void putFabric(final RestconfClient restconf, final SimulatedFabric fabric) {
        DemoData.expectOk(restconf.put(DemoData.FABRIC, fabric.json()), 200, 201, 204);
    }

    private static String running(final int leaf) {
        final var reply = srlinux.client(leaf - 2).getConfig(Datastore.RUNNING);
        assertTrue(reply.ok(), reply::error);
        return reply.data();
    }

    private static String golden(final String name) throws IOException {
        final Path file = GOLDEN.resolve(name);
        return Files.isRegularFile(file) ? Files.readString(file) : "";
    }

    private static void assertGolden(final String name, final String runningXml) throws IOException {
        LeafReconcileIT.assertGolden(GOLDEN, name, runningXml);
    }
}
