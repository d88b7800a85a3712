package io.openvni.core.compile;

import static java.util.Objects.requireNonNull;

import io.openvni.core.intent.LeafSwitch.Dialect;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Device-kind specific facts the renderers need.
 */
public sealed interface Platform {
    /**
     * A leaf switch.
     *
     * @param dialect its configuration model
     * @param vtepSourceInterface interface carrying its VTEP address
     * @param accessInterfaces ports carrying the tenant VLANs, where the dialect attaches them per network
     */
    record LeafPlatform(Dialect dialect, String vtepSourceInterface, List<String> accessInterfaces)
            implements Platform {
        public LeafPlatform {
            requireNonNull(dialect);
            requireNonNull(vtepSourceInterface);
            accessInterfaces = List.copyOf(accessInterfaces);
        }

        /** A leaf switch whose ports are not OpenVNI's to attach. */
        public LeafPlatform(final Dialect dialect, final String vtepSourceInterface) {
            this(dialect, vtepSourceInterface, List.of());
        }
    }

    /**
     * A node router running FRR.
     *
     * @param netnsVrf whether VRFs are network namespaces rather than kernel VRF devices
     * @param pathspace FRR's -N name, if any
     * @param grpcPort port of FRR's northbound gRPC on the node's loopback, absent when not loaded
     */
    record NodePlatform(boolean netnsVrf, @Nullable String pathspace, @Nullable Integer grpcPort)
            implements Platform {
        /** A node whose FRR is driven through vtysh alone. */
        public NodePlatform(final boolean netnsVrf, final @Nullable String pathspace) {
            this(netnsVrf, pathspace, null);
        }
    }
}
