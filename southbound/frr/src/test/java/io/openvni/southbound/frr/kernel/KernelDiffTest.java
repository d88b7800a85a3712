package io.openvni.southbound.frr.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.core.render.frr.KernelDevice;
import io.openvni.core.render.frr.KernelDevice.Kind;
import io.openvni.core.render.frr.KernelPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;

/** The pure kernel diff; {@code FrrNodeDriverTest} runs its commands against a real kernel and FRR. */
class KernelDiffTest {
    private static final String VTEP = "10.255.0.1";
    private static final KernelPlan ROUTED = new KernelPlan(List.of(
        new KernelDevice("lo", Kind.LOOPBACK_ADDRESS, Map.of("address", VTEP + "/32")),
        new KernelDevice("ovrf500", Kind.NETNS_VRF, Map.of("path", "/run/netns/ovrf500")),
        new KernelDevice("ovbr100", Kind.BRIDGE, Map.of("netns", "ovrf500")),
        vxlan(100, "ovrf500"),
        new KernelDevice("ovh100", Kind.VETH, Map.of("peer", "ovw100", "netns", "ovrf500", "master", "ovbr100"))));

    @Test
    void createsDevicesInTheirNamespaceRatherThanMovingThem() {
        final var ops = KernelDiff.diff(state(Set.of(), Set.of()), ROUTED);
        final var all = commands(ops.before());
        assertTrue(all.contains("netns add ovrf500"), all::toString);
        assertTrue(all.contains(KernelDiff.forwardingOn("ovrf500")), all::toString);
        assertTrue(all.contains("link add ovvx100 netns ovrf500 type vxlan id 100 local " + VTEP
            + " dstport 4789 nolearning"), all::toString);
        assertTrue(all.contains("link add ovh100 netns ovrf500 type veth peer name ovw100"), all::toString);
        // a device moved between namespaces shows up in zebra twice, once as a removal
        assertFalse(all.stream().anyMatch(command -> command.matches("link set \\S+ netns .*")), all::toString);
        // zebra must follow the namespace before anything appears in it, and the bridge before the VXLAN device
        assertEquals(new IpBatch(null, List.of("netns add ovrf500", KernelDiff.forwardingOn("ovrf500"))),
            ops.before().get(0));
        assertEquals(new IpBatch("ovrf500", List.of("link add ovbr100 type bridge", "link set ovbr100 up")),
            ops.before().get(1));
        assertTrue(ops.after().isEmpty(), ops.after()::toString);
    }

    @Test
    void turnsForwardingOnInAnExistingNamespaceOnlyWhereItIsOff() {
        final var links = routedAsPlanned();
        final var off = commands(KernelDiff.diff(new KernelState(Set.of("ovrf500"), Set.of(), links,
            Set.of(VTEP + "/32")), ROUTED).before());
        assertEquals(List.of(KernelDiff.forwardingOn("ovrf500")), off);
        final var on = KernelDiff.diff(new KernelState(Set.of("ovrf500"), Set.of("ovrf500"), links,
            Set.of(VTEP + "/32")), ROUTED);
        assertTrue(on.before().isEmpty() && on.after().isEmpty(), on::toString);
    }

    @Test
    void recreatesABrokenVxlanDeviceInPlaceAndDeletesNothingElse() {
        final var links = routedAsPlanned();
        final var ops = KernelDiff.diff(new KernelState(Set.of("ovrf500"), Set.of("ovrf500"), links,
            Set.of(VTEP + "/32")), ROUTED, Set.of("ovvx100"));
        assertEquals(new IpBatch("ovrf500", List.of("link del ovvx100")), ops.before().get(0));
        final var all = commands(ops.before());
        assertTrue(all.contains("link add ovvx100 netns ovrf500 type vxlan id 100 local " + VTEP
            + " dstport 4789 nolearning"), all::toString);
        assertTrue(all.contains("link set ovvx100 master ovbr100"), all::toString);
        assertTrue(all.contains("link set ovvx100 up"), all::toString);
        assertTrue(ops.after().isEmpty(), ops.after()::toString);
    }

    @Test
    void recreatesABrokenBridgeAndPutsItsPortsBackIntoIt() {
        final var ops = KernelDiff.diff(new KernelState(Set.of("ovrf500"), Set.of("ovrf500"), routedAsPlanned(),
            Set.of(VTEP + "/32")), ROUTED, Set.of("ovbr100"));
        assertEquals(new IpBatch("ovrf500", List.of("link del ovbr100")), ops.before().get(0));
        assertEquals(new IpBatch("ovrf500", List.of("link add ovbr100 type bridge", "link set ovbr100 up")),
            ops.before().get(1));
        final var all = commands(ops.before());
        assertTrue(all.contains("link set ovvx100 master ovbr100"), all::toString);
        assertTrue(all.contains("link set ovh100 master ovbr100"), all::toString);
        assertFalse(all.stream().anyMatch(command -> command.startsWith("link add ovvx100")
            || command.startsWith("link add ovh100")), all::toString);
        assertTrue(ops.after().isEmpty(), ops.after()::toString);
    }

    @Test
    void anSviWhoseAddressZebraLostGetsItAgainAndKeepsItsPorts() {
        final var plan = new KernelPlan(List.of(ROUTED.devices().get(0), ROUTED.devices().get(1),
            new KernelDevice("ovbr100", Kind.BRIDGE, Map.of("netns", "ovrf500", "address", "10.1.0.1/24,fd00:1::1/64")),
            ROUTED.devices().get(3), ROUTED.devices().get(4)));
        final var links = new ArrayList<>(routedAsPlanned());
        links.set(0, new ObservedLink("ovrf500", "ovbr100", "bridge", null, "02:00:00:00:00:01", true, 1500, Map.of(),
            List.of("10.1.0.1/24", "fd00:1::1/64"), false, false, 0));
        final var state = new KernelState(Set.of("ovrf500"), Set.of("ovrf500"), links, Set.of(VTEP + "/32"));
        final var ops = KernelDiff.diff(state, plan, Set.of("ovbr100"), Set.of("ovbr100"));
        assertEquals(List.of(new IpBatch("ovrf500", List.of("address del 10.1.0.1/24 dev ovbr100",
            "address add 10.1.0.1/24 dev ovbr100"))), ops.before());
        assertTrue(ops.after().isEmpty(), ops.after()::toString);
        // without the readdress hint the same device is created anew, as before
        assertEquals(new IpBatch("ovrf500", List.of("link del ovbr100")),
            KernelDiff.diff(state, plan, Set.of("ovbr100")).before().get(0));
    }

    @Test
    void aVrfThatGoesTakesItsDevicesAndTheWorkloadEndsOfItsNetworksGoExplicitly() {
        final var ops = KernelDiff.diff(new KernelState(Set.of("ovrf500"), Set.of("ovrf500"), routedAsPlanned(),
            Set.of(VTEP + "/32")), new KernelPlan(List.of(ROUTED.devices().get(0))));
        // the namespace's own devices go with it; the workload end in the router's namespace would linger until the
        // kernel has dismantled the namespace
        assertEquals(List.of(new IpBatch(null, List.of("link set ovw100 group " + IpBatch.DELETE_GROUP,
            IpBatch.DELETE_BY_GROUP, "netns del ovrf500"))), ops.after());
    }

    @Test
    void createsTheVxlanDeviceOfAnL3VniAfterFrrsConfiguration() {
        final var l3 = new KernelDevice("ovvx500", Kind.VXLAN, Map.of("id", "500", "local", VTEP, "dstport", "4789",
            "learning", "off", "l3vni", "true", "netns", "ovrf500", "master", "ovbr500"));
        final var plan = new KernelPlan(List.of(ROUTED.devices().get(0), ROUTED.devices().get(1),
            new KernelDevice("ovbr500", Kind.BRIDGE, Map.of("netns", "ovrf500")), l3));
        final var ops = KernelDiff.diff(state(Set.of(), Set.of()), plan);
        assertFalse(commands(ops.before()).stream().anyMatch(command -> command.contains("ovvx500")),
            ops.before()::toString);
        assertEquals(List.of(
            new IpBatch(null, List.of("link add ovvx500 netns ovrf500 type vxlan id 500 local " + VTEP
                + " dstport 4789 nolearning")),
            new IpBatch("ovrf500", List.of("link set ovvx500 master ovbr500", "link set ovvx500 up"))), ops.after());
    }

    /** The devices of {@link #ROUTED}, all there as planned. */
    private static List<ObservedLink> routedAsPlanned() {
        return List.of(
            link("ovrf500", "ovbr100", "bridge", null, Map.of()),
            link("ovrf500", "ovvx100", "vxlan", "ovbr100", vxlanAttributes(100)),
            link("ovrf500", "ovh100", "veth", "ovbr100", Map.of()),
            link(null, "ovw100", "veth", null, Map.of()));
    }

    private static KernelDevice vxlan(final long vni, final String netns) {
        return new KernelDevice("ovvx" + vni, Kind.VXLAN, Map.of("id", Long.toString(vni), "local", VTEP,
            "dstport", "4789", "learning", "off", "netns", netns, "master", "ovbr" + vni));
    }

    @Test
    void aNetworkWithAnyOwnedDeviceIsPresentEvenHalfMade() {
        // 100 complete in VRF 500; 200 only its bridge, as an interrupted batch leaves it; 300 only its workload end
        final var kernel = new KernelState(Set.of("ovrf500"), Set.of(), List.of(
            link("ovrf500", "ovbr100", "bridge", null, Map.of()),
            link("ovrf500", "ovvx100", "vxlan", "ovbr100", vxlanAttributes(100)),
            link(null, "ovbr200", "bridge", null, Map.of()),
            link(null, "ovh300", "veth", null, Map.of())), Set.of());
        assertEquals(Set.of(100L, 200L, 300L, 500L), kernel.presentVnis());
    }

    private static Map<String, String> vxlanAttributes(final long vni) {
        return Map.of("id", Long.toString(vni), "local", VTEP, "dstport", "4789", "learning", "off");
    }

    private static ObservedLink link(final @Nullable String netns, final String name, final String kind,
            final @Nullable String master, final Map<String, String> attributes) {
        return new ObservedLink(netns, name, kind, master, "02:00:00:00:00:01", true, 1500, attributes, List.of(),
            netns != null && kind.equals("veth"), false, 0);
    }

    private static KernelState state(final Set<String> namespaces, final Set<String> forwarding) {
        return new KernelState(namespaces, forwarding, List.of(), Set.of());
    }

    private static List<String> commands(final List<IpBatch> batches) {
        return batches.stream().flatMap(batch -> batch.commands().stream()).toList();
    }
}
