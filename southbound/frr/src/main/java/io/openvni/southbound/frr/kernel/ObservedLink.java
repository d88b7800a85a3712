package io.openvni.southbound.frr.kernel;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A network device as {@code ip -j -d addr show} reports it, reduced to what the driver compares.
 *
 * @param netns the namespace it is in, {@code null} for the router's own
 * @param name its name
 * @param kind {@code bridge}, {@code vxlan}, {@code veth}, {@code vrf}, ... or empty
 * @param master the device it is enslaved to, if any
 * @param mac its MAC address
 * @param up whether it is administratively up
 * @param mtu its MTU
 * @param attributes kind-specific attributes in the plan's terms: {@code id}, {@code local}, {@code dstport},
 *     {@code learning}, {@code table}, and {@code neigh_suppress} for bridge ports
 * @param addresses global addresses with prefix length, link-local addresses left out
 * @param peerInOtherNamespace for a veth: whether its peer is in another namespace ({@code link_netnsid})
 * @param protodown whether it is held down by a daemon ({@code protodown on}): up, yet carrying no traffic
 * @param index its interface index in its namespace: a device created anew under the same name gets another
 */
public record ObservedLink(@Nullable String netns, String name, String kind, @Nullable String master, String mac,
        boolean up, int mtu, Map<String, String> attributes, List<String> addresses,
        boolean peerInOtherNamespace, boolean protodown, int index) {
    public ObservedLink {
        requireNonNull(name);
        requireNonNull(kind);
        requireNonNull(mac);
        attributes = Map.copyOf(attributes);
        addresses = List.copyOf(addresses);
    }
}
