package io.openvni.core.intent;

import org.eclipse.jdt.annotation.Nullable;

/**
 * How FRR runs on a node.
 *
 * @param pathspace FRR's {@code -N} name when several instances share a host, absent otherwise
 * @param grpcPort port of FRR's northbound gRPC on the node, absent when not loaded
 * @param netnsVrf whether VRFs are network namespaces (zebra {@code -n}) rather than kernel VRF devices
 */
public record FrrSettings(@Nullable String pathspace, @Nullable Integer grpcPort, boolean netnsVrf) {
    public static final FrrSettings DEFAULT = new FrrSettings(null, null, false);
}
