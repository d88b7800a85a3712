package io.openvni.core.compile;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One L3 VNI (tenant VRF) on one device.
 *
 * @param tenant owning tenant
 * @param vrf the VRF's name within the tenant
 * @param vni the L3 VNI
 * @param routeDistinguisher the device's RD for it (router-id:index)
 * @param importRouteTargets route targets imported (derived ASN:VNI first, then the operator's extras)
 * @param exportRouteTargets route targets exported (likewise)
 */
public record EvpnVrf(String tenant, String vrf, long vni, String routeDistinguisher,
        List<String> importRouteTargets, List<String> exportRouteTargets) {
    public EvpnVrf {
        requireNonNull(tenant);
        requireNonNull(vrf);
        requireNonNull(routeDistinguisher);
        importRouteTargets = List.copyOf(importRouteTargets);
        exportRouteTargets = List.copyOf(exportRouteTargets);
    }
}
