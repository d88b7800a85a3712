package io.openvni.southbound.openconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.render.openconfig.OwnedPaths;
import io.openvni.core.render.srlinux.SrlOwnedPaths;
import io.openvni.core.render.srlinux.SrlinuxRenderer;
import io.openvni.southbound.spi.Change;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * The leaf driver's engine with the SR Linux dialect, in SR Linux 25.3's own schema (the set the simulated SR Linux
 * leaves load): top-level lists, entries owned by entry inside interfaces the operator has too.
 */
class SrlinuxLeafTest {
    private static final LeafDialect SRL = SrlinuxDialect.INSTANCE;
    private static final Pattern NESTED = Pattern.compile("\\[name='([^']+)'\\]/([\\w-]+)\\[index='(\\d+)'\\]$");

    private static EffectiveModelContext schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        schema = OpenConfigSchemas.srlinux();
    }

    @Test
    void everySrlinuxGoldenParsesAndItsOwnedEntriesAreItsOwnedPaths() throws Exception {
        final List<Path> goldens;
        try (Stream<Path> files = Files.list(LeafFixtures.GOLDEN.resolve("srlinux"))) {
            goldens = files.filter(file -> file.toString().endsWith(".owned.txt")).sorted().toList();
        }
        assertFalse(goldens.isEmpty());
        for (var ownedTxt : goldens) {
            final var json = LeafFixtures.read(ownedTxt.resolveSibling(ownedTxt.getFileName().toString()
                .replace(".owned.txt", ".json")));
            final var config = new JsonConfigParser(schema, "leaf2", SRL).parse(json);
            final var owned = OwnedEntries.of(config, OwnedPathsText.read(ownedTxt), SRL);
            final var expected = new TreeSet<String>();
            for (var line : Files.readAllLines(ownedTxt)) {
                final var nested = NESTED.matcher(line);
                if (line.startsWith("entry ") && nested.find()) {
                    expected.add(nested.group(2) + " " + nested.group(1) + "." + nested.group(3));
                }
            }
            final var instances = json.path(SrlinuxRenderer.NETWORK_INSTANCE);
            instances.forEach(instance -> expected.add("network-instance " + instance.path("name").asText()));
            assertEquals(expected, new TreeSet<>(owned.stream().map(OwnedEntry::describe).toList()),
                ownedTxt.toString());
        }
    }

    @Test
    void aTenantOnAnEmptyLeafIsOneEditInDependencyOrderWhoseUnionIsTheRendering() throws Exception {
        final var desired = parsed(tenant());
        final var changes = OpenConfigDiff.diff(List.of(), desired.config(), desired.entries(), SRL).changes();
        assertEquals(List.of(
                "replace subinterface ethernet-1/1.100", "replace subinterface ethernet-1/1.300",
                "replace subinterface irb0.100", "replace subinterface lag1.100", "replace subinterface lag1.300",
                "replace vxlan-interface vxlan1.10100", "replace vxlan-interface vxlan1.10300",
                "replace vxlan-interface vxlan1.50000",
                "replace network-instance ovni-l3-50000",
                "replace network-instance ovni-l2-10100", "replace network-instance ovni-l2-10300"),
            describe(changes));
        for (var top : desired.config().tops()) {
            assertEquals(top, EditTrees.union(changes.stream()
                .filter(change -> change.entry().path().getPathArguments().getFirst().equals(top.name()))
                .map(OpenConfigChange::edit).toList()), top.name().toString());
        }
        // one config with each change's operation on its entry and nowhere else
        final var operations = EditConfigXmlTest.operations(EditConfigXml.of(schema, changes));
        assertEquals(changes.stream().map(change -> change.entry().path().getLastPathArgument().getNodeType()
            .getLocalName() + "=replace").sorted().toList(), operations.stream().sorted().toList());
    }

    @Test
    void changesAndDeletionTouchOnlyOpenVnisEntriesBesideTheOperatorsOwn() throws Exception {
        final var json = SrlinuxDialect.INSTANCE.render(tenant());
        // the operator's own subinterface on an access interface, and a network instance of its own
        final var ethernet = (ObjectNode) json.get(SrlinuxRenderer.INTERFACE).get(0);
        ((ArrayNode) ethernet.get("subinterface")).addObject().put("index", 5)
            .put("type", "srl_nokia-interfaces:bridged").put("description", "the operator's");
        ((ArrayNode) json.get(SrlinuxRenderer.NETWORK_INSTANCE)).addObject().put("name", "customer-x")
            .put("type", "srl_nokia-network-instance:ip-vrf");
        final var device = new JsonConfigParser(schema, "leaf2", SRL).parse(json);
        assertEquals(List.of(), describe(diff(device, tenant(), tenant())));

        // storage (VNI 10300) changes its VLAN: its subinterfaces go, new ones come, its instance changes
        final var changed = LeafFixtures.srlinux(List.of(
                LeafFixtures.routed("web", 10100, 100, 50000, "10.1.0.1/24"),
                LeafFixtures.pureL2("storage", 10300, 301)),
            List.of(LeafFixtures.vrf(50000)));
        assertEquals(List.of(
                "replace subinterface ethernet-1/1.301", "replace subinterface lag1.301",
                "replace network-instance ovni-l2-10300",
                "delete subinterface ethernet-1/1.300", "delete subinterface lag1.300"),
            describe(diff(device, changed, tenant())));

        final var none = LeafFixtures.srlinux(List.of(), List.of());
        final var removal = describe(diff(device, none, tenant()));
        assertEquals(11, removal.size(), removal.toString());
        for (var change : removal) {
            assertTrue(change.startsWith("delete "), change);
            assertFalse(change.contains("ethernet-1/1.5") || change.contains("customer-x"), change);
        }
    }

    /** Web routed in VRF 50000, storage pure L2. */
    private static DeviceIntent tenant() {
        return LeafFixtures.srlinux(List.of(
                LeafFixtures.routed("web", 10100, 100, 50000, "10.1.0.1/24"),
                LeafFixtures.pureL2("storage", 10300, 300)),
            List.of(LeafFixtures.vrf(50000)));
    }

    private static Renderings.Rendering parsed(final DeviceIntent intent) throws UnsupportedSchemaException {
        return new Renderings(SRL).parse(schema, intent);
    }

    // The device's owned entries as a read finds them (OpenVNI owning what the intents name), diffed.
    private static List<OpenConfigChange> diff(final LeafConfig device, final DeviceIntent desired,
            final DeviceIntent last) throws UnsupportedSchemaException {
        final var rendering = parsed(desired);
        final var current = OwnedEntries.of(device,
            OwnedPaths.union(List.of(SrlOwnedPaths.of(desired), SrlOwnedPaths.of(last))), SRL);
        return OpenConfigDiff.diff(current, rendering.config(), rendering.entries(), SRL).changes();
    }

    private static List<String> describe(final List<? extends Change> changes) {
        return changes.stream().map(Change::describe).toList();
    }
}
