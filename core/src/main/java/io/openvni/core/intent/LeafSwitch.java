package io.openvni.core.intent;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A hardware leaf switch configured over NETCONF.
 *
 * @param name device name, unique across the fabric
 * @param dialect configuration model the switch speaks
 * @param netconf how to reach it
 * @param asn its BGP ASN
 * @param routerId its BGP router ID
 * @param vtepAddress source address of its VXLAN tunnels
 * @param vtepSourceInterface interface carrying the VTEP address
 * @param accessInterfaces ports that carry the tenant VLANs, for dialects that attach them per network (SR Linux)
 */
public record LeafSwitch(String name, Dialect dialect, NetconfAccess netconf, long asn, String routerId,
        String vtepAddress, String vtepSourceInterface, List<String> accessInterfaces) {

    /** Configuration models a leaf switch can be driven with. */
    public enum Dialect {
        OPENCONFIG("openconfig"),
        SRLINUX("srlinux");

        private final String yangName;

        Dialect(final String yangName) {
            this.yangName = yangName;
        }

        public String yangName() {
            return yangName;
        }
    }

    public LeafSwitch {
        requireNonNull(name);
        requireNonNull(dialect);
        requireNonNull(netconf);
        requireNonNull(routerId);
        requireNonNull(vtepAddress);
        requireNonNull(vtepSourceInterface);
        accessInterfaces = List.copyOf(accessInterfaces);
    }

    /** A leaf switch without access interfaces (an OpenConfig switch's ports are the operator's). */
    public LeafSwitch(final String name, final Dialect dialect, final NetconfAccess netconf, final long asn,
            final String routerId, final String vtepAddress, final String vtepSourceInterface) {
        this(name, dialect, netconf, asn, routerId, vtepAddress, vtepSourceInterface, List.of());
    }
}
