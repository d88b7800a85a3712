package io.openvni.core.allocation;

import static io.openvni.core.allocation.AllocationKind.L2_VNI;
import static io.openvni.core.allocation.AllocationKind.L3_VNI;
import static io.openvni.core.allocation.AllocationKind.RD_INDEX;
import static io.openvni.core.allocation.AllocationKind.VLAN;
import static io.openvni.core.allocation.AllocationKind.VTEP;
import static io.openvni.core.allocation.AllocationTesting.allocated;
import static io.openvni.core.allocation.AllocationTesting.assertError;
import static io.openvni.core.allocation.AllocationTesting.assertValue;
import static io.openvni.core.allocation.AllocationTesting.failed;
import static io.openvni.core.testing.IntentFixtures.ACME;
import static io.openvni.core.testing.IntentFixtures.DB;
import static io.openvni.core.testing.IntentFixtures.RED;
import static io.openvni.core.testing.IntentFixtures.WEB;
import static io.openvni.core.testing.IntentFixtures.addNetwork;
import static io.openvni.core.testing.IntentFixtures.addTenant;
import static io.openvni.core.testing.IntentFixtures.addVrf;
import static io.openvni.core.testing.IntentFixtures.network;
import static io.openvni.core.testing.IntentFixtures.removeNetwork;
import static io.openvni.core.testing.IntentFixtures.sample;
import static io.openvni.core.testing.IntentFixtures.sampleAllocations;
import static io.openvni.core.testing.IntentFixtures.vrf;
import static io.openvni.core.testing.IntentFixtures.withFabric;
import static io.openvni.core.testing.IntentFixtures.withNetwork;
import static io.openvni.core.testing.IntentFixtures.withVrf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.core.intent.Intent;
import io.openvni.core.intent.IntentPaths;
import io.openvni.core.intent.Network;
import io.openvni.core.intent.Tenant;
import io.openvni.core.testing.IntentFixtures;
import io.openvni.core.validation.ValidationError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AllocatorTest {
    private static final String NET_WEB = IntentPaths.network(ACME, WEB);
    private static final String NET_DB = IntentPaths.network(ACME, DB);
    private static final String VRF_RED = IntentPaths.vrf(ACME, RED);

    @Test
    void sampleGetsLowestValuesInSortedOrder() {
        final var allocations = allocated(sample(), Allocations.EMPTY);
        assertEquals(Map.of(NET_DB, "10000", NET_WEB, "10001"), allocations.ofKind(L2_VNI));
        assertEquals(Map.of(VRF_RED, "50000"), allocations.ofKind(L3_VNI));
        assertEquals(Map.of(NET_DB, "100", NET_WEB, "101"), allocations.ofKind(VLAN));
        assertEquals(Map.of(NET_DB, "10000", VRF_RED, "10001", NET_WEB, "10002"), allocations.ofKind(RD_INDEX));
        assertEquals(Map.of(IntentPaths.nodeRouter("n1"), "10.255.0.3", IntentPaths.nodeRouter("n2"), "10.255.0.4"),
            allocations.ofKind(VTEP));
        assertEquals(allocations, sampleAllocations());
    }

    @Test
    void sameInputGivesSameOutput() {
        assertEquals(allocated(sample(), Allocations.EMPTY), allocated(sample(), Allocations.EMPTY));
    }

    @Test
    void resultDoesNotDependOnListOrder() {
        final var intent = addTenant(addNetwork(sample(), ACME, network("app").build()),
            IntentFixtures.tenant("beta", List.of(vrf("blue").build()), List.of(network("x").build())));
        final var reversed = IntentFixtures.reverse(intent);
        assertEquals(allocated(intent, Allocations.EMPTY), allocated(reversed, Allocations.EMPTY));
    }

    @Test
    void restartWithPreviousAllocationsGivesIdenticalResult() {
        final var first = allocated(sample(), Allocations.EMPTY);
        assertEquals(first, allocated(sample(), first));
        assertEquals(first, allocated(IntentFixtures.reverse(sample()), first));
    }

    @Test
    void addingAnOwnerThatSortsFirstKeepsExistingValues() {
        final var previous = sampleAllocations();
        final var intent = addVrf(addNetwork(sample(), ACME, network("aaa").vrf(RED).build()), ACME,
            vrf("blue").build());
        final var allocations = allocated(intent, previous);
        for (var allocation : previous.all()) {
            assertValue(allocations, allocation.kind(), allocation.owner(), allocation.value());
        }
        final var aaa = IntentPaths.network(ACME, "aaa");
        assertValue(allocations, L2_VNI, aaa, "10002");
        assertValue(allocations, VLAN, aaa, "102");
        assertValue(allocations, L3_VNI, IntentPaths.vrf(ACME, "blue"), "50001");
        // aaa sorts before blue, both after the three existing indexes
        assertValue(allocations, RD_INDEX, aaa, "10003");
        assertValue(allocations, RD_INDEX, IntentPaths.vrf(ACME, "blue"), "10004");
    }

    @Test
    void removingAnOwnerFreesItsValuesAndKeepsOthers() {
        final var afterRemove = allocated(removeNetwork(sample(), ACME, DB), sampleAllocations());
        assertTrue(afterRemove.get(L2_VNI, NET_DB).isEmpty());
        assertTrue(afterRemove.get(VLAN, NET_DB).isEmpty());
        assertTrue(afterRemove.get(RD_INDEX, NET_DB).isEmpty());
        assertValue(afterRemove, L2_VNI, NET_WEB, "10001");
        assertValue(afterRemove, VLAN, NET_WEB, "101");
        assertValue(afterRemove, RD_INDEX, NET_WEB, "10002");

        // The freed values are the lowest free ones again.
        final var readded = allocated(addNetwork(removeNetwork(sample(), ACME, DB), ACME, network("zzz").build()),
            afterRemove);
        final var zzz = IntentPaths.network(ACME, "zzz");
        assertValue(readded, L2_VNI, zzz, "10000");
        assertValue(readded, VLAN, zzz, "100");
        assertValue(readded, RD_INDEX, zzz, "10000");
        assertValue(readded, L2_VNI, NET_WEB, "10001");
    }

    @Test
    void ownerWithExplicitValueLosesItsAllocation() {
        final var intent = withNetwork(sample(), ACME, WEB, n -> n.l2Vni(12_345).vlan(2000));
        final var allocations = allocated(intent, sampleAllocations());
        assertTrue(allocations.get(L2_VNI, NET_WEB).isEmpty());
        assertTrue(allocations.get(VLAN, NET_WEB).isEmpty());
        // The RD index is always allocated.
        assertValue(allocations, RD_INDEX, NET_WEB, "10002");
        assertValue(allocations, L2_VNI, NET_DB, "10000");
    }

    @Test
    void previousValueIsKeptWhenThePoolMoves() {
        final var intent = addNetwork(withFabric(sample(), f -> f.l2VniPool(20_000, 29_999).vlanPool(3000, 3999)),
            ACME, network("new").build());
        final var allocations = allocated(intent, sampleAllocations());
        assertValue(allocations, L2_VNI, NET_DB, "10000");
        assertValue(allocations, L2_VNI, NET_WEB, "10001");
        assertValue(allocations, VLAN, NET_WEB, "101");
        assertValue(allocations, L2_VNI, IntentPaths.network(ACME, "new"), "20000");
        assertValue(allocations, VLAN, IntentPaths.network(ACME, "new"), "3000");
    }

    @Test
    void explicitValuesAreNeverHandedOut() {
        final var intent = withVrf(withNetwork(withNetwork(sample(), ACME, DB, n -> n.l2Vni(10_000).vlan(100)),
            ACME, WEB, n -> n.vlan(101)), ACME, RED, v -> v.l3Vni(10_001));
        final var withNew = addNetwork(intent, ACME, network("new").build());
        final var allocations = allocated(withNew, Allocations.EMPTY);
        // 10000 is db's, 10001 is red's (VNIs are shared by L2 and L3): new and web, in this order, get the next
        assertValue(allocations, L2_VNI, IntentPaths.network(ACME, "new"), "10002");
        assertValue(allocations, L2_VNI, NET_WEB, "10003");
        assertValue(allocations, VLAN, IntentPaths.network(ACME, "new"), "102");
        assertTrue(allocations.get(L3_VNI, VRF_RED).isEmpty());
    }

    @Test
    void explicitValueTakenByAStableAllocationIsAnError() {
        final var l2 = failed(withNetwork(sample(), ACME, WEB, n -> n.l2Vni(10_000)), sampleAllocations());
        assertEquals(List.of(new ValidationError(NET_WEB + "/l2-vni",
            "l2 VNI 10000 is already allocated to " + NET_DB
                + "; allocated values stay with their owner, so choose another value")), l2);

        final var vlan = failed(withNetwork(sample(), ACME, DB, n -> n.vlan(101)), sampleAllocations());
        assertError(vlan, NET_DB + "/vlan", "VLAN 101", NET_WEB);

        // Across L2 and L3: a VRF asking for a VNI a network holds.
        final var l3 = failed(withVrf(sample(), ACME, RED, v -> v.l3Vni(10_001)), sampleAllocations());
        assertError(l3, VRF_RED + "/l3-vni", "l3 VNI 10001", NET_WEB);
        final var l2OnL3 = failed(withNetwork(sample(), ACME, DB, n -> n.l2Vni(50_000)), sampleAllocations());
        assertError(l2OnL3, NET_DB + "/l2-vni", "l2 VNI 50000", VRF_RED);
    }

    @Test
    void explicitValueIsFineWithoutPreviousAllocations() {
        // With nothing allocated before, the explicit value simply wins and the others move on.
        final var allocations = allocated(withNetwork(sample(), ACME, WEB, n -> n.l2Vni(10_000)), Allocations.EMPTY);
        assertValue(allocations, L2_VNI, NET_DB, "10001");
    }

    @Test
    void l2PoolExhausted() {
        final var intent = addNetwork(withFabric(sample(), f -> f.l2VniPool(10_000, 10_001)), ACME,
            network("app").build());
        final var errors = failed(intent, Allocations.EMPTY);
        assertEquals(List.of("/tenants/tenant[acme]/network[web]/l2-vni: the l2 VNI pool 10000..10001 is exhausted: "
            + "all 2 VNIs are in use and 1 more network needs one"), errors.stream().map(Object::toString).toList());
    }

    @Test
    void l3PoolExhausted() {
        final var intent = addVrf(withFabric(sample(), f -> f.l3VniPool(50_000, 50_000)), ACME, vrf("blue").build());
        assertError(failed(intent, Allocations.EMPTY), VRF_RED + "/l3-vni",
            "the l3 VNI pool 50000..50000 is exhausted: its only VNI is in use and 1 more VRF needs one");
    }

    @Test
    void vlanPoolExhausted() {
        final var intent = withFabric(sample(), f -> f.vlanPool(100, 100));
        final var errors = failed(intent, Allocations.EMPTY);
        assertEquals(1, errors.size());
        assertError(errors, NET_WEB + "/vlan", "the VLAN pool 100..100 is exhausted");
    }

    @Test
    void exhaustedPoolKeepsEveryAllocationAndNamesEachOwnerLeftWithout() {
        // db and web hold VLANs 100 and 101 from before; of three new networks only the first in order fits
        final var intent = addNetwork(addNetwork(addNetwork(withFabric(sample(), f -> f.vlanPool(100, 102)), ACME,
            network("x1").build()), ACME, network("x2").build()), ACME, network("x3").build());
        final var errors = failed(intent, sampleAllocations());
        final var reason = "the VLAN pool 100..102 is exhausted: all 3 VLANs are in use and 2 more networks need one";
        assertEquals(List.of(
            new ValidationError("/tenants/tenant[acme]/network[x2]/vlan", reason),
            new ValidationError("/tenants/tenant[acme]/network[x3]/vlan", reason)), errors);

        // one VLAN fewer needed: it fits, and the networks there before keep theirs
        final var fits = allocated(addNetwork(withFabric(sample(), f -> f.vlanPool(100, 102)), ACME,
            network("x1").build()), sampleAllocations());
        assertValue(fits, VLAN, NET_DB, "100");
        assertValue(fits, VLAN, NET_WEB, "101");
        assertValue(fits, VLAN, "/tenants/tenant[acme]/network[x1]", "102");
    }

    @Test
    void emptyOrInvalidPoolIsNamedAsSuch() {
        final var errors = failed(withFabric(sample(), f -> f.l2VniPool(20_000, 10_000).vlanPool(5000, 6000)),
            Allocations.EMPTY);
        assertError(errors, NET_DB + "/l2-vni", "the l2 VNI pool 20000..10000 is empty");
        assertError(errors, NET_WEB + "/vlan", "the VLAN pool 5000..6000 holds no valid value (1..4094)");
    }

    @Test
    void rdIndexesAreUniqueAcrossNetworksAndVrfsOfAllTenants() {
        final var intent = addTenant(sample(), IntentFixtures.tenant("beta",
            List.of(vrf(RED).build(), vrf("blue").build()), List.of(network(WEB).build(), network("x").build())));
        final var indexes = allocated(intent, Allocations.EMPTY).ofKind(RD_INDEX);
        assertEquals(7, indexes.size());
        assertEquals(7, Set.copyOf(indexes.values()).size());
        assertEquals(Set.of("10000", "10001", "10002", "10003", "10004", "10005", "10006"),
            Set.copyOf(indexes.values()));
    }

    @Test
    void corruptPersistedValuesAreReportedNotRenumbered() {
        final var n1 = IntentPaths.nodeRouter("n1");
        final var previous = Allocations.of(List.of(
            new Allocation(L2_VNI, NET_DB, "not-a-number"),
            new Allocation(L2_VNI, NET_WEB, "0"),
            new Allocation(RD_INDEX, NET_DB, "7"),
            new Allocation(RD_INDEX, NET_WEB, "7"),
            new Allocation(VLAN, NET_DB, "5000"),
            new Allocation(VLAN, NET_WEB, "4000"),
            new Allocation(VTEP, n1, "banana")));
        final var outcome = assertInstanceOf(AllocationOutcome.Allocated.class,
            Allocator.allocate(sample(), previous));
        final var allocations = outcome.allocations();
        // the owners of unusable values get none (no silent renumbering); everyone else is served as usual
        assertEquals(Optional.empty(), allocations.get(L2_VNI, NET_DB));
        assertEquals(Optional.empty(), allocations.get(L2_VNI, NET_WEB));
        assertEquals(Optional.empty(), allocations.get(VLAN, NET_DB));
        assertEquals(Optional.empty(), allocations.get(RD_INDEX, NET_WEB));
        assertEquals(Optional.empty(), allocations.get(VTEP, n1));
        // db keeps 7 (first in order, and an RD index outside the pool is still one); web cannot share it
        assertValue(allocations, RD_INDEX, NET_DB, "7");
        assertValue(allocations, RD_INDEX, VRF_RED, "10000");
        // a kept value outside the pool is no problem: pools may shrink under kept values
        assertValue(allocations, VLAN, NET_WEB, "4000");
        assertValue(allocations, L3_VNI, VRF_RED, "50000");
        assertValue(allocations, VTEP, IntentPaths.nodeRouter("n2"), "10.255.0.3");

        assertEquals(List.of(
            new AllocationProblem(L2_VNI, NET_DB, "not-a-number", "is not a number"),
            new AllocationProblem(L2_VNI, NET_WEB, "0", "is outside 1..16777215, the values it can take"),
            new AllocationProblem(VLAN, NET_DB, "5000", "is outside 1..4094, the values it can take"),
            new AllocationProblem(RD_INDEX, NET_WEB, "7", "is the value of " + NET_DB + " too, which keeps it"),
            new AllocationProblem(VTEP, n1, "banana", "is not an IPv4 address")), outcome.problems());
        assertEquals("/tenants/tenant[acme]/network[db]: its persisted vlan '5000' is outside 1..4094, the values"
            + " it can take; the owner is left without one rather than renumbered: delete"
            + " /allocations/allocation[vlan][/tenants/tenant[acme]/network[db]] to allocate a new value, or give"
            + " it an explicit value", outcome.problems().get(2).message());

        // persisted as stored: the next run reports them again instead of renumbering
        final var persisted = outcome.persisted();
        assertValue(persisted, L2_VNI, NET_DB, "not-a-number");
        assertValue(persisted, RD_INDEX, NET_WEB, "7");
        assertValue(persisted, VTEP, n1, "banana");
        assertEquals(allocations.size() + 5, persisted.size());
        final var again = assertInstanceOf(AllocationOutcome.Allocated.class, Allocator.allocate(sample(), persisted));
        assertEquals(outcome, again);
    }

    @Test
    void aReportedOwnerGivenAnExplicitValueOrWithItsEntryDeletedIsServedAgain() {
        final var previous = Allocations.of(List.of(new Allocation(L2_VNI, NET_DB, "junk")));
        final var explicit = withNetwork(sample(), ACME, DB, n -> n.l2Vni(12_345));
        final var withExplicit = assertInstanceOf(AllocationOutcome.Allocated.class,
            Allocator.allocate(explicit, previous));
        assertEquals(List.of(), withExplicit.problems());
        assertEquals(Optional.empty(), withExplicit.persisted().get(L2_VNI, NET_DB), "the corrupt entry goes");

        final var deleted = assertInstanceOf(AllocationOutcome.Allocated.class,
            Allocator.allocate(sample(), Allocations.EMPTY));
        assertValue(deleted.allocations(), L2_VNI, NET_DB, "10000");
    }

    @Test
    void rdIndexesExhausted() {
        final var networks = new ArrayList<Network>();
        for (int i = 1; i <= 55_537; i++) {
            // Explicit VNI and VLAN so that only the RD index space runs out; duplicates are validation's business.
            networks.add(network(String.format("n%05d", i)).l2Vni(i).vlan(100).build());
        }
        final var intent = new Intent(IntentFixtures.fabric(), List.of(IntentFixtures.tenant("big", List.of(),
            networks)));
        final var errors = failed(intent, Allocations.EMPTY);
        assertEquals(List.of("/tenants/tenant[big]/network[n55537]: the route-distinguisher index pool 10000..65535 is "
            + "exhausted: all 55536 indexes are in use and 1 more network or VRF needs one"),
            errors.stream().map(Object::toString).toList());
    }

}
