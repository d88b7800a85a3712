package io.openvni.core.intent;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A routing domain of a tenant, carried by an L3 VNI.
 *
 * @param name name, unique within the tenant
 * @param l3Vni the L3 VNI, absent when it is to be allocated
 * @param importRouteTargets route targets imported besides the derived ASN:VNI
 * @param exportRouteTargets route targets exported besides the derived ASN:VNI
 */
public record Vrf(String name, @Nullable Long l3Vni, List<String> importRouteTargets,
        List<String> exportRouteTargets) {
    public Vrf {
        requireNonNull(name);
        importRouteTargets = List.copyOf(importRouteTargets);
        exportRouteTargets = List.copyOf(exportRouteTargets);
    }
}
