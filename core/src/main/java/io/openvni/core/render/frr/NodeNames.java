package io.openvni.core.render.frr;

/**
 * Names of the FRR VRFs, network namespaces and Linux devices OpenVNI creates on a node router. See the package
 * documentation for the scheme.
 */
public final class NodeNames {
    /** Longest Linux interface name (IFNAMSIZ minus the terminating NUL). */
    public static final int MAX_INTERFACE_NAME = 15;
    /** Directory iproute2 and FRR keep named network namespaces in. */
    public static final String NETNS_DIR = "/run/netns/";

    private static final long MAX_VNI = 16_777_215L;

    private NodeNames() {
        // constants and static methods only
    }

    /** The VRF of an L3 VNI: FRR VRF, kernel VRF device or network namespace. */
    public static String vrf(final long l3vni) {
        return name("ovrf", l3vni);
    }

    /** The path FRR's {@code netns} command and {@code ip netns} use for the namespace of an L3 VNI. */
    public static String netnsPath(final long l3vni) {
        return NETNS_DIR + vrf(l3vni);
    }

    /** The bridge of an L2 VNI, or the SVI of an L3 VNI. */
    public static String bridge(final long vni) {
        return name("ovbr", vni);
    }

    /** The VXLAN device of an L2 or L3 VNI. */
    public static String vxlan(final long vni) {
        return name("ovvx", vni);
    }

    /** The bridge end of the workload veth pair of an L2 VNI. */
    public static String bridgeVeth(final long vni) {
        return name("ovh", vni);
    }

    /** The workload end of the veth pair of an L2 VNI. */
    public static String workloadVeth(final long vni) {
        return name("ovw", vni);
    }

    private static String name(final String prefix, final long vni) {
        if (vni < 1 || vni > MAX_VNI) {
            throw new IllegalArgumentException("VNI " + vni + " is out of range 1.." + MAX_VNI);
        }
        // Cannot exceed IFNAMSIZ: the longest prefix (4) plus 8 digits is 12 characters.
        return prefix + vni;
    }
}
