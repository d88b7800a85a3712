package io.openvni.southbound.openconfig;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * What OpenVNI owns on one leaf switch, as {@link OpenConfigNetconfDriver#readOwned read} or as a committed apply
 * left it, together with the device's schema, so that the diff can put the desired configuration into the same
 * model, and the session it was observed in.
 *
 * @param device the device's name
 * @param schema the device's schema
 * @param entries the owned entries on the device
 * @param session the NETCONF session (mount point) they were observed in
 */
public record OwnedConfig(String device, EffectiveModelContext schema, List<OwnedEntry> entries,
        MountSession session) {
    public OwnedConfig {
        requireNonNull(device);
        requireNonNull(schema);
        entries = List.copyOf(entries);
        requireNonNull(session);
    }
}
