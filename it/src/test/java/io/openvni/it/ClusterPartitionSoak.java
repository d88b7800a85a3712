package io.openvni.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvni.testlib.controller.ClusterPartition;
import io.openvni.testlib.controller.ControllerCluster;
import io.openvni.testlib.controller.ControllerDistribution;
import io.openvni.testlib.controller.RestconfClient;
import io.openvni.testlib.leaves.NetconfTestClient;
import io.openvni.testlib.leaves.NetconfdLeaves;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No split-brain writes: the member running the OpenVNI controller (an MD-SAL cluster singleton) is cut off from
 * the other two by the firewall ({@link ClusterPartition}: nftables drops its Pekko remoting traffic, both ways,
 * while its NETCONF sessions to the leaves stay up), a new tenant is put through a member of the majority at once,
 * and the test checks that the majority takes over and rolls it out while the member cut off writes nothing; then
 * the partition heals and the member must be back in the cluster: by itself, or, if it cannot (ODL's split-brain
 * resolver downed it, and a downed Pekko member must start over: ODL restarts Karaf's JVM then, but that restart can
 * hang in ODL's NETCONF topology, leaving a JVM that ignores {@code bin/stop} and SIGTERM), after the harness
 * restarts it, as an operator's process manager would. About 8 minutes here, so it runs by name only:
 * {@code scripts/test.sh -pl it -am -Dit.test=ClusterPartitionSoak -Dtest=NoSuchTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <p>How "no write from the member cut off" is observed, three ways:
 * <ol>
 *   <li>its own audit trail: the reconciler logs {@code <device>: applying generation N} before every write to a
 *       device, and nothing else writes (see the reconciler's {@code Pass}); the member's log must have no such line
 *       from the cut until the heal;</li>
 *   <li>the leaves, through the majority's controller: the fabric asks for a drift check every
 *       {@value #DRIFT_SECONDS} s, so the new controller reads both leaves every few seconds once they are in sync,
 *       and a write of the stale intent the member cut off holds (it never learns the tenant put after the cut)
 *       would show there as drift. The test keeps the partition for three drift intervals after both leaves are in
 *       sync and the cut-off member's controller stopped, and no majority member may log
 *       {@code drifted from generation} since the cut. The same short interval makes the cut-off member itself
 *       read the leaves while its controller still runs, so it would "heal" them back to its stale intent if
 *       it stayed active past the new controller's writes: the test can fail;</li>
 *   <li>the leaves themselves: their running configuration, read over NETCONF at the heal, holds the networks of
 *       the tenant put after the cut.</li>
 * </ol>
 * That the member's controller stopped is read from its log ({@code OpenVNI controller no longer active}, logged
 * when MD-SAL closes the singleton there) or from its JVM exiting (ODL restarts Karaf on a member the cluster
 * downed), whichever comes first; it must happen within {@link #FAULT}.
 */
@Tag("own-controller")
class ClusterPartitionSoak {
    private static final int DRIFT_SECONDS = 5;
    /** How long the takeover, the cut-off member's controller stopping, and the rollout may take after the cut. */
    private static final Duration FAULT = Duration.ofMinutes(3);
    /** How long a healed member gets to rejoin by itself before it is restarted. */
    private static final Duration REJOIN_BY_ITSELF = Duration.ofMinutes(3);
    private static final Duration REJOIN = Duration.ofMinutes(4);
    private static final String DRIFTED = ": drifted from generation ";
    private static final String INACTIVE = "OpenVNI controller no longer active on this node";
    /** What ODL logs when the split-brain resolver downed its member, before it restarts Karaf's JVM. */
    private static final String DOWNED = "This member has been downed";
    private static final int NETWORKS = 4;

    @Test
    void aMemberCutOffFromTheClusterWritesNothingWhileTheOthersTakeOver(@TempDir final Path scratch)
            throws IOException {
        final String missing = ClusterPartition.missingPrerequisite();
        assumeTrue(missing == null, () -> "cannot cut a member off: " + missing);
        final String noClient = NetconfTestClient.missingPrerequisite();
        assumeTrue(noClient == null, () -> "cannot read the leaves: " + noClient);
        ClusterLab.run(scratch, "ClusterPartitionSoak", fabric -> fabric.driftChecks(DRIFT_SECONDS, true),
            ClusterPartitionSoak::cutOwnerOffAndHeal);
    }

    /** What the partition measured, from the cut. */
    private static final class Timeline {
        final long cutAt = System.nanoTime();
        @Nullable ControllerDistribution next;
        @Nullable Duration toTakeover;
        @Nullable Duration toDowned;
        @Nullable Duration toStopped;
        @Nullable String stoppedHow;
        @Nullable Duration toInSync;
        @Nullable JsonNode inSync;

        Duration now() {
            return Duration.ofNanos(System.nanoTime() - cutAt);
        }

        boolean complete() {
            return toTakeover != null && toStopped != null && toInSync != null;
        }

        @Override
        public String toString() {
            return "controller on another member after " + seconds(toTakeover) + ", the cut-off member downed after "
                + seconds(toDowned) + ", its controller stopped after " + seconds(toStopped)
                + (stoppedHow == null ? "" : " (" + stoppedHow + ")")
                + ", both leaves in sync at the intent put after the cut after " + seconds(toInSync);
        }
    }

    private static void cutOwnerOffAndHeal(final ControllerCluster cluster, final NetconfdLeaves leaves)
            throws IOException {
        final ControllerDistribution isolated = cluster.awaitOwner(FAULT);
        final List<ControllerDistribution> majority = cluster.members().stream()
            .filter(member -> member != isolated).toList();
        final RestconfClient survivor = majority.get(0).restconf();
        final var before = survivor.get(DemoData.STATUS);
        assertEquals(200, before.status(), before::toString);
        final long jvm = isolated.pid();
        final Map<ControllerDistribution, Integer> writes = count(cluster.members(), ClusterFailover.APPLYING);
        final Map<ControllerDistribution, Integer> drifts = count(majority, DRIFTED);
        final int inactive = isolated.logLinesSinceStart(INACTIVE).size();
        final int downed = isolated.logLinesSinceStart(DOWNED).size();
        final String name = isolated.home().getFileName().toString();

        final Timeline timeline;
        try (var partition = ClusterPartition.isolate(cluster, isolated)) {
            timeline = new Timeline();
            // intent the member cut off cannot learn; the write waits for a shard leader in the majority
            final var put = CompletableFuture.supplyAsync(
                () -> survivor.put(ClusterFailover.TENANT, ClusterFailover.tenant(1)));
            final long deadline = timeline.cutAt + FAULT.toNanos();
            while (!timeline.complete()) {
                observe(timeline, majority, isolated, jvm, inactive, downed, put, survivor, before.json());
                assertTrue(System.nanoTime() < deadline, () -> FAULT + " after cutting " + name + " off: " + timeline);
                pause(Duration.ofMillis(250));
            }
            ControllerDistribution.log(name + " cut off: " + timeline);
            // the new controller's drift checks read both leaves a few times more while the partition lasts
            pause(Duration.ofSeconds(3L * DRIFT_SECONDS));

            assertEquals(List.of(), since(isolated, ClusterFailover.APPLYING, writes.get(isolated)),
                name + " wrote to a leaf after it was cut off from the cluster");
            for (ControllerDistribution member : majority) {
                assertEquals(List.of(), since(member, DRIFTED, drifts.get(member)), member.home().getFileName()
                    + " found a leaf changed behind its back while " + name + " was cut off");
            }
            assertLeavesRunTenantPutAfterTheCut(leaves, survivor);
            ControllerDistribution.log(String.format(Locale.ROOT, "%s wrote nothing after the cut; %s wrote %d "
                + "times; no drift seen; %s's JVM of the cut %s", name, timeline.next.home().getFileName(),
                since(timeline.next, ClusterFailover.APPLYING, writes.get(timeline.next)).size(), name,
                ProcessHandle.of(jvm).map(ProcessHandle::isAlive).orElse(false) ? "still runs" : "exited"));
        }

        final long healedAt = System.nanoTime();
        final String rejoined;
        if (rejoined(isolated, survivor, REJOIN_BY_ITSELF)) {
            rejoined = "by itself";
        } else {
            ControllerDistribution.log(name + " did not rejoin within " + REJOIN_BY_ITSELF + " of the heal (its JVM "
                + "of the cut " + (ProcessHandle.of(jvm).map(ProcessHandle::isAlive).orElse(false)
                    ? "still runs: ODL's restart of Karaf hung" : "is gone") + "); restarting it, as a process "
                + "manager would");
            isolated.stop(Duration.ofSeconds(30));
            cluster.restart(isolated, REJOIN);
            assertTrue(rejoined(isolated, survivor, REJOIN), name + " did not rejoin after a restart either");
            rejoined = "after a restart";
        }
        final double toRejoin = (System.nanoTime() - healedAt) / 1e9;

        // the cluster is whole: one controller, the same intent everywhere, the leaves in sync at the new intent
        cluster.awaitOwner(REJOIN);
        assertEquals(1, cluster.members().stream().filter(member -> runsController(member)).count(),
            "the controller runs on more than one member after the heal");
        final var tenant = survivor.get(ClusterFailover.TENANT).json();
        for (ControllerDistribution member : cluster.members()) {
            assertEquals(tenant, member.restconf().get(ClusterFailover.TENANT).json(),
                member.home().getFileName() + " reads another tenant beta after the heal");
        }
        final var generations = LeafReconcileIT.LeafStatus.awaitInSync(isolated.restconf(), ClusterLab.DEVICES,
            ClusterSoak.CONVERGE);
        DemoData.generations(timeline.inSync).forEach((leaf, generation) -> assertTrue(
            generations.getOrDefault(leaf, -1L) >= generation, () -> leaf + " went back to " + generations));
        ControllerDistribution.log(String.format(Locale.ROOT, "partition: %s; healed: %s rejoined %s after "
            + "%.1f s, controller on %s, leaves in sync", timeline, name, rejoined, toRejoin,
            cluster.owner().map(member -> member.home().getFileName().toString()).orElse("(none)")));
    }

    /** One look at everything the timeline waits for. */
    private static void observe(final Timeline timeline, final List<ControllerDistribution> majority,
            final ControllerDistribution isolated, final long jvm, final int inactive, final int downed,
            final CompletableFuture<RestconfClient.Response> put, final RestconfClient survivor,
            final JsonNode before) throws IOException {
        if (timeline.toTakeover == null) {
            for (ControllerDistribution member : majority) {
                if (member.isRunning() && ControllerCluster.runsController(member)) {
                    timeline.next = member;
                    timeline.toTakeover = timeline.now();
                }
            }
        }
        if (timeline.toStopped == null || timeline.toDowned == null) {
            final var lines = isolated.logLinesSinceStart(line -> line.contains(INACTIVE) || line.contains(DOWNED));
            if (timeline.toDowned == null && lines.stream().filter(line -> line.contains(DOWNED)).count() > downed) {
                timeline.toDowned = timeline.now();
            }
            if (timeline.toStopped == null
                    && lines.stream().filter(line -> line.contains(INACTIVE)).count() > inactive) {
                timeline.toStopped = timeline.now();
                timeline.stoppedHow = "the singleton closed";
            } else if (timeline.toStopped == null && !ProcessHandle.of(jvm).map(ProcessHandle::isAlive).orElse(false)) {
                timeline.toStopped = timeline.now();
                timeline.stoppedHow = "its JVM exited";
            }
        }
        if (timeline.toInSync == null && put.isDone()) {
            try {
                DemoData.expectOk(put.join(), 200, 201, 204);
            } catch (CompletionException e) {
                throw new AssertionError("the tenant put through the majority after the cut failed", e.getCause());
            }
            try {
                final var status = survivor.get(DemoData.STATUS);
                if (status.status() == 200 && ClusterFailover.inSyncAbove(status.json(), before)) {
                    timeline.toInSync = timeline.now();
                    timeline.inSync = status.json();
                }
            } catch (UncheckedIOException e) {
                // the member is busy electing shard leaders: look again
            }
        }
    }

    /** Every leaf's running configuration holds the networks of tenant beta as put after the cut. */
    private static void assertLeavesRunTenantPutAfterTheCut(final NetconfdLeaves leaves,
            final RestconfClient survivor) {
        for (int leaf = 0; leaf < leaves.size(); leaf++) {
            final var running = leaves.client(leaf).getConfig(NetconfTestClient.Datastore.RUNNING);
            assertTrue(running.ok(), running::error);
            for (int network = 1; network <= NETWORKS; network++) {
                final String vni = LeafReconcileIT.allocated(survivor, "l2-vni",
                    "/tenants/tenant[beta]/network[r1n" + network + "]");
                assertTrue(running.data().contains("ovni-l2-" + vni), leaves.name(leaf) + " lacks network r1n"
                    + network + " (VNI " + vni + ") put after the cut: " + running.data());
            }
        }
    }

    /** Whether the member answers RESTCONF and reads tenant beta as the majority does, within the timeout. */
    private static boolean rejoined(final ControllerDistribution member, final RestconfClient majority,
            final Duration timeout) throws IOException {
        final var expected = majority.get(ClusterFailover.TENANT).json();
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                final var read = member.restconf().get(ClusterFailover.TENANT);
                if (read.status() == 200 && expected.equals(read.json())) {
                    return true;
                }
            } catch (UncheckedIOException e) {
                // restarting, or still without the cluster
            }
            pause(Duration.ofSeconds(1));
        }
        return false;
    }

    private static boolean runsController(final ControllerDistribution member) {
        try {
            return member.isRunning() && ControllerCluster.runsController(member);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<ControllerDistribution, Integer> count(final List<ControllerDistribution> members,
            final String text) throws IOException {
        final var result = new HashMap<ControllerDistribution, Integer>();
        for (ControllerDistribution member : members) {
            result.put(member, member.logLinesSinceStart(text).size());
        }
        return result;
    }

    /** The member's log lines with the text after the first {@code before} of them. */
    private static List<String> since(final ControllerDistribution member, final String text, final int before)
            throws IOException {
        final var lines = member.logLinesSinceStart(text);
        return lines.subList(Math.min(before, lines.size()), lines.size());
    }

    private static String seconds(final @Nullable Duration duration) {
        return duration == null ? "(not yet)" : String.format(Locale.ROOT, "%.1f s",
            ClusterFailover.seconds(duration));
    }

    private static void pause(final Duration duration) throws IOException {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
