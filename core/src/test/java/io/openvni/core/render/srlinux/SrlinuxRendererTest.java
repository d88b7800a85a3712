package io.openvni.core.render.srlinux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.core.render.Golden;
import io.openvni.core.render.RenderFixtures;
import io.openvni.core.render.RenderFixtures.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SrlinuxRendererTest {
    /** Where the SR Linux goldens live: apart from the OpenConfig ones, which are checked against other models. */
    static final String GOLDEN_DIR = "srlinux/";

    private final SrlinuxRenderer renderer = new SrlinuxRenderer();

    static List<Fixture> leaves() {
        return RenderFixtures.srlinuxLeaves();
    }

    @ParameterizedTest
    @MethodSource("leaves")
    void rendersGolden(final Fixture fixture) {
        Golden.assertJson(GOLDEN_DIR + fixture.name() + ".json", renderer.render(fixture.intent()));
    }

    @ParameterizedTest
    @MethodSource("leaves")
    void ownedPathsGolden(final Fixture fixture) {
        Golden.assertText(GOLDEN_DIR + fixture.name() + ".owned.txt", SrlOwnedPaths.of(fixture.intent()).text());
    }

    @ParameterizedTest
    @MethodSource("leaves")
    void inputOrderDoesNotMatter(final Fixture fixture) {
        final var intent = fixture.intent();
        final var shuffled = RenderFixtures.reversedLists(intent);
        assertEquals(renderer.render(intent), renderer.render(shuffled));
        assertEquals(SrlOwnedPaths.of(intent), SrlOwnedPaths.of(shuffled));
    }

    @Test
    void rejectsOtherDevices() {
        final var node = RenderFixtures.nodes().get(0).intent();
        assertEquals("device node1 is not an SR Linux leaf switch",
            assertThrows(IllegalArgumentException.class, () -> renderer.render(node)).getMessage());
        final var openConfigLeaf = RenderFixtures.leaves().get(0).intent();
        assertEquals("device leaf1 is not an SR Linux leaf switch",
            assertThrows(IllegalArgumentException.class, () -> renderer.render(openConfigLeaf)).getMessage());
    }

    @Test
    void refusesMoreRouteTargetsThanBgpVpnTakes() {
        final var intent = RenderFixtures.srlinuxLeaf("extra-targets", List.of("ethernet-1/1"),
            List.of(RenderFixtures.routed("web", 10100, 100, "10.0.0.11:101", 50000, List.of("10.1.0.1/24"), null)),
            List.of(RenderFixtures.vrf("main", 50000, "10.0.0.11:100"))).intent();
        final var thrown = assertThrows(IllegalArgumentException.class, () -> renderer.render(intent));
        assertEquals("VRF acme/main has 2 import route targets [65000:50000, 65000:1]; SR Linux's bgp-vpn takes one "
            + "per instance", thrown.getMessage());
    }

    @Test
    void eviIsTheRouteDistinguisherIndex() {
        final var json = renderer.render(RenderFixtures.srlinuxLeaves().get(2).intent());
        final var instances = json.get(SrlinuxRenderer.NETWORK_INSTANCE);
        assertEquals("ovni-l2-10200", instances.get(1).get("name").asText());
        assertEquals(102, instances.get(1).at("/protocols/bgp-evpn/srl_nokia-bgp-evpn:bgp-instance/0/evi").asInt());
        assertEquals("ovni-l3-50001", instances.get(4).get("name").asText());
        assertEquals(105, instances.get(4).at("/protocols/bgp-evpn/srl_nokia-bgp-evpn:bgp-instance/0/evi").asInt());
    }

    @Test
    void gatewaysAreCanonicalAnycastAddresses() {
        final var json = renderer.render(RenderFixtures.srlinuxLeaves().get(1).intent());
        final var irb = json.get(SrlinuxRenderer.INTERFACE).get(2);
        assertEquals(SrlNames.IRB_INTERFACE, irb.get("name").asText());
        final var v6 = irb.at("/subinterface/1/ipv6/address/0");
        assertEquals("2001:db8:4::1/64", v6.get("ip-prefix").asText());
        assertTrue(v6.get("anycast-gw").asBoolean());
        assertEquals(RenderFixtures.ANYCAST_MAC, irb.at("/subinterface/1/anycast-gw/anycast-gw-mac").asText());
    }

    @Test
    void pureL2LeafHasNoGatewayNorIpVrf() {
        final var json = renderer.render(RenderFixtures.srlinuxLeaves().get(0).intent());
        json.get(SrlinuxRenderer.INTERFACE)
            .forEach(iface -> assertFalse(SrlNames.IRB_INTERFACE.equals(iface.get("name").asText())));
        json.get(SrlinuxRenderer.NETWORK_INSTANCE)
            .forEach(instance -> assertEquals("srl_nokia-network-instance:mac-vrf", instance.get("type").asText()));
    }
}
