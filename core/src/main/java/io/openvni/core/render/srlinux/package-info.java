/**
 * Leaf switches speaking Nokia SR Linux's native YANG: {@link io.openvni.core.render.srlinux.SrlinuxRenderer}
 * renders the subtrees OpenVNI owns as RFC 7951 JSON, {@link io.openvni.core.render.srlinux.SrlOwnedPaths} says
 * which they are (in the same {@link io.openvni.core.render.openconfig.OwnedPaths} terms as the OpenConfig dialect).
 *
 * <h2>Names</h2>
 * <table>
 *   <caption>Names OpenVNI gives on an SR Linux leaf switch</caption>
 *   <tr><th>name</th><th>what</th></tr>
 *   <tr><td>{@code ovni-l2-<vni>}</td><td>mac-vrf network instance of an L2 VNI</td></tr>
 *   <tr><td>{@code ovni-l3-<l3vni>}</td><td>ip-vrf network instance of an L3 VNI</td></tr>
 *   <tr><td>{@code vxlan1.<vni>}</td><td>VXLAN interface of a VNI (bridged for L2, routed for L3)</td></tr>
 *   <tr><td>{@code irb0.<vlan>}</td><td>anycast-gateway subinterface of a routed network</td></tr>
 *   <tr><td>{@code <port>.<vlan>}</td><td>bridged VLAN subinterface of a network on each access interface</td></tr>
 * </table>
 *
 * <h2>Schema</h2>
 * SR Linux 25.3.1's models (srl_nokia-interfaces, -interfaces-vlans, -interfaces-nbr(-evpn), -tunnel-interfaces,
 * -network-instance, -bgp-evpn, -bgp-vpn). What they shape: the VXLAN source is always the system IPv4 address
 * ({@code egress source-ip} knows nothing else), so the VTEP address must be on {@code system0.0} and the
 * switch's {@code vtep-source-interface} is not used; EVIs range over 1..65535, so an instance's EVI is its RD
 * index; {@code bgp-vpn} takes one import and one export route target, so intent with more (a VRF's extra
 * targets) is refused by the renderer; ARP/ND suppression ({@code bridge-table proxy-arp}) lives in a module
 * outside the set, so the flag is not rendered; a network's MTU goes on its subinterfaces ({@code l2-mtu} on the
 * VLAN subinterfaces, {@code ip-mtu} on the gateway). BGP (the default instance's EVPN peering) stays the
 * operator's: SR Linux neighbors need peer groups, which OpenVNI does not model yet.
 */
package io.openvni.core.render.srlinux;
