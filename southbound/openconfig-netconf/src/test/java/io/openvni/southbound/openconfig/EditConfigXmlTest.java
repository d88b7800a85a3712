package io.openvni.southbound.openconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        final var parser = new JsonConfigParser(schema, "leaf1");
        final var renderer = new OpenConfigRenderer();
        final var device = parser.parse(renderer.render(LeafFixtures.full()));
        final var desired = parser.parse(renderer.render(LeafFixtures.leaf(
            List.of(LeafFixtures.routed("web", 10100, 100, 50000, "10.1.0.1/24")), List.of(LeafFixtures.vrf(50000)),
            List.of(LeafFixtures.neighbor("10.0.2.1", 65201), LeafFixtures.neighbor("10.0.2.3", 65203)))));
        final var changes = OpenConfigDiff.diff(
            OwnedEntries.of(device, OwnedEntries.namedIn(List.of(desired, device))), desired).changes();

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

    private static List<String> operations(final Element root) {
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
