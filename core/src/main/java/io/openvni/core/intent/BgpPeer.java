package io.openvni.core.intent;

import static java.util.Objects.requireNonNull;

/**
 * A BGP neighbor of a node router.
 */
public record BgpPeer(String address, long asn) {
    public BgpPeer {
        requireNonNull(address);
    }
}
