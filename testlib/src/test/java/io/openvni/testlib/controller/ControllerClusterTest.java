package io.openvni.testlib.controller;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@link ControllerCluster#runsController} reads a member's log. */
class ControllerClusterTest {
    private static final String ACTIVE = "| INFO | FabricController | " + ControllerCluster.ACTIVE;
    private static final String INACTIVE = "| INFO | FabricController | " + ControllerCluster.INACTIVE;
    private static final String JVM_START = "Dec 07, 2026 12:00:00 PM " + ControllerCluster.JVM_START;

    @TempDir
    Path home;

    @Test
    void theLastWordOfTheLatestJvmCounts() throws IOException {
        assertFalse(runsController(), "no log yet");
        assertTrue(runsController(JVM_START, ACTIVE));
        assertFalse(runsController(JVM_START, ACTIVE, INACTIVE));
        assertTrue(runsController(JVM_START, ACTIVE, INACTIVE, ACTIVE));
    }

    @Test
    void aJvmKarafRestartedByItselfRunsNothingUntilItSaysSo() throws IOException {
        // a member the cluster downed: ODL restarts Karaf's JVM without closing the singleton in the log
        assertFalse(runsController(JVM_START, ACTIVE, JVM_START));
        assertTrue(runsController(JVM_START, ACTIVE, JVM_START, ACTIVE));
    }

    private boolean runsController(final String... lines) throws IOException {
        final var member = ControllerDistribution.clusterMember(home, ControllerPorts.DEFAULT);
        if (lines.length > 0) {
            Files.createDirectories(member.karafLog().getParent());
            Files.writeString(member.karafLog(), String.join("\n", lines) + "\n");
        }
        return ControllerCluster.runsController(member);
    }
}
