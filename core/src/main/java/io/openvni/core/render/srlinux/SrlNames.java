package io.openvni.core.render.srlinux;

import io.openvni.core.render.openconfig.LeafNames;
import java.util.regex.Pattern;

/**
 * Names of what OpenVNI creates on an SR Linux leaf switch. Network instances carry the same names as on an
 * OpenConfig leaf, so one fabric reads the same whatever its leaves speak; the rest follows SR Linux's own naming
 * rules (interface and tunnel-interface names are patterns in its models).
 */
public final class SrlNames {
    /** Prefix of every network instance OpenVNI owns. */
    public static final String INSTANCE_PREFIX = LeafNames.INSTANCE_PREFIX;
    /** The tunnel interface holding OpenVNI's VXLAN interfaces, one per VNI. */
    public static final String TUNNEL_INTERFACE = "vxlan1";
    /** The IRB interface holding the anycast gateways, one subinterface per routed network. */
    public static final String IRB_INTERFACE = "irb0";
    /**
     * Access interfaces SR Linux can put VLAN subinterfaces on: Ethernet ports and LAGs (the models' typedef
     * {@code interface-eth-lag}).
     */
    public static final Pattern ACCESS_INTERFACE = Pattern.compile(
        "ethernet-[1-9]\\d?(/m[1-6])?(/[1-9]\\d?)?/([1-9]\\d?|1[01]\\d|12[0-8])|lag([1-9]\\d{0,2}|1000)");

    private SrlNames() {
        // constants and static methods only
    }

    /** The mac-vrf network instance of an L2 VNI. */
    public static String macVrf(final long vni) {
        return LeafNames.l2Instance(vni);
    }

    /** The ip-vrf network instance of an L3 VNI. */
    public static String ipVrf(final long l3vni) {
        return LeafNames.l3Instance(l3vni);
    }

    /** A subinterface's name, as network instances list it: {@code <interface>.<index>}. */
    public static String subinterface(final String iface, final int index) {
        return iface + "." + index;
    }

    /** The VXLAN interface of a VNI, as network instances list it. */
    public static String vxlanInterface(final long vni) {
        return TUNNEL_INTERFACE + "." + vni;
    }
}
