package io.openvni.southbound.openconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.core.render.openconfig.OpenConfigRenderer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class EditConfigXmlTest {
    @Test
    void operationSitsOnTheTargetEntryOnly() throws Exception {
        final var schema = OpenConfigSchemas.leaf();
        final var device = LeafFixtures.parsed(schema, LeafFixtures.full()).config();
        final var intent = LeafFixtures.leaf(
            List.of(LeafFixtures.routed("web", 10100, 100, 50000, "10.1.0.1/24")), List.of(LeafFixtures.vrf(50000)),
            List.of(LeafFixtures.neighbor("10.0.2.1", 65201), LeafFixtures.neighbor("10.0.2.3", 65203)));
        final var changes = LeafFixtures.diff(LeafFixtures.read(device, intent, LeafFixtures.full()),
            LeafFixtures.parsed(schema, intent)).changes();

        final var delete = changes.stream().filter(c -> c.describe().equals("delete interface Vlan200"))
            .findFirst().orElseThrow();
        final var deleteXml = EditConfigXml.of(schema, delete);
        final var marked = operations(deleteXml);
        assertEquals(List.of("interface=remove"), marked);
        assertEquals("Vlan200", ((Element) deleteXml.getElementsByTagNameNS("*", "interface").item(0))
            .getElementsByTagNameNS("*", "name").item(0).getTextContent());

        final var neighbor = changes.stream().filter(c -> c.describe().equals("replace bgp neighbor 10.0.2.3"))
            .findFirst().orElseThrow();
        final var neighborXml = EditConfigXml.of(schema, neighbor);
        assertEquals(List.of("neighbor=replace"), operations(neighborXml));
        // the merged parents: the default instance with its config, the BGP protocol with its global config
        assertTrue(neighborXml.getElementsByTagNameNS("*", "router-id").getLength() == 1);
        assertTrue(neighborXml.getElementsByTagNameNS("*", "connection-points").getLength() == 0);
        assertEquals(1, neighborXml.getElementsByTagNameNS("*", "neighbor").getLength());
        // identity values carry their module's own prefix (strict servers compare leafref'ed keys as text)
        final var names = neighborXml.getElementsByTagNameNS("*", "afi-safi-name");
        assertTrue(names.getLength() > 0);
        for (int i = 0; i < names.getLength(); i++) {
            final var name = (Element) names.item(i);
            assertEquals("oc-bgp-types:L2VPN_EVPN", name.getTextContent(), "afi-safi-name " + i);
            assertEquals("http://openconfig.net/yang/bgp-types", name.lookupNamespaceURI("oc-bgp-types"));
        }
        final var identifiers = neighborXml.getElementsByTagNameNS("*", "identifier");
        for (int i = 0; i < identifiers.getLength(); i++) {
            assertEquals("oc-pol-types:BGP", identifiers.item(i).getTextContent(), "identifier " + i);
        }
    }

    @Test
    void oneConfigCarriesEveryChangeOnceWithItsOwnOperation() throws Exception {
        final var schema = OpenConfigSchemas.leaf();
        final var device = LeafFixtures.parsed(schema, LeafFixtures.full()).config();
        // web stays, db goes (its SVI and IRB with it), a new routed network and a new neighbor come
        final var intent = LeafFixtures.leaf(
            List.of(LeafFixtures.routed("web", 10100, 100, 50000, "10.1.0.1/24"),
                LeafFixtures.routed("app", 10400, 400, 50000, "10.4.0.1/24"),
                LeafFixtures.pureL2("storage", 10300, 300)),
            List.of(LeafFixtures.vrf(50000)),
            List.of(LeafFixtures.neighbor("10.0.2.1", 65201), LeafFixtures.neighbor("10.0.2.3", 65203)));
        final var changes = LeafFixtures.diff(LeafFixtures.read(device, intent, LeafFixtures.full()),
            LeafFixtures.parsed(schema, intent)).changes();

        final var config = EditConfigXml.of(schema, changes);

        assertEquals(List.of(
                "replace connection-point ovni-vtep", "replace interface Vlan400",
                "replace network-instance ovni-l3-50000", "replace network-instance ovni-l2-10400",
                "delete network-instance ovni-l2-10200", "delete interface Vlan200", "replace bgp neighbor 10.0.2.3",
                "delete bgp neighbor 10.0.2.2"),
            changes.stream().map(OpenConfigChange::describe).toList());
        // every change's target carries its operation and nothing else does (entries in the tree's order: the
        // server checks the candidate after the whole edit); the top containers in the order of their first change
        assertEquals(List.of(
                "connection-point=replace", "interface=remove", "interface=replace", "neighbor=remove",
                "neighbor=replace", "network-instance=remove", "network-instance=replace", "network-instance=replace"),
            operations(config).stream().sorted().toList());
        assertEquals(List.of("network-instances", "interfaces"), children(config));
        // shared parents once: one of each top container, one default instance with its config, one BGP protocol
        assertEquals(1, config.getElementsByTagNameNS("*", "network-instances").getLength());
        assertEquals(1, config.getElementsByTagNameNS("*", "interfaces").getLength()
            - countUnder(config, "network-instance", "interfaces"));
        assertEquals(1, config.getElementsByTagNameNS("*", "router-id").getLength());
        assertEquals(1, config.getElementsByTagNameNS("*", "protocol").getLength());
        assertEquals(List.of("default", "ovni-l2-10200", "ovni-l2-10400", "ovni-l3-50000"),
            keysOf(config, "network-instance", "name").stream().sorted().toList());
        // the removal and the replace of related entries (an SVI and the L3 instance that named it) in one edit
        assertEquals(List.of("Vlan200", "Vlan400"), keysOf(config, "interface", "name").stream().sorted().toList());
    }

    @Test
    void unionOfEveryReplaceIsTheDesiredConfiguration() throws Exception {
        final var schema = OpenConfigSchemas.leaf();
        final var parser = new JsonConfigParser(schema, "leaf1", OpenConfigDialect.INSTANCE);
        for (var golden : LeafFixtures.goldenLeaves()) {
            final var desired = parser.parse(LeafFixtures.read(golden));
            final var owned = golden.resolveSibling(golden.getFileName().toString().replace(".json", ".owned.txt"));
            if (!java.nio.file.Files.isRegularFile(owned)) {
                continue;
            }
            final var changes = OpenConfigDiff.diff(List.of(), desired,
                OwnedEntries.of(desired, OwnedPathsText.read(owned), OpenConfigDialect.INSTANCE),
                OpenConfigDialect.INSTANCE).changes();
            for (var top : desired.tops()) {
                final var trees = changes.stream()
                    .filter(change -> change.entry().path().getPathArguments().getFirst().equals(top.name()))
                    .map(OpenConfigChange::edit).toList();
                assertEquals(top, EditTrees.union(trees), golden + ": " + top.name());
            }
        }
    }

    @Test
    void noChangesIsNoEdit() throws Exception {
        final var schema = OpenConfigSchemas.leaf();
        assertThrows(IllegalArgumentException.class, () -> EditConfigXml.of(schema, List.of()));
    }

    private static List<String> children(final Element root) {
        final var result = new ArrayList<String>();
        for (var child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                result.add(element.getLocalName());
            }
        }
        return result;
    }

    // list keys of the elements with a local name, in document order
    private static List<String> keysOf(final Element root, final String element, final String key) {
        final var result = new ArrayList<String>();
        final var all = root.getElementsByTagNameNS("*", element);
        for (int i = 0; i < all.getLength(); i++) {
            for (var child = all.item(i).getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element leaf && key.equals(leaf.getLocalName())) {
                    result.add(leaf.getTextContent());
                }
            }
        }
        return result;
    }

    // elements with a local name whose parent has another local name (interfaces inside L3 instances)
    private static int countUnder(final Element root, final String parent, final String element) {
        int count = 0;
        final var all = root.getElementsByTagNameNS("*", element);
        for (int i = 0; i < all.getLength(); i++) {
            if (parent.equals(all.item(i).getParentNode().getLocalName())) {
                count++;
            }
        }
        return count;
    }

    static List<String> operations(final Element root) {
        final var result = new ArrayList<String>();
        final var all = root.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            final var element = (Element) all.item(i);
            final var operation = element.getAttributeNS(EditConfigXml.NETCONF_BASE, "operation");
            if (!operation.isEmpty()) {
                result.add(element.getLocalName() + "=" + operation);
            }
        }
        return result;
    }
}
