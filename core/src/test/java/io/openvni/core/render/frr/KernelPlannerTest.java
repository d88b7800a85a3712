package io.openvni.core.render.frr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.render.Golden;
import io.openvni.core.render.RenderFixtures;
import io.openvni.core.render.RenderFixtures.Fixture;
import io.openvni.core.render.frr.KernelDevice.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KernelPlannerTest {
    private static final long MAX_VNI = 16_777_215L;

    private final KernelPlanner planner = new KernelPlanner();

    static List<Fixture> nodes() {
        return RenderFixtures.nodes();
    }

    @ParameterizedTest
    @MethodSource("nodes")
    void plansGolden(final Fixture fixture) {
        Golden.assertText(fixture.name() + ".kernel.txt", planner.plan(fixture.intent()).text());
    }

    @ParameterizedTest
    @MethodSource("nodes")
    void createsInDependencyOrder(final Fixture fixture) {
        final var kinds = planner.plan(fixture.intent()).devices().stream().map(KernelDevice::kind).toList();
        final var sorted = kinds.stream().sorted().toList();
        // Kind's declaration order is the creation order; VRF and NETNS_VRF never mix in one plan.
        assertEquals(sorted, kinds);
    }

    @Test
    void namesFitIfnamsizForTheLargestVni() {
        for (var name : List.of(NodeNames.vrf(MAX_VNI), NodeNames.bridge(MAX_VNI), NodeNames.vxlan(MAX_VNI),
                NodeNames.bridgeVeth(MAX_VNI), NodeNames.workloadVeth(MAX_VNI))) {
            assertTrue(name.length() <= NodeNames.MAX_INTERFACE_NAME, name);
        }
        assertThrows(IllegalArgumentException.class, () -> NodeNames.bridge(MAX_VNI + 1));
    }

    @Test
    void refusesReservedRoutingTables() {
        final var base = RenderFixtures.nodes().get(0).intent();
        final var intent = new DeviceIntent(base.name(), base.role(), base.underlay(), base.platform(),
            base.anycastGatewayMac(), List.of(), List.of(RenderFixtures.vrf("x", 254, "10.0.2.1:1")), List.of());
        final var thrown = assertThrows(IllegalArgumentException.class, () -> planner.plan(intent));
        assertEquals("L3 VNI 254 would be a reserved kernel routing table id", thrown.getMessage());
    }

    @Test
    void netnsModePutsRoutedDevicesIntoTheVrfNamespace() {
        final var plan = planner.plan(RenderFixtures.nodes().get(1).intent());
        final var bridge = plan.devices().stream().filter(d -> d.name().equals("ovbr10100")).findFirst().orElseThrow();
        assertEquals(Kind.BRIDGE, bridge.kind());
        assertEquals("ovrf50000", bridge.spec().get("netns"));
        final var pureL2 = plan.devices().stream().filter(d -> d.name().equals("ovvx10300")).findFirst().orElseThrow();
        assertTrue(!pureL2.spec().containsKey("netns"), pureL2.specText());
    }
}
