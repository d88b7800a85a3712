package io.openvni.southbound.openconfig;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * What OpenVNI owns on one leaf switch now, as {@link OpenConfigNetconfDriver#readOwned read}, together with the
 * device's schema, so that the diff can put the desired configuration into the same model.
 *
 * @param device the device's name
 * @param schema the device's schema
 * @param entries the owned entries found on the device
 */
public record OwnedConfig(String device, EffectiveModelContext schema, List<OwnedEntry> entries) {
    public OwnedConfig {
        requireNonNull(device);
        requireNonNull(schema);
        entries = List.copyOf(entries);
    }
}
