package io.openvni.core.compile;

import static io.openvni.core.testing.IntentFixtures.ACME;
import static io.openvni.core.testing.IntentFixtures.LEAF1;
import static io.openvni.core.testing.IntentFixtures.LEAF2;
import static io.openvni.core.testing.IntentFixtures.N1;
import static io.openvni.core.testing.IntentFixtures.N2;
import static io.openvni.core.testing.IntentFixtures.RED;
import static io.openvni.core.testing.IntentFixtures.WEB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.core.allocation.Allocation;
import io.openvni.core.allocation.AllocationKind;
import io.openvni.core.allocation.AllocationOutcome;
import io.openvni.core.allocation.Allocations;
import io.openvni.core.allocation.Allocator;
import io.openvni.core.compile.BgpNeighbor.AddressFamily;
import io.openvni.core.intent.Intent;
import io.openvni.core.intent.IntentPaths;
import io.openvni.core.testing.IntentFixtures;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IncrementalCompilerTest {
    private static Allocations allocate(final Intent intent, final Allocations previous) {
        return switch (Allocator.allocate(intent, previous)) {
            case AllocationOutcome.Allocated allocated -> allocated.allocations();
            case AllocationOutcome.Failed failed -> throw new AssertionError(failed.errors());
        };
    }

    private static CompileResult compileAll(final Intent intent) {
        return IncrementalCompiler.compileAll(intent, allocate(intent, Allocations.EMPTY));
    }

    private static CompileResult recompile(final CompileResult previous, final Intent intent) {
        final var fabric = previous.fabric();
        return IncrementalCompiler.compile(fabric, intent, allocate(intent, fabric.allocations()));
    }

    @Test
    void fullCompileGivesEveryDeviceItsSegmentsVrfsAndNeighbors() {
        final var result = compileAll(IntentFixtures.sample());
        assertEquals(Set.of(LEAF1, LEAF2, N1, N2), result.changed());
        final var leaf1 = result.fabric().device(LEAF1).orElseThrow();
        assertEquals(1, leaf1.generation());
        final var intent = leaf1.intent();
        assertEquals(DeviceRole.LEAF_SWITCH, intent.role());
        assertEquals(List.of(10000L, 10001L), intent.segments().stream().map(EvpnSegment::vni).toList());
        final var web = intent.segments().get(1);
        assertEquals(WEB, web.network());
        assertEquals(101, web.vlan());
        assertEquals("10.0.0.1:10002", web.routeDistinguisher());
        assertEquals(List.of("65000:10001"), web.importRouteTargets());
        assertEquals(50000L, web.vrf());
        assertEquals(List.of("10.1.0.1/24"), web.gateways());
        final var red = intent.vrfs().getFirst();
        assertEquals(RED, red.vrf());
        assertEquals(50000L, red.vni());
        assertEquals("10.0.0.1:10001", red.routeDistinguisher());
        assertEquals(List.of("65000:50000"), red.exportRouteTargets());
        // leaf1 peers with its attached node router n1 at n1's allocated VTEP
        assertEquals(List.of(new BgpNeighbor("10.255.0.3", 65101, N1, Set.of(AddressFamily.L2VPN_EVPN))),
            intent.neighbors());

        final var n1 = result.fabric().device(N1).orElseThrow().intent();
        assertEquals("10.255.0.3", n1.underlay().vtepAddress());
        assertEquals("10.0.1.1:10002", n1.segments().get(1).routeDistinguisher());
        assertEquals(List.of("192.168.1.0"), n1.neighbors().stream().map(BgpNeighbor::address).toList());
    }

    @Test
    void devicesNeedingAnOwnerWhosePersistedValueIsCorruptAreHeldNotRenumbered() {
        // web only on leaf1 and n1; leaf2 and n2 carry db alone
        final var intent = IntentFixtures.withNetwork(IntentFixtures.sample(), ACME, WEB,
            n -> n.leafSwitches(LEAF1).nodeRouters(N1));
        final var first = compileAll(intent);
        final var web = IntentPaths.network(ACME, WEB);
        final var corrupt = Allocations.of(first.fabric().allocations().all().stream()
            .map(a -> a.kind() == AllocationKind.VLAN && a.owner().equals(web)
                ? new Allocation(a.kind(), a.owner(), "5000") : a)
            .toList());
        // the same intent with one more network everywhere: every device should change
        final var grown = IntentFixtures.addNetwork(intent, ACME, IntentFixtures.network("app").vrf(RED).build());
        final var allocated = (AllocationOutcome.Allocated) Allocator.allocate(grown, corrupt);
        final var second = IncrementalCompiler.compile(first.fabric(), grown, allocated.allocations(),
            allocated.problems());

        final var held = second.fabric().held();
        assertEquals(Set.of(LEAF1, N1), held.keySet());
        assertEquals(List.of(web + ": " + allocated.problems().getFirst().message()), held.get(LEAF1).reasons());
        assertTrue(held.get(N1).describe().startsWith("not compiled, keeps its previous configuration: "
            + web + ": " + web + ": its persisted vlan '5000' is outside 1..4094"), held.get(N1)::describe);
        // held devices keep their previous configuration and generation: web is neither renumbered nor removed
        assertEquals(first.fabric().device(LEAF1), second.fabric().device(LEAF1));
        assertEquals(first.fabric().device(N1), second.fabric().device(N1));
        assertEquals(Set.of(LEAF2, N2), second.changed());
        assertEquals(Set.of(), second.removed());
        assertEquals(allocated.problems(), second.fabric().allocationProblems());

        // the operator deletes the corrupt entry: web gets a fresh VLAN and the held devices compile again
        final var healed = recompile(second, grown);
        assertEquals(Map.of(), healed.fabric().held());
        assertEquals(Set.of(LEAF1, N1), healed.changed());
        assertEquals(2, healed.fabric().device(LEAF1).orElseThrow().generation());
        assertEquals(3, healed.fabric().device(LEAF1).orElseThrow().intent().segments().size());
    }

    @Test
    void aNodeRouterWithoutItsVtepIsHeldWithItsLeafSwitch() {
        final var intent = IntentFixtures.sample();
        final var first = compileAll(intent);
        final var n1 = IntentPaths.nodeRouter(N1);
        final var corrupt = Allocations.of(first.fabric().allocations().all().stream()
            .map(a -> a.kind() == AllocationKind.VTEP && a.owner().equals(n1)
                ? new Allocation(a.kind(), a.owner(), "10.255.0") : a)
            .toList());
        final var allocated = (AllocationOutcome.Allocated) Allocator.allocate(intent, corrupt);
        final var fromScratch = IncrementalCompiler.compile(CompiledFabric.EMPTY, intent, allocated.allocations(),
            allocated.problems());
        assertEquals(Set.of(LEAF1, N1), fromScratch.fabric().held().keySet());
        assertEquals(DeviceRole.NODE_ROUTER, fromScratch.fabric().held().get(N1).role());
        assertTrue(fromScratch.fabric().held().get(LEAF1).reasons().getFirst()
            .startsWith("attached node router n1: " + n1 + ": its persisted vtep '10.255.0' is not an IPv4"));
        // never compiled: nothing to keep, nothing to remove from the device
        assertEquals(Set.of(LEAF2, N2), fromScratch.fabric().devices().keySet());
        assertEquals(Set.of(LEAF2, N2), fromScratch.changed());
    }

    @Test
    void sameIntentRecompilesNothing() {
        final var first = compileAll(IntentFixtures.sample());
        final var second = recompile(first, IntentFixtures.sample());
        assertEquals(Set.of(), second.recompiled());
        assertEquals(Set.of(), second.changed());
        assertEquals(first.fabric().devices(), second.fabric().devices());
    }

    @Test
    void networkChangeTouchesOnlyTheDevicesItIsPlacedOn() {
        final var placed = IntentFixtures.withNetwork(IntentFixtures.sample(), ACME, WEB,
            n -> n.leafSwitches(LEAF1).nodeRouters(N2));
        final var first = compileAll(placed);
        final var second = recompile(first, IntentFixtures.withNetwork(placed, ACME, WEB,
            n -> n.arpSuppression(false)));
        assertEquals(Set.of(LEAF1, N2), second.recompiled());
        assertEquals(Set.of(LEAF1, N2), second.changed());
        assertEquals(2, second.fabric().device(LEAF1).orElseThrow().generation());
        assertEquals(1, second.fabric().device(LEAF2).orElseThrow().generation());
        assertFalse(second.fabric().device(LEAF1).orElseThrow().intent().segments().stream()
            .filter(s -> s.network().equals(WEB)).findFirst().orElseThrow().arpSuppression());
    }

    @Test
    void movingANetworkTouchesOldAndNewDevices() {
        final var placed = IntentFixtures.withNetwork(IntentFixtures.sample(), ACME, WEB, n -> n.leafSwitches(LEAF1));
        final var first = compileAll(placed);
        final var second = recompile(first, IntentFixtures.withNetwork(placed, ACME, WEB,
            n -> n.leafSwitches(LEAF2)));
        assertEquals(Set.of(LEAF1, LEAF2), second.changed());
        assertTrue(second.fabric().device(LEAF1).orElseThrow().intent().segments().stream()
            .noneMatch(s -> s.network().equals(WEB)));
    }

    @Test
    void credentialChangeRecompilesNothing() {
        final var first = compileAll(IntentFixtures.sample());
        final var second = recompile(first, IntentFixtures.withLeaf(IntentFixtures.sample(), LEAF1,
            l -> l.netconfHost("192.0.2.99")));
        assertEquals(Set.of(), second.changed());
        assertEquals(1, second.fabric().device(LEAF1).orElseThrow().generation());
    }

    @Test
    void nodeChangeTouchesTheNodeAndItsAttachedLeaf() {
        final var first = compileAll(IntentFixtures.sample());
        final var second = recompile(first, IntentFixtures.withNode(IntentFixtures.sample(), N1,
            n -> n.vtepAddress("10.255.0.77")));
        assertEquals(Set.of(N1, LEAF1), second.changed());
        assertEquals("10.255.0.77", second.fabric().device(LEAF1).orElseThrow().intent().neighbors().getFirst()
            .address());
    }

    @Test
    void grpcPortReachesTheNodesPlatformAndTouchesOnlyTheNode() {
        final var first = compileAll(IntentFixtures.sample());
        assertEquals(null, ((Platform.NodePlatform) first.fabric().device(N1).orElseThrow().intent().platform())
            .grpcPort());
        final var second = recompile(first, IntentFixtures.withNode(IntentFixtures.sample(), N1,
            n -> n.frr(new io.openvni.core.intent.FrrSettings(null, 50_051, false))));
        assertEquals(Set.of(N1), second.changed());
        assertEquals(50_051, ((Platform.NodePlatform) second.fabric().device(N1).orElseThrow().intent().platform())
            .grpcPort());
    }

    @Test
    void vrfRouteTargetChangeTouchesDevicesOfItsNetworks() {
        final var placed = IntentFixtures.withNetwork(IntentFixtures.withNetwork(IntentFixtures.sample(), ACME, WEB,
            n -> n.leafSwitches(LEAF1).nodeRouters(N1)), ACME, "db", n -> n.leafSwitches(LEAF1).nodeRouters(N1));
        final var first = compileAll(placed);
        final var second = recompile(first, IntentFixtures.withVrf(placed, ACME, RED,
            v -> v.importRouteTargets("65000:777")));
        assertEquals(Set.of(LEAF1, N1), second.changed());
        assertEquals(List.of("65000:50000", "65000:777"),
            second.fabric().device(N1).orElseThrow().intent().vrfs().getFirst().importRouteTargets());
    }

    @Test
    void removedDeviceIsReported() {
        final var first = compileAll(IntentFixtures.sample());
        final var intent = IntentFixtures.sample();
        final var fabric = intent.fabric();
        final var second = recompile(first, intent.withFabric(fabric.withDevices(
            fabric.leafSwitches().stream().filter(l -> !l.name().equals(LEAF2)).toList(), fabric.nodeRouters())));
        assertEquals(Set.of(LEAF2), second.removed());
        assertTrue(second.fabric().device(LEAF2).isEmpty());
        // n2 stays attached to the vanished leaf2 (validation reports that); its own intent does not change
        assertFalse(second.changed().contains(N2));
    }
}
