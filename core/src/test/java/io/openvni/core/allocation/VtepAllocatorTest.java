package io.openvni.core.allocation;

import static io.openvni.core.allocation.AllocationKind.VTEP;
import static io.openvni.core.allocation.AllocationTesting.allocated;
import static io.openvni.core.allocation.AllocationTesting.assertError;
import static io.openvni.core.allocation.AllocationTesting.failed;
import static io.openvni.core.testing.IntentFixtures.LEAF1;
import static io.openvni.core.testing.IntentFixtures.N1;
import static io.openvni.core.testing.IntentFixtures.N2;
import static io.openvni.core.testing.IntentFixtures.leaf;
import static io.openvni.core.testing.IntentFixtures.node;
import static io.openvni.core.testing.IntentFixtures.sample;
import static io.openvni.core.testing.IntentFixtures.sampleAllocations;
import static io.openvni.core.testing.IntentFixtures.withFabric;
import static io.openvni.core.testing.IntentFixtures.withLeaf;
import static io.openvni.core.testing.IntentFixtures.withNode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.core.intent.BgpPeer;
import io.openvni.core.intent.Intent;
import io.openvni.core.intent.IntentPaths;
import io.openvni.core.intent.NodeRouter;
import io.openvni.core.testing.IntentFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VtepAllocatorTest {
    private static final String NODE1 = IntentPaths.nodeRouter(N1);
    private static final String NODE2 = IntentPaths.nodeRouter(N2);

    @Test
    void skipsAddressesOfLeafSwitchVteps() {
        // leaf1 and leaf2 hold .1 and .2 of the sample pool
        final var allocations = allocated(sample(), Allocations.EMPTY);
        assertEquals(Map.of(NODE1, "10.255.0.3", NODE2, "10.255.0.4"), allocations.ofKind(VTEP));
    }

    @Test
    void skipsNetworkAddressAndExplicitNodeVteps() {
        final var intent = withNode(withFabric(sample(), f -> f.vtepPool("10.200.0.0/24")), N1,
            n -> n.vtepAddress("10.200.0.1"));
        assertEquals(Map.of(NODE2, "10.200.0.2"), allocated(intent, Allocations.EMPTY).ofKind(VTEP));
    }

    @Test
    void skipsRouterIdsAndBgpPeerAddresses() {
        final var intent = withNode(withLeaf(withFabric(sample(), f -> f.vtepPool("10.200.0.0/24")), LEAF1,
            l -> l.routerId("10.200.0.1")), N1, n -> n.bgpPeers(new BgpPeer("10.200.0.2", 65001)));
        assertEquals(Map.of(NODE1, "10.200.0.3", NODE2, "10.200.0.4"), allocated(intent, Allocations.EMPTY)
            .ofKind(VTEP));
    }

    @Test
    void skipsBroadcastAddress() {
        // 10.200.0.0/30 has hosts .1 and .2 only; .3 is the broadcast address
        final var intent = withNodes(withFabric(sample(), f -> f.vtepPool("10.200.0.0/30")), 3);
        final var errors = failed(intent, Allocations.EMPTY);
        assertEquals(1, errors.size(), errors::toString);
        assertError(errors, IntentPaths.nodeRouter("x3") + "/vtep-address",
            "the vtep-pool 10.200.0.0/30 is exhausted: all 2 addresses are in use and 1 more node router needs one");
    }

    @Test
    void slash31AndSlash32UseEveryAddress() {
        final var pair = allocated(withNodes(withFabric(sample(), f -> f.vtepPool("10.200.0.0/31")), 2),
            Allocations.EMPTY);
        assertEquals(Map.of(IntentPaths.nodeRouter("x1"), "10.200.0.0", IntentPaths.nodeRouter("x2"), "10.200.0.1"),
            pair.ofKind(VTEP));
        final var single = allocated(withNodes(withFabric(sample(), f -> f.vtepPool("10.200.0.9/32")), 1),
            Allocations.EMPTY);
        assertEquals(Map.of(IntentPaths.nodeRouter("x1"), "10.200.0.9"), single.ofKind(VTEP));
    }

    @Test
    void poolExhaustedByLeafVteps() {
        final var errors = failed(withFabric(sample(), f -> f.vtepPool("10.255.0.0/30")), Allocations.EMPTY);
        assertError(errors, NODE1 + "/vtep-address", "the vtep-pool 10.255.0.0/30 is exhausted");
        assertError(errors, NODE2 + "/vtep-address", "the vtep-pool 10.255.0.0/30 is exhausted");
    }

    @Test
    void missingPoolIsAnErrorOnlyForNodesThatNeedOne() {
        final var noPool = withFabric(sample(), f -> f.vtepPool(null));
        final var errors = failed(noPool, Allocations.EMPTY);
        assertError(errors, NODE1 + "/vtep-address", "no vtep-pool");
        assertError(errors, NODE2 + "/vtep-address", "no vtep-pool");

        // n1 has an address, n2 keeps its previous one: nothing left to allocate.
        final var allocations = allocated(withNode(noPool, N1, n -> n.vtepAddress("10.9.9.9")), sampleAllocations());
        assertEquals(Map.of(NODE2, "10.255.0.4"), allocations.ofKind(VTEP));
    }

    @Test
    void malformedPoolIsAnErrorForNodesThatNeedOne() {
        final var errors = failed(withFabric(sample(), f -> f.vtepPool("2001:db8::/64")), Allocations.EMPTY);
        assertError(errors, NODE1 + "/vtep-address", "'2001:db8::/64' is not an IPv4 prefix");
    }

    @Test
    void previousVtepIsStableAndFreedOnDelete() {
        final var previous = sampleAllocations();
        // n1 removed: n2 keeps .4, and a new node gets the freed .3
        final var fabric = sample().fabric();
        final var intent = sample().withFabric(fabric.withDevices(fabric.leafSwitches(), List.of(
            fabric.nodeRouter(N2).orElseThrow(), node("n3").routerId("10.0.1.3").build())));
        final var allocations = allocated(intent, previous);
        assertEquals(Map.of(NODE2, "10.255.0.4", IntentPaths.nodeRouter("n3"), "10.255.0.3"),
            allocations.ofKind(VTEP));
    }

    @Test
    void explicitVtepTakenByAStableAllocationIsAnError() {
        final var node = failed(withNode(sample(), N2, n -> n.vtepAddress("10.255.0.3")), sampleAllocations());
        assertError(node, NODE2 + "/vtep-address", "VTEP address 10.255.0.3", NODE1);

        final var fabric = sample().fabric();
        final var leaves = new ArrayList<>(fabric.leafSwitches());
        leaves.add(leaf("leaf3").routerId("10.0.0.3").vtepAddress("10.255.0.4").build());
        final var leaf = failed(sample().withFabric(fabric.withDevices(leaves, fabric.nodeRouters())),
            sampleAllocations());
        assertError(leaf, IntentPaths.leafSwitch("leaf3") + "/vtep-address", "VTEP address 10.255.0.4", NODE2);
    }

    @Test
    void scaleOf500NetworksAnd1000NodeRouters() {
        final var intent = IntentFixtures.scale(10, 50, 1000);
        final var allocations = allocated(intent, Allocations.EMPTY);
        ScaleChecks.assertConsistent(intent, allocations);
        assertTrue(allocations.ofKind(VTEP).values().stream().noneMatch(v -> v.equals("10.128.0.0")));
        assertEquals(allocations, allocated(intent, allocations));
        assertEquals(allocations, allocated(IntentFixtures.reverse(intent), Allocations.EMPTY));
    }

    /** The sample intent with its node routers replaced by {@code count} routers x1.. without VTEP address. */
    private static Intent withNodes(final Intent intent, final int count) {
        final var nodes = new ArrayList<NodeRouter>();
        for (int i = 1; i <= count; i++) {
            nodes.add(node("x" + i).routerId("10.0.1." + i).build());
        }
        return intent.withFabric(intent.fabric().withDevices(intent.fabric().leafSwitches(), nodes));
    }
}
