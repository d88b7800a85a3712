package io.openvni.southbound.openconfig;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.transform.dom.DOMResult;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedMetadata;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedMetadataWriter;
import org.opendaylight.yangtools.yang.data.codec.xml.XMLStreamNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedMetadata;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.w3c.dom.Element;

/**
 * The {@code <config>} element of one {@code edit-config} carrying any number of changes: the union of their edit
 * trees in the device's schema (shared parents once, merged), with the NETCONF {@code operation} attribute on each
 * change's target entry (RFC 6241, 7.2) and nowhere else.
 *
 * <p>The order of the changes (dependency order, see {@link OpenConfigDiff}) survives only between top containers
 * (each top-level node comes where its first change is): inside them, entries come in the order of the trees' unordered lists. It
 * needs no more: a server checks references against the candidate as a whole, after the entire edit (RFC 7950,
 * 8.3.3, requires it at the commit; yuma123 netconfd also checks after each edit-config, and takes one edit that
 * adds an SVI and the L3 instance naming it, or removes an SVI and drops it from its L3 instance, in either document
 * order, while it refuses either half alone). So one edit holding every change of a pass is valid whenever the
 * changes sent one by one in dependency order were.
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
     * The {@code <config>} element for one change.
     *
     * @param schema the device's schema
     * @param change the change
     * @return the element, in a document of its own
     */
    static Element of(final EffectiveModelContext schema, final OpenConfigChange change) {
        return of(schema, List.of(change));
    }

    /**
     * The {@code <config>} element for several changes.
     *
     * @param schema the device's schema
     * @param changes the changes, in the order to send them; at most one per entry
     * @return the element, in a document of its own
     * @throws IllegalArgumentException if there are no changes, or two of them disagree on a shared parent
     */
    static Element of(final EffectiveModelContext schema, final List<OpenConfigChange> changes) {
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("no changes to write");
        }
        final var byTop = new LinkedHashMap<PathArgument, List<OpenConfigChange>>();
        for (var change : changes) {
            byTop.computeIfAbsent(change.entry().path().getPathArguments().getFirst(), top -> new ArrayList<>())
                .add(change);
        }
        final Element config = newConfigElement();
        for (var top : byTop.values()) {
            final DataContainerChild tree = EditTrees.union(top.stream().map(OpenConfigChange::edit).toList());
            write(schema, config, tree, operations(top), top);
        }
        ModulePrefixes.of(schema).canonicalize(config);
        return config;
    }

    private static void write(final EffectiveModelContext schema, final Element config, final DataContainerChild tree,
            final NormalizedMetadata metadata, final List<OpenConfigChange> changes) {
        try {
            final var xml = XML_OUTPUT.createXMLStreamWriter(new DOMResult(config));
            try (var writer = NormalizedMetadataWriter.forStreamWriter(
                    XMLStreamNormalizedNodeStreamWriter.create(xml, schema))) {
                writer.write(tree, metadata);
            } finally {
                xml.close();
            }
        } catch (IOException | XMLStreamException e) {
            throw new IllegalStateException("cannot write " + changes.size() + " change(s) as XML, the first "
                + changes.getFirst().describe(), e);
        }
    }

    private static Element newConfigElement() {
        try {
            final var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            final var document = factory.newDocumentBuilder().newDocument();
            final var config = document.createElementNS(NETCONF_BASE, "config");
            document.appendChild(config);
            return config;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML document builder", e);
        }
    }

    // Metadata mirrors the data tree from the written top-level node down: a child per path step, each change's
    // operation on its last one.
    private static NormalizedMetadata operations(final List<OpenConfigChange> changes) {
        final var root = new Step();
        for (var change : changes) {
            final var args = change.entry().path().getPathArguments();
            var step = root;
            for (int i = 1; i < args.size(); i++) {
                step = step.children.computeIfAbsent(args.get(i), arg -> new Step());
            }
            step.operation = change.operation();
        }
        return root.build();
    }

    /** One node of the metadata tree while it is collected. */
    private static final class Step {
        final Map<PathArgument, Step> children = new LinkedHashMap<>();
        @Nullable String operation;

        ImmutableNormalizedMetadata build() {
            final var builder = ImmutableNormalizedMetadata.builder();
            if (operation != null) {
                builder.withAnnotation(OPERATION, operation);
            }
            children.forEach((arg, child) -> builder.withChild(arg, child.build()));
            return builder.build();
        }
    }
}
