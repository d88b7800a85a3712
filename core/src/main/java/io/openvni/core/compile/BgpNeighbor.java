package io.openvni.core.compile;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A BGP neighbor OpenVNI configures on a device.
 *
 * @param address neighbor address
 * @param asn neighbor ASN
 * @param description who the neighbor is (a device name or "bgp-peer")
 * @param addressFamilies address families activated towards it
 */
public record BgpNeighbor(String address, long asn, String description, Set<AddressFamily> addressFamilies) {
    /** Address families OpenVNI activates. */
    public enum AddressFamily {
        IPV4_UNICAST,
        L2VPN_EVPN
    }

    public BgpNeighbor {
        requireNonNull(address);
        requireNonNull(description);
        // in declaration order, so that the device intent's text is canonical (KnownGenerations.fingerprint)
        final var ordered = EnumSet.noneOf(AddressFamily.class);
        ordered.addAll(addressFamilies);
        addressFamilies = Collections.unmodifiableSet(ordered);
    }
}
