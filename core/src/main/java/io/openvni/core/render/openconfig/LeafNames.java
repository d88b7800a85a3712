package io.openvni.core.render.openconfig;

/**
 * Names of what OpenVNI creates on an OpenConfig leaf switch. See the package documentation for the scheme.
 */
public final class LeafNames {
    /** Name of the default network instance, which OpenVNI adds entries to but does not own. */
    public static final String DEFAULT_INSTANCE = "default";
    /** Prefix of every network instance OpenVNI owns. */
    public static final String INSTANCE_PREFIX = "ovni-";
    /** Connection point and endpoint id of the VTEP in the default instance. */
    public static final String VTEP = "ovni-vtep";
    /** Name of the BGP protocol instance in the default network instance. */
    public static final String BGP = "BGP";

    private LeafNames() {
        // constants and static methods only
    }

    /** The L2VSI network instance of an L2 VNI. */
    public static String l2Instance(final long vni) {
        return INSTANCE_PREFIX + "l2-" + vni;
    }

    /** The L3VRF network instance of an L3 VNI. */
    public static String l3Instance(final long l3vni) {
        return INSTANCE_PREFIX + "l3-" + l3vni;
    }

    /** The SVI of a VLAN. */
    public static String svi(final int vlan) {
        return "Vlan" + vlan;
    }
}
