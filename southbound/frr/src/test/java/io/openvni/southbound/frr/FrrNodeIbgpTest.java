package io.openvni.southbound.frr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvni.core.render.frr.FrrConfig;
import io.openvni.core.render.frr.FrrRenderer;
import io.openvni.core.render.frr.FrrStanza;
import io.openvni.southbound.frr.config.OwnedFrr;
import io.openvni.southbound.frr.config.OwnedScope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A node whose ASN is the route-target ASN (iBGP fabric), on a real FRR 8.4: every route target ASN:VNI OpenVNI
 * renders is also the one bgpd derives itself, which bgpd then leaves out of its running configuration. The apply's
 * read-back must find nothing left to do, and changes must still go through. Skipped where FRR is not installed or
 * the tests do not run as root.
 */
@Timeout(90)
class FrrNodeIbgpTest extends RealNodeTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path GOLDEN = Path.of("src/test/resources/golden/node-ibgp.owned.frr");

    @Test
    void applyConvergesAndRunsTheAutomaticTargets() throws Exception {
        final var intent = NodeIntents.ibgp();
        // DriverPasses requires the apply to succeed, and the apply fails when its read-back finds work left
        DriverPasses.sync(driver, node, intent, null);
        assertEquals(List.of(), DriverPasses.diff(driver, intent, intent).changes());

        // the running configuration is the golden of AutomaticRouteTargetsTest: no line for an automatic target
        final var scope = OwnedScope.of(List.of(new FrrRenderer().render(intent)), List.of());
        assertEquals(sorted(OwnedFrr.fromRunning(Files.readString(GOLDEN), scope)),
            sorted(OwnedFrr.fromRunning(node.runningConfig(), scope)));
        // and bgpd runs exactly the targets of the intent
        assertTargets(10100, List.of("65000:10100"), List.of("65000:10100"));
        assertTargets(10300, List.of("65000:10300"), List.of("65000:10300"));
        assertTargets(50000, List.of("65000:1", "65000:50000"), List.of("65000:50000"));
    }

    @Test
    void extraTargetsComeAndGoBesideTheAutomaticOnes() throws Exception {
        final var intent = NodeIntents.ibgp();
        DriverPasses.sync(driver, node, intent, null);

        // an extra target of the same direction: written before the automatic one, which would otherwise be dropped
        final var extra = NodeIntents.ibgpWithExtraTargets();
        DriverPasses.sync(driver, node, extra, intent);
        assertEquals(List.of(), DriverPasses.diff(driver, extra, intent).changes());
        assertTargets(10300, List.of("65000:10300", "65000:99"), List.of("65000:10300"));
        assertTargets(50000, List.of("65000:1", "65000:50000"), List.of("65000:50000", "65000:7"));

        // back: the explicit copies of the automatic targets go too, and bgpd derives them again
        DriverPasses.sync(driver, node, intent, extra);
        assertEquals(List.of(), DriverPasses.diff(driver, intent, extra).changes());
        assertTargets(10300, List.of("65000:10300"), List.of("65000:10300"));
        assertTargets(50000, List.of("65000:1", "65000:50000"), List.of("65000:50000"));
        final String running = node.runningConfig();
        assertFalse(running.contains("route-target import 65000:10300") || running.contains("65000:99")
            || running.contains("route-target export"), running);

        // a network and then the VRF go away
        final var withoutL2 = NodeIntents.withSegments(intent,
            segments -> segments.stream().filter(s -> s.vni() != 10300).toList());
        DriverPasses.sync(driver, node, withoutL2, intent);
        assertFalse(node.runningConfig().contains("vni 10300"));
        final var empty = NodeIntents.withVrfs(NodeIntents.withSegments(withoutL2, segments -> List.of()), List.of());
        DriverPasses.sync(driver, node, empty, withoutL2);
        final String after = node.runningConfig();
        assertTrue(!after.contains("vni 10100") && !after.contains("ovrf50000"), after);
        assertEquals(List.of(), DriverPasses.diff(driver, empty, withoutL2).changes());
    }

    private void assertTargets(final long vni, final List<String> imports, final List<String> exports)
            throws Exception {
        final JsonNode json = MAPPER.readTree(node.vtysh("show bgp l2vpn evpn vni " + vni + " json"));
        assertEquals(imports, texts(json.path("importRts")), () -> "import targets of " + vni + ": " + json);
        assertEquals(exports, texts(json.path("exportRts")), () -> "export targets of " + vni + ": " + json);
    }

    private static List<String> texts(final JsonNode array) {
        final var texts = new ArrayList<String>();
        array.forEach(node -> texts.add(node.asText()));
        return texts.stream().sorted().toList();
    }

    // bgpd lists its VRF instances in an order of its own
    private static String sorted(final FrrConfig owned) {
        return new FrrConfig(owned.stanzas().stream().sorted(Comparator.comparing(FrrStanza::header)).toList()).text();
    }
}
