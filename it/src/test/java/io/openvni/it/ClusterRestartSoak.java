package io.openvni.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openvni.testlib.controller.ControllerDistribution;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole-cluster restart: three members, two netconfd leaves and an FRR node with tenants acme and beta rolled out
 * ({@link ClusterLab}); every member stopped at once and started again. The intent, every allocation and both
 * generations of every device come back on every member, one member runs the controller again, every device is in
 * sync, and since nothing changed nothing is written to them. Prints how long the way back took. A soak (two boots of three members, 6-12 minutes on two
 * cores), run by name: {@code scripts/test.sh -pl it -am -Dit.test=ClusterRestartSoak -Dtest=NoSuchTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("own-controller")
class ClusterRestartSoak {

    @Test
    void aWholeClusterRestartKeepsEverythingAndWritesNothing(@TempDir final Path scratch) throws IOException {
        ClusterLab.run(scratch, "ClusterRestartSoak", UnaryOperator.identity(), (cluster, leaves) -> {
            final var follower = cluster.followers().get(0).restconf();
            final var acme = DemoData.generations(follower.get(DemoData.STATUS).json());
            DemoData.expectOk(follower.put(ClusterFailover.TENANT, ClusterFailover.tenant(1)), 200, 201, 204);
            final var generations = LeafReconcileIT.LeafStatus.awaitNewGeneration(follower, acme,
                ClusterLab.DEVICES, ClusterSoak.CONVERGE);
            final var statusBefore = follower.get(DemoData.STATUS).json();
            final var tenantsBefore = follower.get(DemoData.TENANTS).json();
            final var allocationsBefore = ClusterFailover.allocations(follower);

            final long stopped = System.nanoTime();
            cluster.restartAll(ClusterSoak.BOOT);
            final var booted = Duration.ofNanos(System.nanoTime() - stopped);
            final var owner = cluster.awaitOwner(Duration.ofMinutes(2));
            final var owning = Duration.ofNanos(System.nanoTime() - stopped);
            final var any = cluster.followers().get(0).restconf();
            LeafReconcileIT.LeafStatus.awaitInSync(any, ClusterLab.DEVICES, ClusterSoak.CONVERGE);
            final var inSync = Duration.ofNanos(System.nanoTime() - stopped);
            ControllerDistribution.log(String.format(Locale.ROOT, "whole-cluster restart: members answering after"
                + " %.1f s, controller on %s after %.1f s, every device in sync after %.1f s (before: %s)",
                ClusterFailover.seconds(booted), owner.home().getFileName(), ClusterFailover.seconds(owning),
                ClusterFailover.seconds(inSync), generations));

            for (ControllerDistribution member : cluster.members()) {
                assertEquals(tenantsBefore, member.restconf().get(DemoData.TENANTS).json(),
                    member.home().getFileName() + " came back with other tenants");
            }
            assertEquals(allocationsBefore, ClusterFailover.allocations(any), "allocations changed in the restart");
            ClusterFailover.assertGenerationsDidNotGoBack(statusBefore, any.get(DemoData.STATUS).json());
            assertEquals(List.of(), owner.logLinesSinceStart(ClusterFailover.APPLYING),
                "nothing changed, yet the controller wrote to a device after the restart");
        });
    }
}
