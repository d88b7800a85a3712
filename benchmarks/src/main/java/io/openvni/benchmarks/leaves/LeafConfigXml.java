package io.openvni.benchmarks.leaves;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A leaf's previewed configuration (RFC 7951 JSON, OpenConfig or SR Linux) as the NETCONF {@code <config>} of one
 * edit-config, for the direct client: what a script that drives switches without ODL sends. Namespaces come from the
 * modules of a YANG directory (module name to namespace); identity values ({@code module:IDENTITY}) get their prefix
 * declared on their element and on its top-level entry (netconf-testtool resolves SR Linux's only from an ancestor).
 * Each top-level list entry is replaced, except the default network instance, which is merged (as in
 * {@link Payloads#yangPatch}, so both baselines write the same data the same way).
 */
final class LeafConfigXml {
    static final String NETCONF = "urn:ietf:params:xml:ns:netconf:base:1.0";
    private static final Pattern MODULE = Pattern.compile("^\\s*module\\s+\"?([\\w.-]+)\"?", Pattern.MULTILINE);
    private static final Pattern NAMESPACE = Pattern.compile("\\bnamespace\\s+\"([^\"]+)\"");
    private static final Pattern QUALIFIED = Pattern.compile("([A-Za-z_][\\w.-]*):(.+)");

    private final Map<String, String> namespaces;

    private LeafConfigXml(final Map<String, String> namespaces) {
        this.namespaces = namespaces;
    }

    /** Reads the namespace of every module in {@code yangDir}. */
    static LeafConfigXml of(final Path yangDir) throws IOException {
        final var namespaces = new HashMap<String, String>();
        try (Stream<Path> files = Files.list(yangDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yang")).toList()) {
                final String text = Files.readString(file);
                final var module = MODULE.matcher(text);
                final var namespace = NAMESPACE.matcher(text);
                if (module.find() && namespace.find()) {
                    namespaces.put(module.group(1), namespace.group(1));
                }
            }
        }
        if (namespaces.isEmpty()) {
            throw new IOException("no YANG modules in " + yangDir);
        }
        return new LeafConfigXml(namespaces);
    }

    /** The whole configuration: replace every top-level entry but the default instance, which is merged. */
    String config(final JsonNode preview) {
        return document(preview, false);
    }

    /** Removes every top-level entry the configuration has (keys only): the device is as empty as before. */
    String removal(final JsonNode preview) {
        return document(preview, true);
    }

    private String document(final JsonNode preview, final boolean remove) {
        final var xml = new StringBuilder("<config xmlns=\"" + NETCONF + "\" xmlns:nc=\"" + NETCONF + "\">");
        for (Map.Entry<String, JsonNode> top : preview.properties()) {
            final String module = top.getKey().substring(0, top.getKey().indexOf(':'));
            final String name = top.getKey().substring(module.length() + 1);
            if (top.getValue().isArray()) {
                // a top-level list (SR Linux)
                entries(xml, name, " xmlns=\"" + namespace(module) + "\"", top.getValue(), remove);
                continue;
            }
            // a top-level container holding lists (OpenConfig)
            xml.append('<').append(name).append(" xmlns=\"").append(namespace(module)).append("\">");
            for (Map.Entry<String, JsonNode> list : top.getValue().properties()) {
                entries(xml, list.getKey(), "", list.getValue(), remove);
            }
            xml.append("</").append(name).append('>');
        }
        return xml.append("</config>").toString();
    }

    // The entries of a list, each with its operation, their identities' prefixes declared on them.
    private void entries(final StringBuilder xml, final String list, final String namespace, final JsonNode entries,
            final boolean remove) {
        for (JsonNode entry : entries) {
            final boolean isDefault = "default".equals(entry.path("name").asText());
            final String operation = remove ? "remove" : isDefault ? "merge" : "replace";
            xml.append('<').append(list).append(namespace).append(" nc:operation=\"").append(operation).append('"');
            if (remove) {
                xml.append('>');
                element(xml, "name", entry.path("name"));
            } else {
                final var prefixes = new TreeSet<String>();
                identityModules(entry, prefixes);
                prefixes.forEach(prefix -> xml.append(" xmlns:").append(prefix).append("=\"")
                    .append(namespace(prefix)).append('"'));
                xml.append('>');
                members(xml, entry);
            }
            xml.append("</").append(list).append('>');
        }
    }

    // The modules of the identity values under node.
    private void identityModules(final JsonNode node, final Set<String> modules) {
        if (node.isContainerNode()) {
            node.forEach(child -> identityModules(child, modules));
        } else if (node.isTextual()) {
            final var identity = QUALIFIED.matcher(node.asText());
            if (identity.matches() && namespaces.containsKey(identity.group(1))) {
                modules.add(identity.group(1));
            }
        }
    }

    private void members(final StringBuilder xml, final JsonNode object) {
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            if (member.getValue().isArray()) {
                // a list or leaf-list: one element per entry
                for (JsonNode item : member.getValue()) {
                    element(xml, member.getKey(), item);
                }
            } else {
                element(xml, member.getKey(), member.getValue());
            }
        }
    }

    private void element(final StringBuilder xml, final String member, final JsonNode value) {
        final var qualified = QUALIFIED.matcher(member);
        final String name = qualified.matches() ? qualified.group(2) : member;
        xml.append('<').append(name);
        if (qualified.matches()) {
            xml.append(" xmlns=\"").append(namespace(qualified.group(1))).append('"');
        }
        if (value.isObject()) {
            xml.append('>');
            members(xml, value);
        } else if (value.isNull()) {
            // [null]: a leaf of type empty
            xml.append("/>");
            return;
        } else {
            final String text = value.asText();
            final var identity = QUALIFIED.matcher(text);
            if (identity.matches() && namespaces.containsKey(identity.group(1))) {
                xml.append(" xmlns:").append(identity.group(1)).append("=\"").append(namespace(identity.group(1)))
                    .append('"');
            }
            xml.append('>').append(escape(text));
        }
        xml.append("</").append(name).append('>');
    }

    private String namespace(final String module) {
        final String namespace = namespaces.get(module);
        if (namespace == null) {
            throw new IllegalArgumentException("module " + module + " is not in the YANG directory");
        }
        return namespace;
    }

    private static String escape(final String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
