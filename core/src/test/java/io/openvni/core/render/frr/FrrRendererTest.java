package io.openvni.core.render.frr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.core.compile.BgpNeighbor;
import io.openvni.core.compile.BgpNeighbor.AddressFamily;
import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.compile.EvpnVrf;
import io.openvni.core.render.Golden;
import io.openvni.core.render.RenderFixtures;
import io.openvni.core.render.RenderFixtures.Fixture;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FrrRendererTest {
    private final FrrRenderer renderer = new FrrRenderer();

    static List<Fixture> nodes() {
        return RenderFixtures.nodes();
    }

    @ParameterizedTest
    @MethodSource("nodes")
    void rendersGolden(final Fixture fixture) {
        Golden.assertText(fixture.name() + ".frr", renderer.render(fixture.intent()).text());
    }

    @Test
    void neighborsInFrrOrder() {
        final var intent = withNeighbors(List.of(
            new BgpNeighbor("2001:db8::2", 65002, "v6", Set.of(AddressFamily.L2VPN_EVPN)),
            new BgpNeighbor("10.0.0.10", 65001, "ten", Set.of(AddressFamily.L2VPN_EVPN)),
            new BgpNeighbor("10.0.0.9", 65001, "nine", Set.of(AddressFamily.L2VPN_EVPN))));
        final var bgp = (FrrStanza.RouterBgp) renderer.render(intent).stanzas().get(1);
        assertEquals(List.of("10.0.0.9", "10.0.0.10", "2001:db8::2"),
            bgp.neighbors().stream().map(FrrStanza.Neighbor::address).toList());
    }

    @Test
    void routeTargetsSortedAsTextWithoutDuplicates() {
        final var base = RenderFixtures.nodes().get(0).intent();
        final var vrf = new EvpnVrf("acme", "main", 50000, "10.0.2.1:100",
            List.of("65000:50000", "65000:1", "4200000000:7", "1.2.3.4:5", "65000:1"), List.of("65000:50000"));
        final var intent = new DeviceIntent(base.name(), base.role(), base.underlay(), base.platform(),
            base.anycastGatewayMac(), List.of(), List.of(vrf), List.of());
        final var vrfBgp = (FrrStanza.RouterBgpVrf) renderer.render(intent).stanzas().get(3);
        assertEquals(List.of("1.2.3.4:5", "4200000000:7", "65000:1", "65000:50000"), vrfBgp.importRouteTargets());
    }

    @Test
    void ownsOnlyItsStanzas() {
        assertTrue(FrrConfig.isOwned("vrf ovrf50000"));
        assertTrue(FrrConfig.isOwned("router bgp 65201"));
        assertTrue(FrrConfig.isOwned("router bgp 65201 vrf ovrf50000"));
        assertTrue(FrrConfig.isOwned("evpn mh startup-delay 0"));
        assertFalse(FrrConfig.isOwned("vrf mgmt"));
        assertFalse(FrrConfig.isOwned("router bgp 65201 vrf mgmt"));
        assertFalse(FrrConfig.isOwned("interface lo"));
        for (var fixture : RenderFixtures.nodes()) {
            renderer.render(fixture.intent()).stanzas()
                .forEach(stanza -> assertTrue(FrrConfig.isOwned(stanza.header()), stanza.header()));
        }
    }

    @Test
    void rejectsLeafSwitches() {
        final var leaf = RenderFixtures.leaves().get(0).intent();
        final var thrown = assertThrows(IllegalArgumentException.class, () -> renderer.render(leaf));
        assertEquals("device leaf1 is not a node router", thrown.getMessage());
    }

    private static DeviceIntent withNeighbors(final List<BgpNeighbor> neighbors) {
        final var base = RenderFixtures.nodes().get(2).intent();
        return new DeviceIntent(base.name(), base.role(), base.underlay(), base.platform(),
            base.anycastGatewayMac(), base.segments(), base.vrfs(), neighbors);
    }
}
