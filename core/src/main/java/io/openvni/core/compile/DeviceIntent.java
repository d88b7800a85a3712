package io.openvni.core.compile;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Everything one device must be configured with, independent of the device's configuration model. Lists are
 * sorted (segments and VRFs by VNI, neighbors by address) so that equal intent means equal records and equal
 * renderings.
 *
 * @param name device name
 * @param role leaf switch or node router
 * @param underlay the device's own BGP and VTEP identity
 * @param platform how the device is driven and what it supports
 * @param anycastGatewayMac MAC of the anycast gateways
 * @param segments L2 VNIs placed on the device
 * @param vrfs L3 VNIs present on the device (those of its segments)
 * @param neighbors BGP neighbors of the device that OpenVNI owns
 */
public record DeviceIntent(String name, DeviceRole role, Underlay underlay, Platform platform,
        String anycastGatewayMac, List<EvpnSegment> segments, List<EvpnVrf> vrfs, List<BgpNeighbor> neighbors) {
    public DeviceIntent {
        requireNonNull(name);
        requireNonNull(role);
        requireNonNull(underlay);
        requireNonNull(platform);
        requireNonNull(anycastGatewayMac);
        segments = List.copyOf(segments);
        vrfs = List.copyOf(vrfs);
        neighbors = List.copyOf(neighbors);
    }
}
