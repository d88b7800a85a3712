package io.openvni.northbound.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StuckConnectionsTest {
    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void aNodeConnectingLongerThanThePatienceIsStartedOverAndThenGivenThePatienceAgain() {
        final var tracker = new StuckConnections(Duration.ofSeconds(45));
        assertEquals(List.of(), tracker.observe(Set.of("leaf1", "leaf2"), T0));
        assertEquals(List.of(), tracker.observe(Set.of("leaf1", "leaf2"), T0.plusSeconds(44)));
        assertEquals(List.of("leaf1", "leaf2"), tracker.observe(Set.of("leaf1", "leaf2"), T0.plusSeconds(45)));
        assertEquals(List.of(), tracker.observe(Set.of("leaf1", "leaf2"), T0.plusSeconds(60)));
        assertEquals(List.of("leaf1", "leaf2"), tracker.observe(Set.of("leaf1", "leaf2"), T0.plusSeconds(90)));
    }

    @Test
    void aNodeThatConnectsInBetweenStartsItsPatienceAnew() {
        final var tracker = new StuckConnections(Duration.ofSeconds(45));
        tracker.observe(Set.of("leaf1", "leaf2"), T0);
        // leaf1 connected for a moment and went back to connecting; leaf2 never left it
        tracker.observe(Set.of("leaf2"), T0.plusSeconds(30));
        tracker.observe(Set.of("leaf1", "leaf2"), T0.plusSeconds(40));
        assertEquals(List.of("leaf2"), tracker.observe(Set.of("leaf1", "leaf2"), T0.plusSeconds(50)));
        assertEquals(List.of("leaf1"), tracker.observe(Set.of("leaf1", "leaf2"), T0.plusSeconds(85)));
    }
}
