package io.openvni.it;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failover of the default run: one round of {@link ClusterFailoverSoak} (a three-member cluster, two netconfd
 * leaves and an FRR node, the controller's member killed with SIGKILL in the middle of a rollout to all three, taken
 * over without losing intent, allocations or generations, then the killed member rejoins). About 5 minutes on two cores; the soak does five
 * rounds and prints their spread.
 */
@Tag("own-controller")
class ClusterFailoverIT {
    @Test
    void killingTheControllersMemberMidRolloutIsTakenOverWithoutLoss(@TempDir final Path scratch) throws IOException {
        ClusterFailoverSoak.killAndRejoin(1, scratch, "ClusterFailoverIT");
    }
}
