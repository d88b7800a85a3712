package io.openvni.southbound.openconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.render.openconfig.OpenConfigRenderer;
import io.openvni.southbound.spi.Change;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

class OpenConfigDiffTest {
    private static final Pattern LAST_KEY = Pattern.compile("\\[[\\w-]+='([^']+)'\\]$");

    private static EffectiveModelContext schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        schema = OpenConfigSchemas.leaf();
    }

    @Test
    void everyGoldenLeafRenderingConvertsAndItsOwnedEntriesMatchOwnedPaths() throws Exception {
        for (Path golden : LeafFixtures.goldenLeaves()) {
            final var config = parse(LeafFixtures.read(golden));
            assertEquals("network-instances", config.tops().getFirst().name().getNodeType().getLocalName(),
                golden + ": network-instances");
            final Path ownedTxt = golden.resolveSibling(golden.getFileName().toString()
                .replace(".json", ".owned.txt"));
            if (Files.isRegularFile(ownedTxt)) {
                final var owned = OwnedEntries.of(config, OwnedPathsText.read(ownedTxt), OpenConfigDialect.INSTANCE);
                // OwnedPaths lists SVIs, neighbors and the VTEP entry by key; instances go by prefix.
                final var expected = new TreeSet<String>();
                for (String line : Files.readAllLines(ownedTxt)) {
                    final var matcher = LAST_KEY.matcher(line);
                    if (line.startsWith("entry ") && matcher.find()) {
                        expected.add(matcher.group(1));
                    }
                }
                final var actual = owned.stream()
                    .filter(entry -> !entry.kind().equals("network-instance"))
                    .map(OwnedEntry::name).collect(Collectors.toCollection(TreeSet::new));
                assertEquals(expected, actual, golden.toString());
                assertTrue(owned.stream().anyMatch(entry -> entry.kind().equals("connection-point")),
                    golden + ": the VTEP");
                assertTrue(owned.stream().anyMatch(entry -> entry.kind().equals("network-instance")),
                    golden + ": the instances");
            }
        }
    }

    @Test
    void inSyncDeviceGivesNoChanges() throws Exception {
        final var desired = render(LeafFixtures.full());
        final var device = render(LeafFixtures.full()).config();
        assertEquals(List.of(), describe(diff(device, desired, LeafFixtures.full())));
    }

    @Test
    void keyedListAndLeafListOrderOnTheDeviceIsNoChange() throws Exception {
        final var json = new OpenConfigRenderer().render(LeafFixtures.full());
        reverseArrays(json);
        final var device = parse(json);
        final var desired = render(LeafFixtures.full());
        assertNotEquals(new OpenConfigRenderer().render(LeafFixtures.full()), json, "the arrays must be reversed");
        assertEquals(List.of(), describe(diff(device, desired, LeafFixtures.full())));
    }

    @Test
    void changedNetworkReplacesOnlyItsInstance() throws Exception {
        final var device = render(LeafFixtures.full()).config();
        final var changed = LeafFixtures.leaf(List.of(
                LeafFixtures.routed("web", 10100, 100, 50000, "10.1.0.1/24"),
                LeafFixtures.routed("db", 10200, 200, 50000, "10.2.0.1/24"),
                LeafFixtures.pureL2("storage-renamed", 10300, 300)),
            List.of(LeafFixtures.vrf(50000)),
            List.of(LeafFixtures.neighbor("10.0.2.1", 65201), LeafFixtures.neighbor("10.0.2.2", 65202)));
        final var desired = render(changed);
        assertEquals(List.of("replace network-instance ovni-l2-10300"), describe(diff(device, desired, changed)));
    }

    @Test
    void droppedSviAndNeighborKnownFromLastAppliedAreDeleted() throws Exception {
        final var device = render(LeafFixtures.full()).config();
        final var smaller = LeafFixtures.leaf(List.of(
                LeafFixtures.routed("web", 10100, 100, 50000, "10.1.0.1/24"),
                LeafFixtures.pureL2("storage", 10300, 300)),
            List.of(LeafFixtures.vrf(50000)), List.of(LeafFixtures.neighbor("10.0.2.1", 65201)));
        final var desired = render(smaller);

        final var current = LeafFixtures.read(device, smaller, LeafFixtures.full());
        // in dependency order: what is referred to is written first and removed last
        assertEquals(List.of(
                // the VTEP loses VNI 10200, the VRF loses its IRB interface Vlan200
                "replace connection-point ovni-vtep",
                "replace network-instance ovni-l3-50000",
                "delete network-instance ovni-l2-10200",
                "delete interface Vlan200",
                "delete bgp neighbor 10.0.2.2"),
            describe(LeafFixtures.diff(current, desired).changes()));

        // Without the last applied intent the SVI and the neighbor are not known to be OpenVNI's: left alone.
        final var changes = describe(diff(device, desired, smaller));
        assertFalse(changes.contains("delete interface Vlan200"), changes.toString());
        assertFalse(changes.contains("delete bgp neighbor 10.0.2.2"), changes.toString());
        assertTrue(changes.contains("delete network-instance ovni-l2-10200"), changes.toString());
    }

    @Test
    void foreignEntriesOnTheDeviceAreNeverInTheChangeSet() throws Exception {
        final var json = new OpenConfigRenderer().render(LeafFixtures.full());
        LeafFixtures.addForeignEntries(json);
        final var device = parse(json);
        final var desired = render(LeafFixtures.full());
        assertEquals(List.of(), describe(diff(device, desired, LeafFixtures.full())));

        // Emptying the intent removes only what is OpenVNI's.
        final var none = LeafFixtures.leaf(List.of(), List.of(), List.of());
        final var current = LeafFixtures.read(device, none, LeafFixtures.full());
        final var changes = describe(LeafFixtures.diff(current, render(none)).changes());
        assertFalse(changes.isEmpty());
        for (String change : changes) {
            for (String foreign : List.of("customer-x", "Ethernet1", "Vlan999", "192.0.2.1")) {
                assertFalse(change.contains(foreign), change);
            }
        }
        assertTrue(changes.contains("delete network-instance ovni-l2-10100"), changes.toString());
    }

    @Test
    void diffIsDeterministic() throws Exception {
        final var device = render(LeafFixtures.leaf(List.of(), List.of(), List.of())).config();
        final var first = LeafFixtures.diff(LeafFixtures.read(device, LeafFixtures.full()),
            render(LeafFixtures.full()));
        final var second = LeafFixtures.diff(LeafFixtures.read(device, LeafFixtures.full()),
            render(LeafFixtures.full()));
        assertEquals(describe(first.changes()), describe(second.changes()));
        assertEquals(first, second);
    }

    @Test
    void replacingANeighborMergesItsParentsButNotOtherOwnedEntries() throws Exception {
        final var device = render(LeafFixtures.leaf(List.of(), List.of(), List.of())).config();
        final var desired = render(LeafFixtures.full());
        final var neighbor = diff(device, desired, LeafFixtures.full()).stream()
            .filter(change -> change.describe().equals("replace bgp neighbor 10.0.2.1")).findFirst().orElseThrow();
        final String edit = neighbor.edit().prettyTree().toString();
        assertTrue(edit.contains("DEFAULT_INSTANCE"), edit);
        assertTrue(edit.contains("router-id"), edit);
        assertTrue(edit.contains("10.0.2.1"), edit);
        assertFalse(edit.contains("10.0.2.2"), edit);
        assertFalse(edit.contains("connection-point"), edit);
        assertFalse(edit.contains("ovni-l2"), edit);
    }

    @Test
    void missingModuleIsNamed() throws Exception {
        // openconfig-if-ip of this set imports openconfig-network-instance, so the smaller device has no IP.
        final var interfacesOnly = OpenConfigSchemas.parse(List.of("openconfig-interfaces"));
        final var parser = new JsonConfigParser(interfacesOnly, "leaf1", OpenConfigDialect.INSTANCE);
        final var json = new OpenConfigRenderer().render(LeafFixtures.full());
        final var ex = assertThrows(UnsupportedSchemaException.class, () -> parser.parse(json));
        assertTrue(ex.getMessage().startsWith("device leaf1 does not support "), ex.getMessage());
        assertTrue(ex.getMessage().contains("openconfig-network-instance"), ex.getMessage());
    }

    private static Renderings.Rendering render(final DeviceIntent intent) throws UnsupportedSchemaException {
        return LeafFixtures.parsed(schema, intent);
    }

    private static LeafConfig parse(final ObjectNode json) throws UnsupportedSchemaException {
        return new JsonConfigParser(schema, "leaf1", OpenConfigDialect.INSTANCE).parse(json);
    }

    // The changes a device needs whose owned entries are what the desired intent names.
    private static List<OpenConfigChange> diff(final LeafConfig device, final Renderings.Rendering desired,
            final DeviceIntent intent) {
        return LeafFixtures.diff(LeafFixtures.read(device, intent), desired).changes();
    }

    private static List<String> describe(final List<? extends Change> changes) {
        return changes.stream().map(Change::describe).toList();
    }

    private static void reverseArrays(final JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (var field : new ArrayList<>(object.properties())) {
                if (field.getValue() instanceof ArrayNode array && array.size() > 1) {
                    final var reversed = new ArrayList<JsonNode>();
                    array.forEach(reversed::addFirst);
                    array.removeAll();
                    reversed.forEach(array::add);
                }
                reverseArrays(field.getValue());
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(OpenConfigDiffTest::reverseArrays);
        }
    }
}
