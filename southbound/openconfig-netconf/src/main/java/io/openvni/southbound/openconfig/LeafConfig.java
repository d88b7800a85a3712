package io.openvni.southbound.openconfig;

import java.util.List;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;

/**
 * The top-level nodes OpenVNI writes to ({@link LeafDialect#tops()}: OpenConfig's containers, SR Linux's lists), as
 * normalized nodes of a device's schema: either parsed from the renderer's JSON or read from the device. A missing
 * node is left out.
 *
 * @param tops the nodes present, in the dialect's order
 */
public record LeafConfig(List<DataContainerChild> tops) {
    /** No node. */
    public static final LeafConfig EMPTY = new LeafConfig(List.of());

    public LeafConfig {
        tops = List.copyOf(tops);
    }
}
