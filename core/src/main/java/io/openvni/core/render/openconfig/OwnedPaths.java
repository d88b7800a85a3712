package io.openvni.core.render.openconfig;

import static java.util.Objects.requireNonNull;

import io.openvni.core.compile.BgpNeighbor;
import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.compile.EvpnSegment;
import io.openvni.core.render.Addresses;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What OpenVNI owns on an OpenConfig leaf switch: the diff reads, compares and deletes only there, and leaves the
 * rest of the device's configuration (ports, underlay, other VRFs and peers) alone. Paths are RFC 7951
 * instance-identifiers; an owned node is a list entry with everything below it.
 *
 * <p>Network instances are owned by name prefix, so an instance whose VNI left the intent is still recognised
 * and removed. SVIs and BGP neighbors are owned by name because their names are not OpenVNI's own: when the
 * intent drops one, the caller must still know it was rendered, so the reconciler owns the union of the paths of
 * the last applied and of the desired rendering.
 *
 * <p>Parents that appear in the rendered tree only to reach owned entries (the default instance and its
 * {@code config}, the BGP protocol entry and its {@code global/config}) are merged, never replaced or deleted.
 *
 * @param nodes the owned nodes
 */
public record OwnedPaths(List<OwnedNode> nodes) {
    /** An owned part of the device's configuration tree. */
    public sealed interface OwnedNode {
        /** One line describing the node. */
        String text();
    }

    /**
     * Every entry of a list whose single key starts with a prefix.
     *
     * @param listPath instance-identifier of the list (without predicates)
     * @param key the list's key leaf
     * @param prefix the prefix of owned keys
     */
    public record KeyPrefix(String listPath, String key, String prefix) implements OwnedNode {
        public KeyPrefix {
            requireNonNull(listPath);
            requireNonNull(key);
            requireNonNull(prefix);
        }

        @Override
        public String text() {
            return "entries " + listPath + "[starts-with(" + key + ",'" + prefix + "')]";
        }
    }

    /**
     * One list entry.
     *
     * @param path instance-identifier of the entry
     */
    public record ListEntry(String path) implements OwnedNode {
        public ListEntry {
            requireNonNull(path);
        }

        @Override
        public String text() {
            return "entry " + path;
        }
    }

    private static final String INSTANCES = "/" + OpenConfigRenderer.NETWORK_INSTANCES + "/network-instance";
    private static final String DEFAULT_INSTANCE = INSTANCES + key("name", LeafNames.DEFAULT_INSTANCE);

    public OwnedPaths {
        nodes = List.copyOf(nodes);
    }

    /** What OpenVNI owns on a leaf switch with this intent. */
    public static OwnedPaths of(final DeviceIntent intent) {
        final var nodes = new ArrayList<OwnedNode>();
        nodes.add(new KeyPrefix(INSTANCES, "name", LeafNames.INSTANCE_PREFIX));
        nodes.add(new ListEntry(DEFAULT_INSTANCE + "/connection-points/connection-point"
            + key("connection-point-id", LeafNames.VTEP)));
        intent.segments().stream()
            .filter(segment -> segment.vrf() != null)
            .map(EvpnSegment::vlan)
            .sorted()
            .map(vlan -> new ListEntry("/" + OpenConfigRenderer.INTERFACES + "/interface"
                + key("name", LeafNames.svi(vlan))))
            .forEach(nodes::add);
        intent.neighbors().stream()
            .map(BgpNeighbor::address)
            .sorted(Addresses.ORDER)
            .map(address -> new ListEntry(DEFAULT_INSTANCE + "/protocols/protocol"
                + key("identifier", "openconfig-policy-types:BGP") + key("name", LeafNames.BGP)
                + "/bgp/neighbors/neighbor" + key("neighbor-address", Addresses.canonical(address))))
            .forEach(nodes::add);
        return new OwnedPaths(nodes);
    }

    /** One line per owned node. */
    public String text() {
        return nodes.stream().map(node -> node.text() + "\n").collect(Collectors.joining());
    }

    // Key values are OpenVNI names, addresses and identities: none contains a quote.
    private static String key(final String name, final String value) {
        return "[" + name + "='" + value + "']";
    }
}
