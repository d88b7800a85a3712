package io.openvni.core.compile;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A VRF with its allocated values and complete route-target lists.
 */
record ResolvedVrf(String tenant, String name, long vni, int rdIndex, List<String> importRouteTargets,
        List<String> exportRouteTargets) {
    ResolvedVrf {
        requireNonNull(tenant);
        requireNonNull(name);
        importRouteTargets = List.copyOf(importRouteTargets);
        exportRouteTargets = List.copyOf(exportRouteTargets);
    }
}
