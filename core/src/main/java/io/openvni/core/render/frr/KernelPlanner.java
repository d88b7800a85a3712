package io.openvni.core.render.frr;

import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.compile.EvpnSegment;
import io.openvni.core.compile.EvpnVrf;
import io.openvni.core.compile.Platform.NodePlatform;
import io.openvni.core.render.Addresses;
import io.openvni.core.render.frr.KernelDevice.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plans the Linux network devices a node router needs for its L2 and L3 VNIs. Kernel VRF devices use the L3 VNI as
 * their routing table id: it is unique per device and stable, and needs no allocation. The few table ids Linux
 * reserves (252 to 255) are refused.
 */
public final class KernelPlanner {
    /** The IANA VXLAN port. */
    public static final int VXLAN_PORT = 4789;

    private static final long FIRST_RESERVED_TABLE = 252;
    private static final long LAST_RESERVED_TABLE = 255;

    /**
     * Plans a node router's devices.
     *
     * @throws IllegalArgumentException if the device is not a node router, or an L3 VNI is a reserved table id
     */
    public KernelPlan plan(final DeviceIntent intent) {
        if (!(intent.platform() instanceof NodePlatform platform)) {
            throw new IllegalArgumentException("device " + intent.name() + " is not a node router");
        }
        final boolean netns = platform.netnsVrf();
        final var segments = intent.segments().stream().sorted(Comparator.comparingLong(EvpnSegment::vni)).toList();
        final var devices = new ArrayList<KernelDevice>();
        devices.add(new KernelDevice("lo", Kind.LOOPBACK_ADDRESS,
            Map.of("address", intent.underlay().vtepAddress() + "/32")));
        final var vrfs = intent.vrfs().stream().sorted(Comparator.comparingLong(EvpnVrf::vni)).toList();
        vrfs.forEach(vrf -> devices.add(netns ? netnsVrf(vrf.vni()) : kernelVrf(vrf.vni())));
        // zebra binds an L3 VNI to its VRF through a VXLAN device of that VNI enslaved to a bridge (the L3 VNI's
        // SVI, whose MAC becomes the router MAC of symmetric IRB) inside the VRF: without them the L3 VNI stays
        // down and no route crosses between subnets.
        vrfs.forEach(vrf -> devices.add(l3Bridge(vrf.vni(), netns)));
        segments.forEach(segment -> devices.add(bridge(segment, netns, intent.anycastGatewayMac())));
        vrfs.forEach(vrf -> devices.add(l3Vxlan(vrf.vni(), netns, intent.underlay().vtepAddress())));
        segments.forEach(segment -> devices.add(vxlan(segment, netns, intent.underlay().vtepAddress())));
        segments.forEach(segment -> devices.add(veth(segment, netns)));
        return new KernelPlan(devices);
    }

    private static KernelDevice kernelVrf(final long l3vni) {
        if (l3vni >= FIRST_RESERVED_TABLE && l3vni <= LAST_RESERVED_TABLE) {
            throw new IllegalArgumentException("L3 VNI " + l3vni + " would be a reserved kernel routing table id");
        }
        return new KernelDevice(NodeNames.vrf(l3vni), Kind.VRF, Map.of("table", Long.toString(l3vni)));
    }

    private static KernelDevice netnsVrf(final long l3vni) {
        return new KernelDevice(NodeNames.vrf(l3vni), Kind.NETNS_VRF, Map.of("path", NodeNames.netnsPath(l3vni)));
    }

    private static KernelDevice l3Bridge(final long l3vni, final boolean netns) {
        return new KernelDevice(NodeNames.bridge(l3vni), Kind.BRIDGE,
            Map.of(netns ? "netns" : "master", NodeNames.vrf(l3vni)));
    }

    private static KernelDevice l3Vxlan(final long l3vni, final boolean netns, final String vtep) {
        final var spec = new LinkedHashMap<String, String>();
        spec.put("id", Long.toString(l3vni));
        spec.put("local", vtep);
        spec.put("dstport", Integer.toString(VXLAN_PORT));
        spec.put("learning", "off");
        spec.put("neigh_suppress", "off");
        spec.put("l3vni", "true");
        if (netns) {
            spec.put("netns", NodeNames.vrf(l3vni));
        }
        spec.put("master", NodeNames.bridge(l3vni));
        return new KernelDevice(NodeNames.vxlan(l3vni), Kind.VXLAN, spec);
    }

    private static KernelDevice bridge(final EvpnSegment segment, final boolean netns, final String anycastMac) {
        final var spec = new LinkedHashMap<String, String>();
        putVrf(spec, segment, netns, true);
        if (segment.vrf() != null && !segment.gateways().isEmpty()) {
            // The SVI: every node answers for the gateway with the same MAC.
            spec.put("mac", anycastMac);
            spec.put("address", segment.gateways().stream()
                .map(Addresses::canonicalPrefix)
                .collect(Collectors.joining(",")));
        }
        putMtu(spec, segment);
        return new KernelDevice(NodeNames.bridge(segment.vni()), Kind.BRIDGE, spec);
    }

    private static KernelDevice vxlan(final EvpnSegment segment, final boolean netns, final String vtep) {
        final var spec = new LinkedHashMap<String, String>();
        spec.put("id", Long.toString(segment.vni()));
        spec.put("local", vtep);
        spec.put("dstport", Integer.toString(VXLAN_PORT));
        // BGP EVPN, not flooding, teaches the remote MACs.
        spec.put("learning", "off");
        spec.put("neigh_suppress", segment.arpSuppression() ? "on" : "off");
        putVrf(spec, segment, netns, false);
        spec.put("master", NodeNames.bridge(segment.vni()));
        putMtu(spec, segment);
        return new KernelDevice(NodeNames.vxlan(segment.vni()), Kind.VXLAN, spec);
    }

    private static KernelDevice veth(final EvpnSegment segment, final boolean netns) {
        final var spec = new LinkedHashMap<String, String>();
        spec.put("peer", NodeNames.workloadVeth(segment.vni()));
        putVrf(spec, segment, netns, false);
        spec.put("master", NodeNames.bridge(segment.vni()));
        putMtu(spec, segment);
        return new KernelDevice(NodeNames.bridgeVeth(segment.vni()), Kind.VETH, spec);
    }

    // Places a device of a routed segment: into the VRF's namespace, or (bridges only) under the kernel VRF.
    private static void putVrf(final Map<String, String> spec, final EvpnSegment segment, final boolean netns,
            final boolean bridge) {
        final Long vrf = segment.vrf();
        if (vrf == null) {
            return;
        }
        if (netns) {
            spec.put("netns", NodeNames.vrf(vrf));
        } else if (bridge) {
            spec.put("master", NodeNames.vrf(vrf));
        }
    }

    private static void putMtu(final Map<String, String> spec, final EvpnSegment segment) {
        if (segment.mtu() != null) {
            spec.put("mtu", segment.mtu().toString());
        }
    }
}
