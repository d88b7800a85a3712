package io.openvni.core.render.openconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.openvni.core.render.Golden;
import io.openvni.core.render.RenderFixtures;
import io.openvni.core.render.RenderFixtures.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OpenConfigRendererTest {
    private final OpenConfigRenderer renderer = new OpenConfigRenderer();

    static List<Fixture> leaves() {
        return RenderFixtures.leaves();
    }

    @ParameterizedTest
    @MethodSource("leaves")
    void rendersGolden(final Fixture fixture) {
        Golden.assertJson(fixture.name() + ".json", renderer.render(fixture.intent()));
    }

    @ParameterizedTest
    @MethodSource("leaves")
    void ownedPathsGolden(final Fixture fixture) {
        Golden.assertText(fixture.name() + ".owned.txt", OwnedPaths.of(fixture.intent()).text());
    }

    @ParameterizedTest
    @MethodSource("leaves")
    void inputOrderDoesNotMatter(final Fixture fixture) {
        final var intent = fixture.intent();
        final var shuffled = RenderFixtures.reversedLists(intent);
        assertEquals(renderer.render(intent), renderer.render(shuffled));
        assertEquals(OwnedPaths.of(intent), OwnedPaths.of(shuffled));
    }

    @Test
    void rejectsNodeRouters() {
        final var node = RenderFixtures.nodes().get(0).intent();
        final var thrown = assertThrows(IllegalArgumentException.class, () -> renderer.render(node));
        assertEquals("device node1 is not an OpenConfig leaf switch", thrown.getMessage());
    }

    @Test
    void ipv6GatewaysAreCanonical() {
        final var json = renderer.render(RenderFixtures.leaves().get(2).intent());
        final var address = json.at("/openconfig-interfaces:interfaces/interface/0/openconfig-vlan:routed-vlan"
            + "/openconfig-if-ip:ipv6/addresses/address/0");
        assertEquals("2001:db8:4::1", address.get("ip").asText());
        assertEquals(64, address.at("/config/prefix-length").asInt());
    }

    @Test
    void pureL2SegmentHasNoSviNorAnycastMac() {
        final var json = renderer.render(RenderFixtures.leaves().get(1).intent());
        assertFalse(json.has(OpenConfigRenderer.INTERFACES));
        assertFalse(json.at("/" + OpenConfigRenderer.NETWORK_INSTANCES.replace("/", "~1")
            + "/network-instance/1/fdb/config").isObject());
    }
}
