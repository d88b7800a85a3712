/**
 * Node routers: FRR configuration ({@link io.openvni.core.render.frr.FrrRenderer}) and the Linux network devices it
 * relies on ({@link io.openvni.core.render.frr.KernelPlanner}).
 *
 * <h2>Names</h2>
 * Linux limits interface names to 15 characters (IFNAMSIZ 16 with the terminating NUL). A VNI has at most 8 decimal
 * digits (16777215), so every name below is at most 12 characters long. {@link
 * io.openvni.core.render.frr.NodeNames} is the single place that builds them.
 * <table>
 *   <caption>Names OpenVNI gives on a node router</caption>
 *   <tr><th>name</th><th>what</th></tr>
 *   <tr><td>{@code ovrf<l3vni>}</td><td>FRR VRF of a tenant VRF, and its kernel VRF device or its network namespace
 *       ({@code /run/netns/ovrf<l3vni>})</td></tr>
 *   <tr><td>{@code ovbr<vni>}</td><td>bridge of an L2 VNI; carries the anycast gateway addresses (the SVI)</td></tr>
 *   <tr><td>{@code ovvx<vni>}</td><td>VXLAN device of an L2 VNI, enslaved to {@code ovbr<vni>}</td></tr>
 *   <tr><td>{@code ovh<vni>}</td><td>bridge end of the workload veth pair, enslaved to {@code ovbr<vni>}</td></tr>
 *   <tr><td>{@code ovw<vni>}</td><td>workload end of that pair, left for a CNI plugin or the host to use</td></tr>
 * </table>
 * The {@code ov} prefix marks what OpenVNI created, so that cleanup removes only that.
 *
 * <h2>VRF backends</h2>
 * With kernel VRFs, {@code ovrf<l3vni>} is a VRF device whose routing table id is the L3 VNI, and the bridges of
 * the VRF's networks are enslaved to it. With netns VRFs (zebra {@code -n}), {@code ovrf<l3vni>} is a network
 * namespace that holds the bridge, the VXLAN device (created in the router's namespace, so that its UDP socket
 * stays in the underlay, then moved) and the bridge end of the veth pair.
 */
package io.openvni.core.render.frr;
