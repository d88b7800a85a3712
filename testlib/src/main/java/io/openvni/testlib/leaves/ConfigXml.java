package io.openvni.testlib.leaves;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * A device configuration in XML as comparable text: one element per line, indented, whitespace-only text dropped,
 * and siblings sorted, so that two configurations with the same content compare equal whatever order a server
 * lists entries in. Namespaces are printed where they change.
 */
public final class ConfigXml {
    private ConfigXml() {
        // utility class
    }

    /**
     * The canonical text of a configuration.
     *
     * @param xml an XML element, e.g. the {@code <data>} of a get-config
     * @return one element per line; leaves as {@code name = value}
     */
    public static String canonical(final String xml) {
        try {
            final var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            final var document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
            final var out = new StringBuilder();
            for (var child : children(document.getDocumentElement())) {
                render(child, "", "", out);
            }
            return out.toString();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("not XML: " + e.getMessage(), e);
        }
    }

    private static String render(final Element element, final String parentNamespace, final String indent,
            final StringBuilder out) {
        final var namespace = element.getNamespaceURI() == null ? "" : element.getNamespaceURI();
        final var name = element.getLocalName() + (namespace.equals(parentNamespace) ? "" : " {" + namespace + "}");
        final var children = children(element);
        if (children.isEmpty()) {
            out.append(indent).append(name).append(" = ").append(element.getTextContent().strip()).append('\n');
        } else {
            out.append(indent).append(name).append('\n');
            for (var child : children) {
                render(child, namespace, indent + "  ", out);
            }
        }
        return out.toString();
    }

    /** Child elements, ordered by their own canonical text, so list entries sort by key and content. */
    private static List<Element> children(final Element element) {
        final var result = new ArrayList<Element>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                result.add(child);
            }
        }
        final var namespace = element.getNamespaceURI() == null ? "" : element.getNamespaceURI();
        result.sort(Comparator.comparing(child -> render(child, namespace, "", new StringBuilder())));
        return result;
    }
}
