package io.openvni.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openvni.testlib.controller.ControllerCluster;
import io.openvni.testlib.controller.ControllerDistribution;
import io.openvni.testlib.leaves.NetconfdLeaves;
import io.openvni.testlib.nodes.NodeLab;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The lab of the cluster fault tests ({@link ClusterFailoverSoak}, {@link ClusterPartitionSoak},
 * {@link ClusterRestartSoak}): a cluster of {@link ClusterSoak#MEMBERS} members, {@link ClusterSoak#LEAVES} netconfd
 * leaves and one FRR node router ({@link NodeLab}), the fabric (schema folders with every module, so any member can
 * connect the leaves after a fault) and tenant acme put through a follower and rolled out to all three
 * ({@link #DEVICES}). Copies every member's log next to the reports when the scenario fails, and stops all.
 */
final class ClusterLab {
    /** Every device of the lab: the leaves, then the node router. */
    static final List<String> DEVICES = List.of("leaf1", "leaf2", "node1");

    /** What a test does with the rolled-out lab. */
    @FunctionalInterface
    interface Scenario {
        void run(ControllerCluster cluster, NetconfdLeaves leaves) throws IOException;
    }

    private ClusterLab() {
        // one operation
    }

    /**
     * Starts the lab, rolls the fabric and tenant acme out, runs the scenario, and stops everything.
     *
     * @param scratch a folder for the leaves' schemas
     * @param name what the member logs are kept as on failure
     * @param settings fabric settings beyond the leaves, such as drift checks
     * @param scenario the test
     * @throws IOException if the lab does not come up or the scenario fails
     */
    static void run(final Path scratch, final String name, final UnaryOperator<SimulatedFabric> settings,
            final Scenario scenario) throws IOException {
        final String missing = NetconfdLeaves.missingPrerequisite();
        assumeTrue(missing == null, () -> "leaf simulators unavailable: " + missing);
        final String noNodes = NodeLab.missingPrerequisite();
        assumeTrue(noNodes == null, () -> "node lab unavailable: " + noNodes);
        try (var cluster = ControllerCluster.unpackBuilt(ClusterSoak.MEMBERS).start(ClusterSoak.BOOT);
             var leaves = NetconfdLeaves.launch(ClusterSoak.LEAVES.size());
             var nodes = NodeLab.start(1)) {
            try {
                final var follower = cluster.followers().get(0).restconf();
                final var fabric = settings.apply(new SimulatedFabric().completeSchemas(scratch.resolve("schemas"))
                    .leaves(leaves).nodeRouters(nodes));
                DemoData.expectOk(follower.put(DemoData.FABRIC, fabric.json()), 200, 201, 204);
                // its network db is on leaf1 and node1
                DemoData.expectOk(follower.put(DemoData.ACME, DemoData.acme()), 200, 201, 204);
                LeafReconcileIT.LeafStatus.awaitInSync(follower, DEVICES, ClusterSoak.CONVERGE);
                scenario.run(cluster, leaves);
            } catch (IOException | AssertionError e) {
                ControllerDistribution.log("failed; member logs in " + cluster.captureLogs(name));
                throw e;
            }
        }
    }
}
