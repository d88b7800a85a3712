package io.openvni.core.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.core.render.RenderFixtures;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GrowthStepTest {
    // web 10100 in VRF 50000, db 10200 in VRF 9000, storage 10300 pure L2
    private static final DeviceIntent NODE = RenderFixtures.nodes().stream()
        .filter(fixture -> fixture.name().equals("node-netns-vrf")).findFirst().orElseThrow().intent();

    @Test
    void aGrowthWithinTheBoundIsOneStepToTheDesiredIntent() {
        final var step = GrowthStep.toward(NODE, Set.of(), 3);
        assertSame(NODE, step.intent());
        assertTrue(step.last());
        assertEquals(3, step.added());
    }

    @Test
    void addsTheFirstNewSegmentsByVniWithTheVrfsTheyNeed() {
        final var step = GrowthStep.toward(NODE, Set.of(), 1);
        assertFalse(step.last());
        assertEquals(new GrowthStep(withOnly(List.of(10100L), List.of(50000L)), 1, 3), step);
    }

    @Test
    void keepsWhatTheDeviceHasAndCountsOnlyNewSegments() {
        // storage is there: it stays, and the step adds web, the first new one
        final var step = GrowthStep.toward(NODE, Set.of(10300L), 1);
        assertEquals(new GrowthStep(withOnly(List.of(10100L, 10300L), List.of(50000L)), 1, 2), step);
    }

    @Test
    void keepsAVrfTheDeviceHasEvenBeforeItsSegmentsArrive() {
        final var step = GrowthStep.toward(NODE, Set.of(9000L), 1);
        assertEquals(withOnly(List.of(10100L), List.of(50000L, 9000L)), step.intent());
    }

    @Test
    void stepsReachTheDesiredIntent() {
        final var present = new HashSet<Long>();
        int steps = 0;
        GrowthStep step;
        do {
            step = GrowthStep.toward(NODE, present, 2);
            step.intent().segments().forEach(segment -> present.add(segment.vni()));
            step.intent().vrfs().forEach(vrf -> present.add(vrf.vni()));
            steps++;
        } while (!step.last());
        assertEquals(2, steps);
        assertSame(NODE, step.intent());
    }

    @Test
    void refusesAStepThatAddsNothing() {
        assertThrows(IllegalArgumentException.class, () -> GrowthStep.toward(NODE, Set.of(), 0));
    }

    private static DeviceIntent withOnly(final List<Long> segments, final List<Long> vrfs) {
        return new DeviceIntent(NODE.name(), NODE.role(), NODE.underlay(), NODE.platform(), NODE.anycastGatewayMac(),
            NODE.segments().stream().filter(segment -> segments.contains(segment.vni())).toList(),
            NODE.vrfs().stream().filter(vrf -> vrfs.contains(vrf.vni())).toList(), NODE.neighbors());
    }
}
