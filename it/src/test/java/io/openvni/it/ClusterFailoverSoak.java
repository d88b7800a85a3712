package io.openvni.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openvni.testlib.controller.ControllerDistribution;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ClusterSoak}'s failover, {@value #ROUNDS} times in a row: each round puts a new tenant through a follower,
 * kills the controller's member with SIGKILL during the rollout, checks that another member takes over without
 * losing anything ({@link ClusterFailover}), then starts the killed member again so the next round has three.
 * Prints every round's takeover times and their minimum, median and maximum. About 8 minutes on a small machine,
 * so the default run has one round ({@link ClusterFailoverIT}); by name: {@code scripts/test.sh -pl it -am
 * -Dit.test=ClusterFailoverSoak}.
 *
 * <p>The simulated leaves' netconfd (yuma123 2.13) tends to crash at the new member's first session after a kill;
 * the lab starts it again like a switch's process manager, and the rollout converges through that.
 */
@Tag("own-controller")
class ClusterFailoverSoak {
    private static final int ROUNDS = 5;
    /** A lone member rejoining a running cluster answers within a minute here; {@code BOOT} is for three at once. */
    private static final Duration REJOIN = Duration.ofMinutes(4);

    @Test
    void everyKillOfTheControllersMemberIsTakenOverWithoutLoss(@TempDir final Path scratch) throws IOException {
        killAndRejoin(ROUNDS, scratch, "ClusterFailoverSoak");
    }

    /**
     * Starts a cluster and two netconfd leaves, rolls out a fabric and a tenant through a follower, then runs
     * {@code rounds} failovers ({@link ClusterFailover}), each followed by the killed member's rejoin, and prints
     * the takeover times.
     *
     * @param name what the member logs are kept as on failure
     */
    static void killAndRejoin(final int rounds, final Path scratch, final String name) throws IOException {
        ClusterLab.run(scratch, name, UnaryOperator.identity(), (cluster, leaves) -> {
            final var takeovers = new ArrayList<ClusterFailover.Takeover>();
            for (int round = 1; round <= rounds; round++) {
                final var takeover = ClusterFailover.killOwnerDuringRollout(cluster, round);
                ControllerDistribution.log("takeover " + round + "/" + rounds + ": " + takeover);
                takeovers.add(takeover);
                // the killed member comes back, rejoins and reads the same intent
                cluster.restart(takeover.killed(), REJOIN);
                final var back = takeover.killed().restconf().get(ClusterFailover.TENANT);
                assertEquals(200, back.status(), back::toString);
                assertEquals(cluster.followers().get(0).restconf().get(ClusterFailover.TENANT).json(),
                    back.json());
            }
            for (ControllerDistribution member : cluster.members()) {
                ControllerDistribution.log(member.home().getFileName() + " resident memory: "
                    + ClusterSoak.residentMemory(member));
            }
            ControllerDistribution.log("takeover over " + rounds + " kills: controller on another member "
                + spread(takeovers, ClusterFailover.Takeover::toOwner) + ", its first device write "
                + spread(takeovers.stream().filter(t -> t.toFirstWrite() != null).toList(),
                    ClusterFailover.Takeover::toFirstWrite)
                + ", every device in sync " + spread(takeovers, ClusterFailover.Takeover::toInSync)
                + "; the killed member rejoined " + rounds + " times, " + cluster.members().stream()
                    .mapToInt(ControllerDistribution::aaaRestarts).sum() + " of them only at its second start");
        });
    }

    /** "min/median/max s" of one measure. */
    private static String spread(final List<ClusterFailover.Takeover> takeovers,
            final Function<ClusterFailover.Takeover, Duration> measure) {
        final var sorted = takeovers.stream().map(measure).sorted(Comparator.naturalOrder()).toList();
        if (sorted.isEmpty()) {
            return "(none)";
        }
        return String.format(Locale.ROOT, "min %.1f s, median %.1f s, max %.1f s", sorted.get(0).toNanos() / 1e9,
            sorted.get(sorted.size() / 2).toNanos() / 1e9, sorted.get(sorted.size() - 1).toNanos() / 1e9);
    }
}
