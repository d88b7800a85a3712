package io.openvni.southbound.openconfig;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.render.openconfig.OwnedPaths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * Intents rendered and parsed into a device's schema, each once. A pass needs the desired intent in the device's
 * schema three times (for the read, which names what is OpenVNI's, for the diff, and for what the commit leaves
 * behind) and the next pass needs it again as the last applied intent; parsing is the costliest pure step of a pass
 * (about 0.3 ms per network here, linear). Keeps the last two intents per device, for as long as the device's
 * schema stays the same instance (a reconnect that brings another schema parses anew). Thread-safe: the reconciler
 * works on different devices at once, on one device from one thread at a time.
 */
final class Renderings {
    /**
     * One intent in a device's schema.
     *
     * @param config the rendering
     * @param owned what OpenVNI owns with this intent
     * @param entries the owned entries of {@code config}
     */
    record Rendering(LeafConfig config, OwnedPaths owned, List<OwnedEntry> entries) {
    }

    /** One intent parsed into one schema. */
    private record Parsed(EffectiveModelContext schema, DeviceIntent intent, Rendering config) {
        boolean isOf(final EffectiveModelContext otherSchema, final DeviceIntent otherIntent) {
            return schema == otherSchema && intent.equals(otherIntent);
        }
    }

    private final LeafDialect dialect;
    private final Map<String, List<Parsed>> byDevice = new ConcurrentHashMap<>();

    Renderings(final LeafDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * An intent's rendering in a device's schema.
     *
     * @param schema the device's schema
     * @param intent the intent
     * @return the configuration and its owned entries
     * @throws UnsupportedSchemaException if the dialect cannot render the intent, or the schema cannot take it
     */
    Rendering parse(final EffectiveModelContext schema, final DeviceIntent intent)
            throws UnsupportedSchemaException {
        final var kept = byDevice.getOrDefault(intent.name(), List.of());
        for (var parsed : kept) {
            if (parsed.isOf(schema, intent)) {
                return parsed.config();
            }
        }
        final ObjectNode rendered;
        try {
            rendered = dialect.render(intent);
        } catch (IllegalArgumentException e) {
            // intent the dialect cannot say (e.g. SR Linux's single route target per direction): the message
            // names what
            throw new UnsupportedSchemaException("device " + intent.name() + ": " + e.getMessage(), e);
        }
        final var parsed = new JsonConfigParser(schema, intent.name(), dialect).parse(rendered);
        final var owned = dialect.owned(intent);
        final var config = new Rendering(parsed, owned, OwnedEntries.of(parsed, owned, dialect));
        final var newest = new Parsed(schema, intent, config);
        byDevice.put(intent.name(), kept.isEmpty() ? List.of(newest) : List.of(newest, kept.getFirst()));
        return config;
    }
}
