package io.openvni.it;

import io.openvni.testlib.controller.OpenVniController;
import io.openvni.testlib.controller.RestconfClient;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openvni.it.LeafReconcileIT.LeafStatus;
import io.openvni.testlib.nodes.LabFabric;
import io.openvni.testlib.nodes.LabFabric.Network;
import io.openvni.testlib.nodes.LabNode;
import io.openvni.testlib.nodes.NodeLab;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Soak test, not part of the default run ({@code ./mvnw -pl it verify -Dit.test=VrfChurnSoak [-Drounds=30]}): a
 * tenant VRF with a subnet on each of two FRR node routers is created and deleted over and over, and every round both
 * nodes must carry the type-5 routes of both subnets. This is how zebra 8.4 missing SVI addresses in new VRF
 * namespaces was found (1 round in 10-20 failed before the driver created such SVIs anew).
 */
@OpenVniController
class VrfChurnSoak {
    private static final Duration CONVERGE = Duration.ofSeconds(90);
    private static final Duration ROUTES = Duration.ofSeconds(20);
    private static final List<String> NODES = List.of("node1", "node2");
    private static final List<String> TYPE5 = List.of("[5]:[0]:[24]:[10.1.0.0]", "[5]:[0]:[24]:[10.2.0.0]");

    @Test
    void everyRoundCarriesBothSubnetsOnBothNodes(final RestconfClient restconf) throws IOException {
        final String missing = NodeLab.missingPrerequisite();
        assumeTrue(missing == null, () -> "node lab unavailable: " + missing);
        try (NodeLab lab = NodeLab.start(2, NodeLab.grpcModule())) {
            DemoData.expectOk(restconf.put(DemoData.FABRIC, LabFabric.fabric(lab, 60, true)), 200, 201, 204);
            var generations = LeafStatus.awaitInSync(restconf, NODES, CONVERGE);
            for (int round = 0; round < Integer.getInteger("rounds", 30); round++) {
                // two VRFs in turn: each new VRF namespace follows the deletion of another
                final long l3vni = 50000 + round % 2 * 100;
                final long start = System.nanoTime();
                DemoData.expectOk(restconf.put(DemoData.ACME, LabFabric.tenant(l3vni,
                    new Network("web", 10210, "10.1.0.0/24", "10.1.0.1/24", "node1"),
                    new Network("db", 10220, "10.2.0.0/24", "10.2.0.1/24", "node2"))), 200, 201, 204);
                generations = LeafStatus.awaitNewGeneration(restconf, generations, NODES, CONVERGE);
                awaitTypeFiveRoutes(lab, round);
                System.out.printf(Locale.ROOT, "[vrf-churn] round %d (L3 VNI %d): routes on both nodes after %.2f s%n",
                    round, l3vni, (System.nanoTime() - start) / 1e9);
                DemoData.expectOk(restconf.delete(DemoData.TENANTS), 204, 404, 409);
                generations = LeafStatus.awaitNewGeneration(restconf, generations, NODES, CONVERGE);
            }
        } finally {
            DemoData.reset(restconf);
        }
    }

    private static void awaitTypeFiveRoutes(final NodeLab lab, final int round) throws IOException {
        final long deadline = System.nanoTime() + ROUTES.toNanos();
        while (true) {
            boolean all = true;
            for (LabNode node : lab.nodes()) {
                final String routes = node.vtysh("show bgp l2vpn evpn route type prefix");
                all &= TYPE5.stream().allMatch(routes::contains);
            }
            if (all) {
                return;
            }
            if (System.nanoTime() > deadline) {
                final var state = new StringBuilder();
                for (LabNode node : lab.nodes()) {
                    state.append("== ").append(node.name()).append('\n')
                        .append(node.vtysh("show bgp l2vpn evpn route type prefix"))
                        .append(node.vtysh("show ip route vrf all"))
                        .append(node.vtysh("show interface vrf all brief"));
                }
                fail("round " + round + ": type-5 routes missing after " + ROUTES + "\n" + state + lab.logs());
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
