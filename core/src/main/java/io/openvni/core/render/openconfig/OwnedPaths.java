package io.openvni.core.render.openconfig;

import static java.util.Objects.requireNonNull;

import io.openvni.core.compile.BgpNeighbor;
import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.compile.EvpnSegment;
import io.openvni.core.render.Addresses;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
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
 * <p>This is the one place that says what OpenVNI owns on a leaf, for every dialect (SR Linux's
 * {@code SrlOwnedPaths} builds the same nodes): the leaf driver walks to the lists these paths point into, names
 * each entry it finds there by its instance-identifier and asks {@link #owner()}.
 *
 * @param nodes the owned nodes
 */
public record OwnedPaths(List<OwnedNode> nodes) {
    /** An owned part of the device's configuration tree. */
    public sealed interface OwnedNode {
        /** One line describing the node. */
        String text();

        /** Whether the list entry at this instance-identifier is this node or inside it. */
        boolean covers(String entryPath);
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

        @Override
        public boolean covers(final String entryPath) {
            final String start = listPath + "[" + key + "='";
            if (!entryPath.startsWith(start) || !entryPath.endsWith("']")) {
                return false;
            }
            // exactly one key value (key values hold no quote), and it starts with the prefix
            final String value = entryPath.substring(start.length(), entryPath.length() - 2);
            return value.indexOf('\'') < 0 && value.startsWith(prefix);
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

        @Override
        public boolean covers(final String entryPath) {
            return path.equals(entryPath);
        }
    }

    private static final String INSTANCES = "/" + OpenConfigRenderer.NETWORK_INSTANCES + "/network-instance";
    private static final String INTERFACES = "/" + OpenConfigRenderer.INTERFACES + "/interface";

    public OwnedPaths {
        nodes = List.copyOf(nodes);
    }

    /** What OpenVNI owns on a leaf switch with this intent. */
    public static OwnedPaths of(final DeviceIntent intent) {
        final var nodes = new ArrayList<OwnedNode>();
        // owned by OpenVNI's own names, whatever the intent: the instances and the VTEP connection point
        nodes.add(new KeyPrefix(INSTANCES, "name", LeafNames.INSTANCE_PREFIX));
        nodes.add(new ListEntry(connectionPoint(LeafNames.DEFAULT_INSTANCE, LeafNames.VTEP)));
        intent.segments().stream()
            .filter(segment -> segment.vrf() != null)
            .map(EvpnSegment::vlan)
            .sorted()
            .map(vlan -> new ListEntry(interfaceEntry(LeafNames.svi(vlan))))
            .forEach(nodes::add);
        intent.neighbors().stream()
            .map(BgpNeighbor::address)
            .sorted(Addresses.ORDER)
            .map(address -> new ListEntry(bgpNeighbor(Addresses.canonical(address))))
            .forEach(nodes::add);
        return new OwnedPaths(nodes);
    }

    /**
     * Everything several intents own: a read owns the union of the desired and the last applied intent's paths, so
     * an entry owned by name that the intent drops is still recognised and deleted.
     *
     * @param owned each intent's owned paths (of any dialect)
     * @return their union, each node once
     */
    public static OwnedPaths union(final Collection<OwnedPaths> owned) {
        return new OwnedPaths(owned.stream().flatMap(paths -> paths.nodes().stream()).distinct().toList());
    }

    /** Whether an entry, named by its instance-identifier, is owned; build it once for many entries. */
    public Predicate<String> owner() {
        final Set<String> entries = new HashSet<>();
        final var others = new ArrayList<OwnedNode>();
        for (var node : nodes) {
            if (node instanceof ListEntry entry) {
                entries.add(entry.path());
            } else {
                others.add(node);
            }
        }
        return path -> entries.contains(path) || others.stream().anyMatch(node -> node.covers(path));
    }

    private static String networkInstance(final String name) {
        return INSTANCES + key("name", name);
    }

    private static String connectionPoint(final String instance, final String id) {
        return networkInstance(instance) + "/connection-points/connection-point" + key("connection-point-id", id);
    }

    private static String interfaceEntry(final String name) {
        return INTERFACES + key("name", name);
    }

    // The neighbor of the BGP protocol entry OpenVNI renders in the default instance.
    private static String bgpNeighbor(final String address) {
        return networkInstance(LeafNames.DEFAULT_INSTANCE) + "/protocols/protocol"
            + key("identifier", "openconfig-policy-types:BGP") + key("name", LeafNames.BGP)
            + "/bgp/neighbors/neighbor" + key("neighbor-address", address);
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
