package io.openvni.core.intent;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The FRR router of a Kubernetes node.
 *
 * @param name device name, unique across the fabric
 * @param ssh how to reach the node
 * @param frr how FRR runs there
 * @param asn its BGP ASN
 * @param routerId its BGP router ID
 * @param vtepAddress its VTEP address, absent when it is to be allocated from the fabric's pool
 * @param attachedLeafSwitches leaf switches it is cabled to (each gets an EVPN neighbor for it)
 * @param bgpPeers its BGP neighbors
 */
public record NodeRouter(String name, SshAccess ssh, FrrSettings frr, long asn, String routerId,
        @Nullable String vtepAddress, List<String> attachedLeafSwitches, List<BgpPeer> bgpPeers) {
    public NodeRouter {
        requireNonNull(name);
        requireNonNull(ssh);
        requireNonNull(frr);
        requireNonNull(routerId);
        attachedLeafSwitches = List.copyOf(attachedLeafSwitches);
        bgpPeers = List.copyOf(bgpPeers);
    }
}
