package io.openvni.southbound.openconfig;

import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.render.openconfig.OpenConfigRenderer;
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
    /** One intent parsed into one schema. */
    private record Parsed(EffectiveModelContext schema, DeviceIntent intent, LeafConfig config) {
        boolean isOf(final EffectiveModelContext otherSchema, final DeviceIntent otherIntent) {
            return schema == otherSchema && intent.equals(otherIntent);
        }
    }

    private final OpenConfigRenderer renderer = new OpenConfigRenderer();
    private final Map<String, List<Parsed>> byDevice = new ConcurrentHashMap<>();

    /**
     * An intent's rendering in a device's schema.
     *
     * @param schema the device's schema
     * @param intent the intent
     * @return the configuration
     * @throws UnsupportedSchemaException if the schema cannot take the rendering
     */
    LeafConfig parse(final EffectiveModelContext schema, final DeviceIntent intent)
            throws UnsupportedSchemaException {
        final var kept = byDevice.getOrDefault(intent.name(), List.of());
        for (var parsed : kept) {
            if (parsed.isOf(schema, intent)) {
                return parsed.config();
            }
        }
        final var config = new JsonConfigParser(schema, intent.name()).parse(renderer.render(intent));
        final var newest = new Parsed(schema, intent, config);
        byDevice.put(intent.name(), kept.isEmpty() ? List.of(newest) : List.of(newest, kept.getFirst()));
        return config;
    }
}
