package io.openvni.core.intent;

import static java.util.Objects.requireNonNull;

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
 */
public record LeafSwitch(String name, Dialect dialect, NetconfAccess netconf, long asn, String routerId,
        String vtepAddress, String vtepSourceInterface) {

    /** Configuration models a leaf switch can be driven with. */
    public enum Dialect {
        OPENCONFIG("openconfig");

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
    }
}
