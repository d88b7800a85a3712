package io.openvni.southbound.openconfig;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * Rewrites identity values ({@code prefix:NAME}) in an edit so their prefix is the defining module's own. XML lets
 * any prefix stand for a namespace, but some strict servers (yuma123 netconfd among them) compare leafref'ed
 * identity keys as text, so {@code oc-bgp-types:L2VPN_EVPN} and {@code x:L2VPN_EVPN} differ there and the edit
 * is refused with data-missing. Using the module's prefix matches what such servers store.
 */
final class ModulePrefixes {
    // an XML name prefix: starts with a letter or underscore, so addresses, RDs and MACs never match
    private static final Pattern QUALIFIED = Pattern.compile("([A-Za-z_][\\w.-]*):([A-Za-z_][\\w.-]*)");

    // one per device schema, which ODL shares between devices with the same modules; edits are a hot path
    private static final Map<EffectiveModelContext, ModulePrefixes> BY_SCHEMA =
        Collections.synchronizedMap(new WeakHashMap<>());

    private final Map<String, String> prefixByNamespace = new HashMap<>();

    private ModulePrefixes(final EffectiveModelContext schema) {
        schema.getModules().forEach(module -> prefixByNamespace.putIfAbsent(module.getNamespace().toString(),
            module.getPrefix()));
    }

    /**
     * The prefixes of a schema's modules.
     *
     * @param schema the device's schema
     * @return its prefixes, computed once per schema
     */
    static ModulePrefixes of(final EffectiveModelContext schema) {
        return BY_SCHEMA.computeIfAbsent(schema, ModulePrefixes::new);
    }

    /**
     * Rewrites, in place, every element whose whole text is a qualified name bound to a known module's namespace.
     *
     * @param root the edit's root element
     */
    void canonicalize(final Element root) {
        for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                if (element.getFirstChild() != null && element.getFirstChild() == element.getLastChild()
                        && element.getFirstChild().getNodeType() == Node.TEXT_NODE) {
                    rewrite(element);
                } else {
                    canonicalize(element);
                }
            }
        }
    }

    private void rewrite(final Element element) {
        final String text = element.getTextContent();
        if (text.indexOf(':') < 0) {
            // most leaves (names, numbers, booleans): no regular expression needed
            return;
        }
        final var matcher = QUALIFIED.matcher(text.strip());
        if (!matcher.matches()) {
            return;
        }
        final String namespace = element.lookupNamespaceURI(matcher.group(1));
        final String own = namespace == null ? null : prefixByNamespace.get(namespace);
        if (own == null || own.equals(matcher.group(1))) {
            return;
        }
        element.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + own, namespace);
        element.setTextContent(own + ":" + matcher.group(2));
    }
}
