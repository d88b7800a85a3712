package io.openvni.core.compile;

import static io.openvni.core.testing.IntentFixtures.ACME;
import static io.openvni.core.testing.IntentFixtures.LEAF1;
import static io.openvni.core.testing.IntentFixtures.LEAF2;
import static io.openvni.core.testing.IntentFixtures.N1;
import static io.openvni.core.testing.IntentFixtures.N2;
import static io.openvni.core.testing.IntentFixtures.WEB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.openvni.core.allocation.AllocationOutcome;
import io.openvni.core.allocation.Allocations;
import io.openvni.core.allocation.Allocator;
import io.openvni.core.compile.BgpNeighbor.AddressFamily;
import io.openvni.core.intent.Intent;
import io.openvni.core.pipeline.IntentPipeline;
import io.openvni.core.testing.IntentFixtures;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A fresh controller (restart, fail-over) continues the generations an earlier one persisted. */
class KnownGenerationsTest {
    private static Allocations allocate(final Intent intent) {
        return switch (Allocator.allocate(intent, Allocations.EMPTY)) {
            case AllocationOutcome.Allocated allocated -> allocated.allocations();
            case AllocationOutcome.Failed failed -> throw new AssertionError(failed.errors());
        };
    }

    private static Map<String, Long> generations(final CompiledFabric fabric) {
        final var result = new TreeMap<String, Long>();
        fabric.devices().forEach((name, desired) -> result.put(name, desired.generation()));
        return result;
    }

    @Test
    void restartWithTheSameIntentKeepsEveryGeneration() throws Exception {
        final var intent = IntentFixtures.sample();
        final var before = new IntentPipeline();
        final var first = before.process(intent, Allocations.EMPTY);
        final var changed = before.process(IntentFixtures.withNetwork(intent, ACME, WEB,
            n -> n.arpSuppression(false)), first.allocations());
        final var persisted = changed.generations();
        assertEquals(2, persisted.devices().get(LEAF1).generation());

        // the controller restarts: a fresh pipeline, given what was persisted, compiles the same stored intent
        final var after = new IntentPipeline(persisted).process(IntentFixtures.withNetwork(intent, ACME, WEB,
            n -> n.arpSuppression(false)), changed.allocations());
        assertEquals(generations(changed.compile().fabric()), generations(after.compile().fabric()));
        assertEquals(persisted, after.generations());
    }

    @Test
    void intentChangedWhileDownBumpsOnlyTheDevicesItTouches() throws Exception {
        final var placed = IntentFixtures.withNetwork(IntentFixtures.sample(), ACME, WEB,
            n -> n.leafSwitches(LEAF1).nodeRouters(N2));
        final var first = new IntentPipeline().process(placed, Allocations.EMPTY);
        final var persisted = first.generations();

        final var after = new IntentPipeline(persisted).process(IntentFixtures.withNetwork(placed, ACME, WEB,
            n -> n.arpSuppression(false)), first.allocations());
        assertEquals(Map.of(LEAF1, 2L, LEAF2, 1L, N1, 1L, N2, 2L), generations(after.compile().fabric()));
    }

    @Test
    void generationsNeverGoBackwardsAndUnknownDevicesStartAtOne() {
        final var intent = IntentFixtures.sample();
        final var compiled = IncrementalCompiler.compileAll(intent, allocate(intent)).fabric();
        final var leaf1 = compiled.device(LEAF1).orElseThrow().intent();
        final var known = new KnownGenerations(Map.of(
            LEAF1, new KnownGenerations.Known(41, KnownGenerations.fingerprint(leaf1)),
            LEAF2, new KnownGenerations.Known(7, "a fingerprint of some other intent"),
            "gone", new KnownGenerations.Known(3, "whatever")));

        final var result = IncrementalCompiler.compile(CompiledFabric.EMPTY, intent, allocate(intent), known);
        assertEquals(Map.of(LEAF1, 41L, LEAF2, 8L, N1, 1L, N2, 1L), generations(result.fabric()));
        // what is persisted next: the devices as compiled, the one that no longer exists dropped
        assertEquals(KnownGenerations.of(result.fabric()), known.after(result));
        assertEquals(Set.of(LEAF1, LEAF2, N1, N2), known.after(result).devices().keySet());
    }

    @Test
    void fingerprintIsCanonicalWhateverOrderSetsWereBuiltIn() {
        final var families = new LinkedHashSet<>(List.of(AddressFamily.L2VPN_EVPN, AddressFamily.IPV4_UNICAST));
        final var reversed = new LinkedHashSet<>(List.of(AddressFamily.IPV4_UNICAST, AddressFamily.L2VPN_EVPN));
        final var intent = IntentFixtures.sample();
        final var leaf1 = IncrementalCompiler.compileAll(intent, allocate(intent)).fabric().device(LEAF1)
            .orElseThrow().intent();
        final var one = withNeighbor(leaf1, new BgpNeighbor("192.0.2.1", 65001, "spine", families));
        final var other = withNeighbor(leaf1, new BgpNeighbor("192.0.2.1", 65001, "spine", reversed));
        assertEquals(KnownGenerations.fingerprint(one), KnownGenerations.fingerprint(other));
        assertNotEquals(KnownGenerations.fingerprint(one), KnownGenerations.fingerprint(leaf1));
        assertEquals(64, KnownGenerations.fingerprint(leaf1).length());
    }

    private static DeviceIntent withNeighbor(final DeviceIntent intent, final BgpNeighbor neighbor) {
        return new DeviceIntent(intent.name(), intent.role(), intent.underlay(), intent.platform(),
            intent.anycastGatewayMac(), intent.segments(), intent.vrfs(), List.of(neighbor));
    }
}
