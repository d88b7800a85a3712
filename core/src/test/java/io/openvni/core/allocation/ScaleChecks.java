package io.openvni.core.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.core.intent.Intent;
import io.openvni.core.intent.IntentPaths;
import java.util.HashSet;

/** Checks of allocations of large intents such as {@link io.openvni.core.testing.IntentFixtures#scale}. */
final class ScaleChecks {
    private ScaleChecks() {
        // utility
    }

    /** Asserts every owner has its values, in their pools, and no value is used twice. */
    static void assertConsistent(final Intent intent, final Allocations allocations) {
        final var fabric = intent.fabric();
        final var vnis = new HashSet<Long>();
        final var vlans = new HashSet<Long>();
        final var rds = new HashSet<Long>();
        for (var tenant : intent.tenants()) {
            for (var network : tenant.networks()) {
                final var owner = IntentPaths.network(tenant.name(), network.name());
                final long vni = allocations.getNumber(AllocationKind.L2_VNI, owner).orElseThrow();
                assertTrue(fabric.l2VniPool().contains(vni) && vnis.add(vni), owner);
                final long vlan = allocations.getNumber(AllocationKind.VLAN, owner).orElseThrow();
                assertTrue(fabric.vlanPool().contains(vlan) && vlans.add(vlan), owner);
                assertTrue(rds.add(allocations.getNumber(AllocationKind.RD_INDEX, owner).orElseThrow()), owner);
            }
            for (var vrf : tenant.vrfs()) {
                final var owner = IntentPaths.vrf(tenant.name(), vrf.name());
                final long vni = allocations.getNumber(AllocationKind.L3_VNI, owner).orElseThrow();
                assertTrue(fabric.l3VniPool().contains(vni) && vnis.add(vni), owner);
                assertTrue(rds.add(allocations.getNumber(AllocationKind.RD_INDEX, owner).orElseThrow()), owner);
            }
        }
        assertTrue(rds.stream().allMatch(rd -> rd >= 1 && rd <= 65_535));
        final var vteps = new HashSet<String>();
        fabric.leafSwitches().forEach(leaf -> vteps.add(leaf.vtepAddress()));
        for (var node : fabric.nodeRouters()) {
            final var vtep = allocations.get(AllocationKind.VTEP, IntentPaths.nodeRouter(node.name())).orElseThrow();
            assertTrue(vtep.startsWith("10.128."), vtep);
            assertFalse(vtep.equals("10.128.255.255"), vtep);
            assertTrue(vteps.add(vtep), vtep);
        }
        // Nothing else is allocated: L2 and L3 VNIs, VLANs, RD indexes and VTEPs of the owners above.
        assertEquals(vnis.size() + vlans.size() + rds.size() + vteps.size() - fabric.leafSwitches().size(),
            allocations.size());
    }
}
