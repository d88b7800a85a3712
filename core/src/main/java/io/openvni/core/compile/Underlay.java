package io.openvni.core.compile;

import static java.util.Objects.requireNonNull;

/**
 * A device's BGP and VXLAN identity.
 *
 * @param asn its ASN
 * @param routerId its router ID
 * @param vtepAddress source address of its VXLAN tunnels (allocated for node routers without one)
 */
public record Underlay(long asn, String routerId, String vtepAddress) {
    public Underlay {
        requireNonNull(routerId);
        requireNonNull(vtepAddress);
    }
}
