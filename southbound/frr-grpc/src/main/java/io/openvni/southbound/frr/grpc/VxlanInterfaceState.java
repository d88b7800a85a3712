package io.openvni.southbound.frr.grpc;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.OptionalInt;

/**
 * Zebra's operational view of one VXLAN interface ({@code /frr-interface:lib/interface/frr-zebra:zebra/state}):
 * the kernel device name, its VRF, its VNI, the addresses zebra reports as remote-vtep and the VLAN id when zebra
 * has one (a VXLAN device in a VLAN-aware bridge).
 *
 * <p>Beware FRR 8.4: its remote-vtep leaf holds one address, the device's LOCAL VTEP address (the leaf's getter
 * returns the vxlan device's vtep_ip). Remote VTEPs learnt through EVPN are not in this model; read them with
 * {@code vtysh -c 'show evpn vni N json'}.
 */
public record VxlanInterfaceState(String interfaceName, String vrf, long vni, List<String> remoteVteps,
        OptionalInt vlanId) {
    public VxlanInterfaceState {
        requireNonNull(interfaceName);
        requireNonNull(vrf);
        remoteVteps = List.copyOf(remoteVteps);
        requireNonNull(vlanId);
    }
}
