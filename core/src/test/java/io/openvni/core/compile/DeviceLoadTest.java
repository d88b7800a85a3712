package io.openvni.core.compile;

import static io.openvni.core.testing.IntentFixtures.ACME;
import static io.openvni.core.testing.IntentFixtures.DB;
import static io.openvni.core.testing.IntentFixtures.LEAF1;
import static io.openvni.core.testing.IntentFixtures.LEAF2;
import static io.openvni.core.testing.IntentFixtures.N1;
import static io.openvni.core.testing.IntentFixtures.N2;
import static io.openvni.core.testing.IntentFixtures.addNetwork;
import static io.openvni.core.testing.IntentFixtures.addVrf;
import static io.openvni.core.testing.IntentFixtures.network;
import static io.openvni.core.testing.IntentFixtures.vrf;
import static io.openvni.core.testing.IntentFixtures.withNetwork;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openvni.core.allocation.AllocationOutcome;
import io.openvni.core.allocation.Allocations;
import io.openvni.core.allocation.Allocator;
import io.openvni.core.intent.Intent;
import io.openvni.core.testing.IntentFixtures;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DeviceLoadTest {
    static Stream<Intent> intents() {
        final var placed = withNetwork(IntentFixtures.sample(), ACME, DB, n -> n.leafSwitches(LEAF1).nodeRouters(N1));
        return Stream.of(
            IntentFixtures.sample(),
            placed,
            addNetwork(addNetwork(addVrf(placed, ACME, vrf("blue").build()), ACME,
                network("x").vrf("blue").nodeRouters(N2).leafSwitches(LEAF2).build()), ACME, network("plain").build()),
            IntentFixtures.scale(3, 12, 40));
    }

    @Test
    void countsNetworksAndTheVrfsRoutingThemOnEachDevice() {
        final var intent = addNetwork(addNetwork(addVrf(withNetwork(IntentFixtures.sample(), ACME, DB,
            n -> n.leafSwitches(LEAF1).nodeRouters(N1)), ACME, vrf("blue").build()), ACME,
            network("x").vrf("blue").nodeRouters(N2).build()), ACME, network("plain").build());
        assertEquals(List.of(
            new DeviceLoad(LEAF1, DeviceRole.LEAF_SWITCH, 4, 2),
            new DeviceLoad(LEAF2, DeviceRole.LEAF_SWITCH, 3, 2),
            new DeviceLoad(N1, DeviceRole.NODE_ROUTER, 3, 1),
            new DeviceLoad(N2, DeviceRole.NODE_ROUTER, 3, 2)), DeviceLoad.of(intent, allocate(intent)));
    }

    @ParameterizedTest
    @MethodSource("intents")
    void matchesWhatTheCompilerPutsOnEachDevice(final Intent intent) {
        final var allocations = allocate(intent);
        final var compiled = IncrementalCompiler.compileAll(intent, allocations).fabric();
        final var expected = compiled.devices().values().stream()
            .map(config -> config.intent())
            .map(device -> new DeviceLoad(device.name(), device.role(), device.segments().size(),
                device.vrfs().size()))
            .sorted(Comparator.comparing(DeviceLoad::device))
            .toList();
        assertEquals(expected, DeviceLoad.of(intent, allocations));
    }

    private static Allocations allocate(final Intent intent) {
        return switch (Allocator.allocate(intent, Allocations.EMPTY)) {
            case AllocationOutcome.Allocated allocated -> allocated.allocations();
            case AllocationOutcome.Failed failed -> throw new AssertionError(failed.errors());
        };
    }
}
