/**
 * Leaf switches speaking OpenConfig: {@link io.openvni.core.render.openconfig.OpenConfigRenderer} renders the
 * subtrees OpenVNI owns as RFC 7951 JSON, {@link io.openvni.core.render.openconfig.OwnedPaths} says which they are.
 *
 * <h2>Names</h2>
 * <table>
 *   <caption>Names OpenVNI gives on a leaf switch</caption>
 *   <tr><th>name</th><th>what</th></tr>
 *   <tr><td>{@code ovni-l2-<vni>}</td><td>L2VSI network instance (MAC-VRF) of an L2 VNI</td></tr>
 *   <tr><td>{@code ovni-l3-<l3vni>}</td><td>L3VRF network instance (IP-VRF) of an L3 VNI</td></tr>
 *   <tr><td>{@code Vlan<vlan>}</td><td>SVI of a routed network, the anycast gateway</td></tr>
 *   <tr><td>{@code ovni-vtep}</td><td>connection point and endpoint of the VTEP in the default instance</td></tr>
 * </table>
 *
 * <h2>Schema</h2>
 * OpenConfig public models as of network-instance 4.7.0 (EVPN submodule 0.11.0), interfaces 3.8, if-ip 3.9 and
 * vlan. Two gaps shape the output: the EVI {@code vxlan/config/vni} leaf exists only for VLAN-based and
 * VLAN-bundle services, so L3 VNIs are bound through the VTEP's {@code local-endpoint-vnis}; and there is no leaf
 * marking an address as an anycast gateway, so the SVI carries the gateway as a plain address and the L3VRF's
 * {@code irb-anycast-gateway} marks the interface. The anycast gateway MAC is set on routed networks only, and a
 * network's MTU goes on its SVI, so a pure L2 network's MTU has no place on a leaf switch (its ports are not
 * OpenVNI's).
 */
package io.openvni.core.render.openconfig;
