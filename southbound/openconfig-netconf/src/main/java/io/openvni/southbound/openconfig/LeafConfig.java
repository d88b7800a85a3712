package io.openvni.southbound.openconfig;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/**
 * The two OpenConfig top containers OpenVNI writes to, as normalized nodes of a device's schema: either parsed from
 * the renderer's JSON or read from the device. A missing container is {@code null}.
 *
 * @param networkInstances {@code openconfig-network-instance:network-instances}
 * @param interfaces {@code openconfig-interfaces:interfaces}
 */
public record LeafConfig(@Nullable ContainerNode networkInstances, @Nullable ContainerNode interfaces) {
    /** Neither container. */
    public static final LeafConfig EMPTY = new LeafConfig(null, null);

    /**
     * The containers that are present, network instances first.
     *
     * @return zero to two containers
     */
    public List<ContainerNode> tops() {
        final var result = new ArrayList<ContainerNode>(2);
        if (networkInstances != null) {
            result.add(networkInstances);
        }
        if (interfaces != null) {
            result.add(interfaces);
        }
        return List.copyOf(result);
    }
}
