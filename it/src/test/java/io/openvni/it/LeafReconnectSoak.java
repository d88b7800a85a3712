package io.openvni.it;

import io.openvni.testlib.controller.OpenVniController;
import io.openvni.testlib.controller.RestconfClient;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openvni.it.LeafReconcileIT.LeafStatus;
import io.openvni.testlib.leaves.NetconfdLeaves;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Soak test, not part of the default run ({@code ./mvnw -pl it verify -Dit.test=LeafReconnectSoak [-Drounds=40]}):
 * three netconfd leaves leave the fabric, restart with an empty configuration and join again, over and over, and
 * must be in sync every round. This is how ODL's connector hanging in {@code connecting} was found (about 1 leaf
 * connection in 70); the controller now starts such nodes over, and a round that needed it takes about 30 s longer.
 */
@OpenVniController
class LeafReconnectSoak {
    private static final Duration CONVERGE = Duration.ofSeconds(150);
    private static final List<String> LEAVES = List.of("leaf1", "leaf2", "leaf3");

    @Test
    void everyRoundEndsInSync(final RestconfClient restconf) throws IOException {
        final String missing = NetconfdLeaves.missingPrerequisite();
        assumeTrue(missing == null, () -> "leaf simulators unavailable: " + missing);
        try (NetconfdLeaves leaves = NetconfdLeaves.launch(LEAVES.size())) {
            for (int round = 0; round < Integer.getInteger("rounds", 40); round++) {
                DemoData.expectOk(restconf.put(DemoData.FABRIC, new SimulatedFabric().json()), 200, 201, 204);
                for (int i = 0; i < leaves.size(); i++) {
                    leaves.restartEmpty(i);
                }
                final long start = System.nanoTime();
                DemoData.expectOk(restconf.put(DemoData.FABRIC,
                    new SimulatedFabric().leaves(leaves).attachedNodeRouter().json()), 200, 201, 204);
                LeafStatus.awaitInSync(restconf, LEAVES, CONVERGE);
                System.out.printf(Locale.ROOT, "[leaf-reconnect] round %d: in sync after %.1f s%n", round,
                    (System.nanoTime() - start) / 1e9);
            }
        } finally {
            DemoData.reset(restconf);
        }
    }
}
