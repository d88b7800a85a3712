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
 * <p>This is the one place that says what OpenVNI owns on a leaf: the leaf driver names each list entry it finds on
 * a device with the path methods below and asks {@link #owner()}.
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
    private static final String BGP_IDENTITY = "openconfig-policy-types:BGP";

    public OwnedPaths {
        nodes = List.copyOf(nodes);
    }

    /** What OpenVNI owns on a leaf switch with this intent. */
    public static OwnedPaths of(final DeviceIntent intent) {
        final var nodes = ownedByName();
        intent.segments().stream()
            .filter(segment -> segment.vrf() != null)
            .map(EvpnSegment::vlan)
            .sorted()
            .map(vlan -> new ListEntry(interfaceEntry(LeafNames.svi(vlan))))
            .forEach(nodes::add);
        intent.neighbors().stream()
            .map(BgpNeighbor::address)
            .sorted(Addresses.ORDER)
            .map(address -> new ListEntry(bgpNeighbor(LeafNames.DEFAULT_INSTANCE, BGP_IDENTITY, LeafNames.BGP,
                Addresses.canonical(address))))
            .forEach(nodes::add);
        return new OwnedPaths(nodes);
    }

    /**
     * What OpenVNI owns where the SVIs and BGP neighbors it owns are these entries: those of its renderings.
     *
     * @param entryPaths instance-identifiers of entries, as the path methods build them
     */
    public static OwnedPaths named(final Collection<String> entryPaths) {
        final var nodes = ownedByName();
        entryPaths.stream().map(ListEntry::new).forEach(nodes::add);
        return new OwnedPaths(nodes);
    }

    /** What OpenVNI owns in a rendering of its own: every SVI and BGP neighbor in it, too. */
    public static OwnedPaths inRendering() {
        final var nodes = ownedByName();
        nodes.add(new KeyPrefix(INTERFACES, "name", ""));
        nodes.add(new KeyPrefix(bgpNeighbors(LeafNames.DEFAULT_INSTANCE, BGP_IDENTITY, LeafNames.BGP),
            "neighbor-address", ""));
        return new OwnedPaths(nodes);
    }

    // Owned by OpenVNI's own names, whatever the intent: the instances and the VTEP connection point.
    private static List<OwnedNode> ownedByName() {
        final var nodes = new ArrayList<OwnedNode>();
        nodes.add(new KeyPrefix(INSTANCES, "name", LeafNames.INSTANCE_PREFIX));
        nodes.add(new ListEntry(connectionPoint(LeafNames.DEFAULT_INSTANCE, LeafNames.VTEP)));
        return nodes;
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

    /** The instance-identifier of a network instance. */
    public static String networkInstance(final String name) {
        return INSTANCES + key("name", name);
    }

    /** The instance-identifier of a connection point of a network instance. */
    public static String connectionPoint(final String instance, final String id) {
        return networkInstance(instance) + "/connection-points/connection-point" + key("connection-point-id", id);
    }

    /** The instance-identifier of an interface. */
    public static String interfaceEntry(final String name) {
        return INTERFACES + key("name", name);
    }

    /**
     * The instance-identifier of a BGP neighbor.
     *
     * @param instance the network instance
     * @param identifier the protocol's identifier, a qualified identity as in {@code openconfig-policy-types:BGP}
     * @param protocol the protocol's name
     * @param address the neighbor's address, as the device or the rendering has it
     */
    public static String bgpNeighbor(final String instance, final String identifier, final String protocol,
            final String address) {
        return bgpNeighbors(instance, identifier, protocol) + key("neighbor-address", address);
    }

    private static String bgpNeighbors(final String instance, final String identifier, final String protocol) {
        return networkInstance(instance) + "/protocols/protocol" + key("identifier", identifier)
            + key("name", protocol) + "/bgp/neighbors/neighbor";
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
