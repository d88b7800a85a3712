package io.openvni.southbound.frr.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openvni.core.render.frr.FrrConfig;
import io.openvni.core.render.frr.FrrRenderer;
import io.openvni.southbound.frr.NodeIntents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The desired configuration of a node whose ASN is the route-target ASN, put the way FRR 8.4 keeps it; the real
 * FRR behaviour behind it is checked by {@code FrrNodeIbgpTest}. Goldens in {@code src/test/resources/golden},
 * rewritten from the actual output with {@code -Dgolden.update=true}.
 */
class AutomaticRouteTargetsTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final FrrConfig NOTHING = new FrrConfig(List.of());

    private final FrrRenderer renderer = new FrrRenderer();

    @Test
    void routeTargetsEqualToBgpdsOwnAreLeftOutAsInItsRunningConfig() throws IOException {
        assertGolden("node-ibgp.owned.frr", OwnedFrr.rendered(renderer.render(NodeIntents.ibgp())).text());
    }

    @Test
    void aNodeInAnotherAsnKeepsEveryRouteTarget() {
        final var config = renderer.render(NodeIntents.netnsVrf());
        assertEquals(FrrConfig.read(config.text()), OwnedFrr.rendered(config));
    }

    @Test
    void theAutomaticTargetBesideOthersIsWrittenAfterThem() throws IOException {
        // written first it would change nothing, and the next target would then replace it
        assertGolden("node-ibgp-extra-targets.vtysh",
            String.join("\n", VtyshDiff.diff(NOTHING, OwnedFrr.rendered(renderer.render(NodeIntents.ibgpWithExtraTargets())))) + "\n");
    }

    @Test
    void anExplicitCopyOfTheAutomaticTargetIsRemovedWhichChangesNothingInEffect() {
        // what FRR shows after a VRF's targets were written before its L3 VNI was up (bgpd derived none yet)
        final var running = OwnedFrr.fromRunning(String.join("\n", "router bgp 65000 vrf ovrf50000", " !",
            " address-family ipv4 unicast", "  redistribute connected", " exit-address-family", " !",
            " address-family l2vpn evpn", "  advertise ipv4 unicast", "  rd 10.0.2.1:10100",
            "  route-target import 65000:1", "  route-target import 65000:50000", "  route-target export 65000:50000",
            " exit-address-family", "exit"), new OwnedScope(Set.of(), Set.of(), Set.of()));
        final var desired = OwnedFrr.rendered(renderer.render(NodeIntents.ibgp()));
        final var vrfOnly = new FrrConfig(desired.stanzas().stream()
            .filter(stanza -> stanza.header().equals("router bgp 65000 vrf ovrf50000")).toList());
        assertEquals(List.of("router bgp 65000 vrf ovrf50000", " address-family l2vpn evpn",
            "  no route-target export 65000:50000", " exit-address-family", "exit"), VtyshDiff.diff(running, vrfOnly));
    }

    @Test
    void aFourByteAsnDerivesFromItsLowSixteenBits() {
        // FRR 8.4.4, router bgp 4259905000 vrf ...: the L3 VNI 70000 imports and exports 65000:70000
        assertEquals("65000:70000", AutomaticRouteTargets.automatic(4_259_905_000L, 70000));
        assertEquals("65000:10100", AutomaticRouteTargets.automatic(65000, 10100));
    }

    private static void assertGolden(final String name, final String actual) throws IOException {
        final var file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, actual);
        }
        assertEquals(Files.readString(file), actual, name);
    }
}
