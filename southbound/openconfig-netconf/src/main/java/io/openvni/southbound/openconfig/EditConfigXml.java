package io.openvni.southbound.openconfig;

import java.io.IOException;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.transform.dom.DOMResult;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedMetadata;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedMetadataWriter;
import org.opendaylight.yangtools.yang.data.codec.xml.XMLStreamNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedMetadata;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.w3c.dom.Element;

/**
 * The {@code <config>} element of an {@code edit-config} for one change: the change's edit tree in the device's
 * schema, with the NETCONF {@code operation} attribute on the target entry (RFC 6241, 7.2).
 */
final class EditConfigXml {
    /** The NETCONF base namespace, of {@code <config>} and of the {@code operation} attribute. */
    static final String NETCONF_BASE = "urn:ietf:params:xml:ns:netconf:base:1.0";
    // No revision: the attribute is not a YANG annotation, the XML writer emits it in the base namespace.
    private static final QName OPERATION = QName.create(XMLNamespace.of(NETCONF_BASE), "operation");
    private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newFactory();

    private EditConfigXml() {
        // static only
    }

    /**
     * The {@code <config>} element for a change.
     *
     * @param schema the device's schema
     * @param change the change
     * @return the element, in a document of its own
     */
    static Element of(final EffectiveModelContext schema, final OpenConfigChange change) {
        final Element config;
        try {
            final var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            final var document = factory.newDocumentBuilder().newDocument();
            config = document.createElementNS(NETCONF_BASE, "config");
            document.appendChild(config);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML document builder", e);
        }
        final var metadata = operationAt(change.entry().path(), change.operation());
        try {
            final var xml = XML_OUTPUT.createXMLStreamWriter(new DOMResult(config));
            try (var writer = NormalizedMetadataWriter.forStreamWriter(
                    XMLStreamNormalizedNodeStreamWriter.create(xml, schema))) {
                writer.write(change.edit(), metadata);
            } finally {
                xml.close();
            }
        } catch (IOException | XMLStreamException e) {
            throw new IllegalStateException("cannot write " + change.describe() + " as XML", e);
        }
        ModulePrefixes.of(schema).canonicalize(config);
        return config;
    }

    // Metadata mirrors the data tree from the written top container down: a child per path step, the operation on
    // the last one.
    private static NormalizedMetadata operationAt(final YangInstanceIdentifier path, final String operation) {
        final var args = path.getPathArguments();
        var current = ImmutableNormalizedMetadata.builder().withAnnotation(OPERATION, operation).build();
        for (int i = args.size() - 1; i > 0; i--) {
            current = ImmutableNormalizedMetadata.builder().withChild(args.get(i), current).build();
        }
        return current;
    }
}
