package io.openvni.southbound.openconfig.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StuckConnectionsTest {
    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void aNodeConnectingLongerThanThePatienceIsStartedOverAndThenGivenThePatienceAgain() {
        final var tracker = new StuckConnections(Duration.ofSeconds(44), Duration.ofMillis(500));
        assertEquals(List.of(), tracker.observe(Set.of("leaf1", "leaf2"), T0));
        assertEquals(List.of(), tracker.observe(Set.of("leaf1", "leaf2"), T0.plusSeconds(44)));
        assertEquals(List.of("leaf1", "leaf2"), tracker.observe(Set.of("leaf1", "leaf2"), T0.plusSeconds(45)));
        assertEquals(List.of(), tracker.observe(Set.of("leaf1", "leaf2"), T0.plusSeconds(60)));
        assertEquals(List.of("leaf1", "leaf2"), tracker.observe(Set.of("leaf1", "leaf2"), T0.plusSeconds(90)));
    }

    @Test
    void thePatienceGrowsWithTheNodesConnectingAtOnce() {
        final var tracker = new StuckConnections(Duration.ofSeconds(30), Duration.ofMillis(300));
        assertEquals(Duration.ofMillis(30_300), tracker.patience(1));
        assertEquals(Duration.ofSeconds(90), tracker.patience(200));
        final var many = IntStream.rangeClosed(1, 200).mapToObj(i -> "leaf" + i).collect(Collectors.toSet());
        assertEquals(List.of(), tracker.observe(many, T0));
        assertEquals(List.of(), tracker.observe(many, T0.plusSeconds(60)));
        // 55 of them connected meanwhile: the other 145 keep the patience of the crowd they waited in (90 s, not 73.5 s)
        final var rest = many.stream().filter(node -> node.compareTo("leaf5") < 0).collect(Collectors.toSet());
        assertEquals(145, rest.size());
        assertEquals(List.of(), tracker.observe(rest, T0.plusSeconds(80)));
        assertEquals(rest.size(), tracker.observe(rest, T0.plusSeconds(90)).size());
    }

    @Test
    void aNodeThatConnectsInBetweenStartsItsPatienceAnew() {
        final var tracker = new StuckConnections(Duration.ofSeconds(44), Duration.ofMillis(500));
        tracker.observe(Set.of("leaf1", "leaf2"), T0);
        // leaf1 connected for a moment and went back to connecting; leaf2 never left it
        tracker.observe(Set.of("leaf2"), T0.plusSeconds(30));
        tracker.observe(Set.of("leaf1", "leaf2"), T0.plusSeconds(40));
        assertEquals(List.of("leaf2"), tracker.observe(Set.of("leaf1", "leaf2"), T0.plusSeconds(50)));
        assertEquals(List.of("leaf1"), tracker.observe(Set.of("leaf1", "leaf2"), T0.plusSeconds(85)));
    }
}
