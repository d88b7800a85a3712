package io.openvni.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openvni.it.LeafReconcileIT.LeafStatus;
import io.openvni.testlib.controller.ControllerCluster;
import io.openvni.testlib.controller.ControllerDistribution;
import io.openvni.testlib.controller.RestconfClient;
import io.openvni.testlib.leaves.NetconfdLeaves;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 3-member OpenVNI cluster on this machine ({@link ControllerCluster}) in front of two netconfd leaves: intent
 * written through a follower (a member the OpenVNI controller singleton does not run on) is stored once, readable
 * on every member and rolled out by the singleton's member; bad intent through a follower is refused with the path
 * and the reason. {@link ClusterFailoverSoak} kills the singleton's member in the middle of a rollout.
 *
 * <p>Runs in the failsafe run of tests that start their own controllers (tag {@code own-controller}): the cluster
 * holds the machine-wide controller lock.
 */
@Tag("own-controller")
@TestMethodOrder(OrderAnnotation.class)
class ClusterSoak {
    static final int MEMBERS = 3;
    static final Duration BOOT = Duration.ofSeconds(Long.getLong(ControllerDistribution.START_TIMEOUT_PROPERTY, 600));
    static final Duration CONVERGE = Duration.ofSeconds(180);
    static final List<String> LEAVES = List.of("leaf1", "leaf2");

    private static ControllerCluster cluster;
    private static NetconfdLeaves leaves;

    /** Copies every member's logs next to the reports when a test fails. */
    @RegisterExtension
    static final TestWatcher LOGS = new TestWatcher() {
        @Override
        public void testFailed(final ExtensionContext context, final Throwable cause) {
            if (cluster != null) {
                ControllerDistribution.log("failed; member logs in " + cluster.captureLogs(
                    context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName()));
            }
        }
    };

    @BeforeAll
    static void startClusterAndLeaves() throws IOException {
        final String missing = NetconfdLeaves.missingPrerequisite();
        assumeTrue(missing == null, () -> "leaf simulators unavailable: " + missing);
        // the cluster first: it waits for the machine's controller lock, while other runs may still use simulators
        cluster = ControllerCluster.unpackBuilt(MEMBERS).start(BOOT);
        leaves = NetconfdLeaves.launch(LEAVES.size());
    }

    @AfterAll
    static void stopClusterAndLeaves() {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } finally {
            if (leaves != null) {
                leaves.close();
            }
        }
    }

    @Test
    @Order(1)
    void everyMemberListensOnItsOwnPortsAndOneRunsTheController() throws IOException {
        for (ControllerDistribution member : cluster.members()) {
            final var ports = member.listeningSockets().stream().map(InetSocketAddress::getPort).toList();
            for (int port : member.ports().all()) {
                assertTrue(ports.contains(port), member.home() + " does not listen on " + port + ": " + ports);
            }
            for (InetSocketAddress socket : member.listeningSockets()) {
                assertTrue(socket.getAddress().isLoopbackAddress(),
                    member.home() + " listens beyond loopback: " + socket);
            }
        }
        final var owner = cluster.awaitOwner(Duration.ofMinutes(2));
        assertEquals(MEMBERS - 1, cluster.followers().size(), "the controller runs on more than one member");
        ControllerDistribution.log("the OpenVNI controller runs on " + owner.home().getFileName());
    }

    @Test
    @Order(2)
    void intentWrittenThroughAFollowerIsReadableEverywhereAndReachesTheLeaves(@TempDir final Path scratch)
            throws IOException {
        final RestconfClient follower = cluster.followers().get(0).restconf();
        final var fabric = new SimulatedFabric().completeSchemas(scratch.resolve("schemas")).leaves(leaves);
        DemoData.expectOk(follower.put(DemoData.FABRIC, fabric.json()), 200, 201, 204);
        DemoData.expectOk(follower.put(DemoData.ACME, LeafReconcileIT.tenant()), 200, 201, 204);
        final String stored = follower.get(DemoData.ACME).json().toString();
        for (ControllerDistribution member : cluster.members()) {
            final var read = member.restconf().get(DemoData.ACME);
            assertEquals(200, read.status(), read::toString);
            assertEquals(stored, read.json().toString(), member.home().getFileName() + " reads another tenant");
        }
        LeafStatus.awaitInSync(cluster.followers().get(1).restconf(), LEAVES, CONVERGE);
        for (ControllerDistribution member : cluster.members()) {
            ControllerDistribution.log(member.home().getFileName() + " resident memory: " + residentMemory(member));
        }
    }

    /** The JVM's resident set size, as Linux reports it ({@code VmRSS} in /proc). */
    static String residentMemory(final ControllerDistribution member) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(member.pid()), "status")).stream()
            .filter(line -> line.startsWith("VmRSS:")).map(line -> line.substring("VmRSS:".length()).trim())
            .findFirst().orElse("unknown");
    }

    @Test
    @Order(3)
    void badIntentThroughAFollowerIsRefusedWithPathAndReason() throws IOException {
        final RestconfClient follower = cluster.followers().get(1).restconf();
        final String ghost = """
            {"openvni-tenant:tenant":[{"name":"other","network":[{"name":"n","leaf-switches":["ghost"]}]}]}""";
        final var refused = follower.put(DemoData.TENANTS + "/tenant=other", ghost);
        assertEquals(400, refused.status(), refused::toString);
        assertTrue(refused.body().contains("/tenants/tenant[other]/network[n]/leaf-switches")
            && refused.body().contains("'ghost', which is not in the fabric"), refused::toString);
        for (ControllerDistribution member : cluster.members()) {
            assertNotEquals(200, member.restconf().get(DemoData.TENANTS + "/tenant=other").status(),
                "the refused tenant is stored on " + member.home().getFileName());
        }
    }
}
