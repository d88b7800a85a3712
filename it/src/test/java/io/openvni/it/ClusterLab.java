package io.openvni.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openvni.testlib.controller.ControllerCluster;
import io.openvni.testlib.controller.ControllerDistribution;
import io.openvni.testlib.leaves.NetconfdLeaves;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The lab of the cluster fault tests ({@link ClusterFailoverSoak}, {@link ClusterPartitionSoak}): a cluster of
 * {@link ClusterSoak#MEMBERS} members and {@link ClusterSoak#LEAVES} netconfd leaves, the fabric (schema folders
 * with every module, so any member can connect the leaves after a fault) and tenant acme put through a follower and
 * rolled out to both leaves. Copies every member's log next to the reports when the scenario fails, and stops all.
 */
final class ClusterWithLeaves {
    /** What a test does with the rolled-out lab. */
    @FunctionalInterface
    interface Scenario {
        void run(ControllerCluster cluster, NetconfdLeaves leaves) throws IOException;
    }

    private ClusterWithLeaves() {
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
        try (var cluster = ControllerCluster.unpackBuilt(ClusterSoak.MEMBERS).start(ClusterSoak.BOOT);
             var leaves = NetconfdLeaves.launch(ClusterSoak.LEAVES.size())) {
            try {
                final var follower = cluster.followers().get(0).restconf();
                final var fabric = settings.apply(new SimulatedFabric().completeSchemas(scratch.resolve("schemas"))
                    .leaves(leaves));
                DemoData.expectOk(follower.put(DemoData.FABRIC, fabric.json()), 200, 201, 204);
                DemoData.expectOk(follower.put(DemoData.ACME, LeafReconcileIT.tenant()), 200, 201, 204);
                LeafReconcileIT.LeafStatus.awaitInSync(follower, ClusterSoak.LEAVES, ClusterSoak.CONVERGE);
                scenario.run(cluster, leaves);
            } catch (IOException | AssertionError e) {
                ControllerDistribution.log("failed; member logs in " + cluster.captureLogs(name));
                throw e;
            }
        }
    }
}
