package io.openvni.core.compile;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A device with its allocated VTEP and OpenVNI-owned BGP neighbors, minus everything the compiler does not use
 * (credentials, management addresses), so that a credential change recompiles nothing.
 */
record ResolvedDevice(String name, DeviceRole role, Underlay underlay, Platform platform,
        List<BgpNeighbor> peers, List<String> attachedLeafSwitches) {
    ResolvedDevice {
        requireNonNull(name);
        requireNonNull(role);
        requireNonNull(underlay);
        requireNonNull(platform);
        peers = List.copyOf(peers);
        attachedLeafSwitches = List.copyOf(attachedLeafSwitches);
    }
}
