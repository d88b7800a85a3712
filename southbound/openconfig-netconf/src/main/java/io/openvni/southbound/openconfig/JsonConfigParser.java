package io.openvni.southbound.openconfig;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONCodecFactorySupplier;
import org.opendaylight.yangtools.yang.data.codec.gson.JsonParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * Turns the renderer's RFC 7951 JSON into normalized nodes of one device's schema, so that what OpenVNI wants is
 * compared and written in the device's own model (its module revisions, its deviations).
 */
public final class JsonConfigParser {
    // Identity values name their module (openconfig-*, ietf-*, iana-*, srl_nokia-*: a module name with a hyphen,
    // starting with a letter). Other strings with colons (route distinguishers and targets, MAC and IPv6 addresses)
    // do not match.
    private static final Pattern IDENTITY_VALUE = Pattern.compile("^([a-z][a-z0-9_]*-[a-z0-9_-]+):[\\w.-]+$");

    private final EffectiveModelContext schema;
    private final String device;
    private final LeafDialect dialect;

    /**
     * A parser for one device.
     *
     * @param schema the device's schema (its mount point's model context)
     * @param device the device's name, for messages
     * @param dialect the device's dialect: which top-level members to parse
     */
    public JsonConfigParser(final EffectiveModelContext schema, final String device, final LeafDialect dialect) {
        this.schema = requireNonNull(schema);
        this.device = requireNonNull(device);
        this.dialect = requireNonNull(dialect);
    }

    /**
     * Parses a rendering.
     *
     * @param rendered the output of {@link LeafDialect#render}
     * @return the configuration in the device's schema
     * @throws UnsupportedSchemaException if a module the rendering needs is missing from the device's schema, or
     *         the schema has no place for part of the rendering
     */
    public LeafConfig parse(final ObjectNode rendered) throws UnsupportedSchemaException {
        final var missing = new TreeSet<String>();
        for (String module : modulesUsed(rendered, dialect.impliedModules())) {
            if (schema.findModuleStatements(module).isEmpty()) {
                missing.add(module);
            }
        }
        if (!missing.isEmpty()) {
            throw new UnsupportedSchemaException("device " + device + " does not support " + String.join(", ", missing)
                + " (missing from its YANG schema), which the OpenVNI configuration needs");
        }
        final var tops = new ArrayList<DataContainerChild>();
        for (var member : dialect.tops()) {
            final var top = top(rendered, member);
            if (top != null) {
                tops.add(top);
            }
        }
        return new LeafConfig(tops);
    }

    /**
     * The YANG modules a rendering refers to: the prefixes of qualified member names and identity values.
     *
     * @param rendered a rendering
     * @param implied modules of unprefixed members, by member name ({@link LeafDialect#impliedModules()})
     * @return module names, sorted
     */
    static Set<String> modulesUsed(final JsonNode rendered, final Map<String, String> implied) {
        final var modules = new TreeSet<String>();
        collect(rendered, implied, modules);
        return modules;
    }

    private static void collect(final JsonNode node, final Map<String, String> implied, final Set<String> modules) {
        if (node.isObject()) {
            for (var field : node.properties()) {
                final String name = field.getKey();
                final int colon = name.indexOf(':');
                if (colon > 0) {
                    modules.add(name.substring(0, colon));
                }
                final String module = implied.get(name);
                if (module != null) {
                    modules.add(module);
                }
                collect(field.getValue(), implied, modules);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, implied, modules));
        } else if (node.isTextual()) {
            final var matcher = IDENTITY_VALUE.matcher(node.textValue());
            if (matcher.matches()) {
                modules.add(matcher.group(1));
            }
        }
    }

    private @Nullable DataContainerChild top(final ObjectNode rendered, final String member)
            throws UnsupportedSchemaException {
        final var value = rendered.get(member);
        if (value == null) {
            return null;
        }
        // One top-level member per parse: the parser's result holder takes a single node.
        final String json = rendered.objectNode().set(member, value).toString();
        final var result = new NormalizationResultHolder();
        try (var writer = ImmutableNormalizedNodeStreamWriter.from(result);
             var parser = JsonParserStream.create(writer, JSONCodecFactorySupplier.RFC7951.getShared(schema))) {
            parser.parse(new JsonReader(new StringReader(json)));
        } catch (IOException | RuntimeException e) {
            // yangtools reports unknown nodes and bad values as IllegalArgumentException/IllegalStateException
            throw new UnsupportedSchemaException("device " + device + " cannot take the OpenVNI configuration of "
                + member + ": its YANG schema rejects it: " + e.getMessage(), e);
        }
        if (!(result.getResult().data() instanceof DataContainerChild top)
                || !(top instanceof ContainerNode || top instanceof MapNode)) {
            throw new UnsupportedSchemaException("device " + device + ": " + member + " is not a container or list "
                + "in its YANG schema");
        }
        return top;
    }
}
