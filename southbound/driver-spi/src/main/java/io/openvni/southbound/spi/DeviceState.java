package io.openvni.southbound.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * Operational state read from a device, for status: its BGP sessions and the VNIs it runs.
 *
 * @param management how the controller talks to the device, e.g. {@code vtysh} or {@code vtysh+grpc}
 * @param software the device's routing software and version, e.g. {@code FRR 8.4.4}; empty when unknown
 * @param sessions its BGP sessions
 * @param vnis the VNIs it runs
 * @param readAt when the state was read
 */
public record DeviceState(String management, String software, List<BgpSession> sessions, List<VniState> vnis,
        Instant readAt) {
    public DeviceState {
        requireNonNull(management);
        requireNonNull(software);
        sessions = List.copyOf(sessions);
        vnis = List.copyOf(vnis);
        requireNonNull(readAt);
    }

    /**
     * One BGP session.
     *
     * @param vrf the VRF it runs in ({@code default} for the underlay)
     * @param peer the neighbor's address
     * @param addressFamily e.g. {@code ipv4-unicast}, {@code l2vpn-evpn}
     * @param state the BGP state, e.g. {@code Established}
     * @param prefixesReceived prefixes received from the peer
     */
    public record BgpSession(String vrf, String peer, String addressFamily, String state, long prefixesReceived) {
        public BgpSession {
            requireNonNull(vrf);
            requireNonNull(peer);
            requireNonNull(addressFamily);
            requireNonNull(state);
        }
    }

    /**
     * One VNI the device runs.
     *
     * @param vni the VNI
     * @param type {@code L2} or {@code L3}
     * @param vrf its tenant VRF
     * @param remoteVteps the remote VTEPs it floods to (L2 VNIs), sorted
     */
    public record VniState(long vni, String type, String vrf, List<String> remoteVteps) {
        public VniState {
            requireNonNull(type);
            requireNonNull(vrf);
            remoteVteps = List.copyOf(remoteVteps);
        }
    }
}
