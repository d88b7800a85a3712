package io.openvni.southbound.frr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.southbound.frr.kernel.KernelState;
import io.openvni.southbound.frr.kernel.ObservedLink;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;

/** Finding the owned devices zebra has lost track of, from FRR 8.4's JSON (shapes captured from the node lab). */
class ZebraViewTest {
    private static final String VNIS = """
        {"10210":{"vni":10210,"type":"L2","vxlanIf":"ovvx10210","numMacs":1,"numArpNd":1,"numRemoteVteps":0,
        "tenantVrf":"ovrf50000"}}
        """;
    private static final Map<String, Set<String>> PLANNED = Map.of("ovbr10210", Set.of("10.1.0.1/24"));
    private static final String INTERFACES = """
        {
          "uplink":{"status":"up","vrfName":"default","addresses":["10.98.1.1/31"]},
          "lo":{"status":"up","vrfName":"ovrf50000","addresses":[]},
          "ovbr10210":{"status":"up","vrfName":"ovrf50000","addresses":["10.1.0.1/24","fd00:1::1/64"]},
          "ovbr10220":{"status":"up","vrfName":"ovrf50000","addresses":[]}
        }
        """;

    @Test
    void findsVxlanDevicesWithoutTheirVniAndSvisWithoutTheirAddresses() {
        final var zebra = ZebraView.parse(VNIS, INTERFACES, true);
        assertEquals(Map.of(10210L, "ovvx10210"), zebra.vnis());
        final var kernel = new KernelState(Set.of("ovrf50000"), Set.of("ovrf50000"), List.of(
            link("ovrf50000", "ovbr10210", "bridge", Map.of(), List.of("10.1.0.1/24", "fd00:1::1/64")),
            link("ovrf50000", "ovvx10210", "vxlan", Map.of("id", "10210"), List.of()),
            // zebra missed the address: no connected route, no type-5 route
            link("ovrf50000", "ovbr10220", "bridge", Map.of(), List.of("10.2.0.1/24")),
            // zebra dropped the VNI
            link("ovrf50000", "ovvx10220", "vxlan", Map.of("id", "10220"), List.of()),
            // an IPv6 address zebra does not list yet (DAD) is no sign of anything
            link("ovrf50000", "ovbr10230", "bridge", Map.of(), List.of("fd00:3::1/64")),
            // nor is an address that is not planned (an operator's, about to go) or not there yet
            link("ovrf50000", "ovbr10240", "bridge", Map.of(), List.of("10.4.0.1/24", "10.4.0.99/24")),
            link("ovrf50000", "ovbr10250", "bridge", Map.of(), List.of()),
            // the L3 VNI's bridge has no address
            link("ovrf50000", "ovbr50000", "bridge", Map.of(), List.of())), Set.of());
        final var planned = Map.of("ovbr10210", Set.of("10.1.0.1/24"), "ovbr10220", Set.of("10.2.0.1/24"),
            "ovbr10240", Set.of("10.4.0.1/24"), "ovbr10250", Set.of("10.5.0.1/24"));
        assertEquals(Set.of("ovbr10220", "ovvx10220", "ovbr10240"), zebra.devicesLacking(kernel, planned));
        // zebra has ovbr10220 in its VRF, only not its address: adding the address again is enough; it never saw
        // ovbr10240, which is created anew
        assertEquals(Set.of("ovbr10220"), zebra.addressesLacking(kernel, planned));
        // without EVPN zebra takes up no VNI, and that is as it should be
        assertEquals(Set.of("ovbr10220", "ovbr10240"),
            ZebraView.parse(VNIS, INTERFACES, false).devicesLacking(kernel, planned));
    }

    @Test
    void anSviZebraSeesInAnotherVrfIsLacking() {
        final var zebra = ZebraView.parse("", """
            {"ovbr10210":{"status":"up","vrfName":"ovrf50100","addresses":["10.1.0.1/24"]}}""", false);
        final var kernel = new KernelState(Set.of("ovrf50000"), Set.of(), List.of(
            link("ovrf50000", "ovbr10210", "bridge", Map.of(), List.of("10.1.0.1/24"))), Set.of());
        assertEquals(Set.of("ovbr10210"), zebra.devicesLacking(kernel, PLANNED));
        assertEquals(Set.of(), zebra.addressesLacking(kernel, PLANNED));
    }

    @Test
    void anSviZebraHoldsUnderAnIndexTheKernelNoLongerHasIsCreatedAnewNotReaddressed() {
        final var zebra = ZebraView.parse(VNIS, INTERFACES, true);
        final var kernel = new KernelState(Set.of("ovrf50000"), Set.of(), List.of(new ObservedLink("ovrf50000",
            "ovbr10220", "bridge", null, "02:00:00:00:00:01", true, 1500, Map.of(), List.of("10.2.0.1/24"), false,
            false, 12452)), Set.of());
        final var planned = Map.of("ovbr10220", Set.of("10.2.0.1/24"));
        // zebra's answer for the device, as vtysh reading its standard input prints it: the prompt after the last
        final var stale = ZebraView.parseIndexes(List.of("""
            {
              "ovbr10220":{
                "administrativeStatus":"up",
                "vrfName":"ovrf50000",
                "pseudoInterface":false,
                "index":9016,
                "mtu":1500
              }
            }
            vm#\s
            """, "{}\n"));
        assertEquals(Map.of("ovbr10220", 9016), stale);
        assertEquals(Set.of("ovbr10220"), zebra.withIndexes(stale).devicesLacking(kernel, planned));
        assertEquals(Set.of(), zebra.withIndexes(stale).addressesLacking(kernel, planned));
        // under the kernel's index, zebra only missed the address; an index not asked for counts as that too
        assertEquals(Set.of("ovbr10220"),
            zebra.withIndexes(Map.of("ovbr10220", 12452)).addressesLacking(kernel, planned));
        assertEquals(Set.of("ovbr10220"), zebra.addressesLacking(kernel, planned));
        // an index of an interface zebra does not list changes nothing
        assertEquals(zebra, zebra.withIndexes(Map.of("ovbr99999", 1)));
    }

    @Test
    void aVniListThatIsNotJsonFailsTheReadAnInterfaceListThatIsNotJsonChecksNoSvi() {
        final var error = assertThrows(IllegalArgumentException.class, () -> ZebraView.parse("% Unknown command", "", true));
        assertTrue(error.getMessage().startsWith("zebra's VNI list is not JSON"), error.getMessage());
        final var kernel = new KernelState(Set.of("ovrf50000"), Set.of(), List.of(
            link("ovrf50000", "ovbr10210", "bridge", Map.of(), List.of("10.1.0.1/24"))), Set.of());
        assertEquals(Set.of(), ZebraView.parse("", "% Unknown command", true).devicesLacking(kernel, PLANNED));
    }

    private static ObservedLink link(final @Nullable String netns, final String name, final String kind,
            final Map<String, String> attributes, final List<String> addresses) {
        return new ObservedLink(netns, name, kind, null, "02:00:00:00:00:01", true, 1500, attributes, addresses,
            false, false, 0);
    }
}
