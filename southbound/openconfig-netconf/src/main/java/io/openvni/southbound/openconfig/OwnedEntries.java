package io.openvni.southbound.openconfig;

import io.openvni.core.render.openconfig.OwnedPaths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * Finds the entries OpenVNI owns in a leaf switch's configuration. Which ones those are is decided in one place,
 * {@link OwnedPaths}: each list entry that may be OpenVNI's (network instances, connection points and BGP neighbors
 * of a network instance, interfaces) is named by its instance-identifier and kept if {@link OwnedPaths#owner()}
 * says so. Nodes are matched by local name within their parent's namespace, so the device's module revisions do
 * not matter. Pure.
 */
public final class OwnedEntries {
    private OwnedEntries() {
        // static only
    }

    /** An owned entry with the instance-identifier text {@link OwnedPaths} names it by. */
    private record Found(String ownedPath, OwnedEntry entry) {
    }

    /**
     * The owned entries of a configuration.
     *
     * @param config what a device has
     * @param owned what OpenVNI owns there (see {@link #namedIn})
     * @return the entries, in tree order
     */
    public static List<OwnedEntry> of(final LeafConfig config, final OwnedPaths owned) {
        return find(config, owned).stream().map(Found::entry).toList();
    }

    /** The owned entries of a rendering of OpenVNI's: all its SVIs and neighbors are OpenVNI's. */
    public static List<OwnedEntry> of(final LeafConfig rendering) {
        return of(rendering, OwnedPaths.inRendering());
    }

    /**
     * What OpenVNI owns on a device: the entries of some rendering (the desired one, the last applied one) name the
     * SVIs and BGP neighbors that are OpenVNI's.
     *
     * @param renderings renderings in the device's schema
     * @return what is owned, for {@link #of}
     */
    public static OwnedPaths namedIn(final Collection<LeafConfig> renderings) {
        final var paths = new ArrayList<String>();
        for (var rendering : renderings) {
            find(rendering, OwnedPaths.inRendering()).forEach(found -> paths.add(found.ownedPath()));
        }
        return OwnedPaths.named(paths);
    }

    private static List<Found> find(final LeafConfig config, final OwnedPaths owned) {
        final Predicate<String> owns = owned.owner();
        final var result = new ArrayList<Found>();
        final var instances = config.networkInstances();
        if (instances != null) {
            final var top = YangInstanceIdentifier.of(instances.name());
            for (var instance : entries(instances, "network-instance")) {
                final String name = key(instance, "name");
                final var instancePath = path(top, "network-instance", instance);
                final String ownedPath = OwnedPaths.networkInstance(name);
                if (owns.test(ownedPath)) {
                    result.add(new Found(ownedPath,
                        new OwnedEntry(OwnedEntry.Kind.NETWORK_INSTANCE, name, instancePath, instance)));
                } else {
                    insideInstance(name, instance, instancePath, owns, result);
                }
            }
        }
        final var interfaces = config.interfaces();
        if (interfaces != null) {
            final var top = YangInstanceIdentifier.of(interfaces.name());
            for (var entry : entries(interfaces, "interface")) {
                final String name = key(entry, "name");
                final String ownedPath = OwnedPaths.interfaceEntry(name);
                if (owns.test(ownedPath)) {
                    result.add(new Found(ownedPath,
                        new OwnedEntry(OwnedEntry.Kind.INTERFACE, name, path(top, "interface", entry), entry)));
                }
            }
        }
        return List.copyOf(result);
    }

    // The connection points and BGP neighbors of an instance OpenVNI does not own as a whole.
    private static void insideInstance(final String name, final MapEntryNode instance,
            final YangInstanceIdentifier instancePath, final Predicate<String> owns, final List<Found> result) {
        final var points = child(instance, "connection-points");
        if (points.isPresent()) {
            final var pointsPath = instancePath.node(points.orElseThrow().name());
            for (var point : entries(points.orElseThrow(), "connection-point")) {
                final String id = key(point, "connection-point-id");
                final String ownedPath = OwnedPaths.connectionPoint(name, id);
                if (owns.test(ownedPath)) {
                    result.add(new Found(ownedPath, new OwnedEntry(OwnedEntry.Kind.CONNECTION_POINT, id,
                        path(pointsPath, "connection-point", point), point)));
                }
            }
        }
        final var protocols = child(instance, "protocols");
        if (protocols.isEmpty()) {
            return;
        }
        final var protocolsPath = instancePath.node(protocols.orElseThrow().name());
        for (var protocol : entries(protocols.orElseThrow(), "protocol")) {
            final var identifier = identifier(protocol);
            final var bgp = child(protocol, "bgp");
            final var neighbors = bgp.flatMap(node -> child(node, "neighbors"));
            if (identifier.isEmpty() || neighbors.isEmpty()) {
                continue;
            }
            final String protocolName = key(protocol, "name");
            final var neighborsPath = path(protocolsPath, "protocol", protocol).node(bgp.orElseThrow().name())
                .node(neighbors.orElseThrow().name());
            for (var neighbor : entries(neighbors.orElseThrow(), "neighbor")) {
                final String address = key(neighbor, "neighbor-address");
                final String ownedPath = OwnedPaths.bgpNeighbor(name, identifier.orElseThrow(), protocolName, address);
                if (owns.test(ownedPath)) {
                    result.add(new Found(ownedPath, new OwnedEntry(OwnedEntry.Kind.BGP_NEIGHBOR, address,
                        path(neighborsPath, "neighbor", neighbor), neighbor)));
                }
            }
        }
    }

    // The protocol's identifier as OpenConfig renderings write it: an identity of openconfig-policy-types (whatever
    // module the device's schema puts it in; OpenVNI renders BGP).
    private static Optional<String> identifier(final MapEntryNode protocol) {
        for (var key : protocol.name().asMap().entrySet()) {
            if (key.getKey().getLocalName().equals("identifier") && key.getValue() instanceof QName identity) {
                return Optional.of("openconfig-policy-types:" + identity.getLocalName());
            }
        }
        return Optional.empty();
    }

    static Optional<DataContainerNode> child(final DataContainerNode parent, final String localName) {
        for (var child : parent.body()) {
            if (child instanceof DataContainerNode container && matches(parent, child, localName)) {
                return Optional.of(container);
            }
        }
        return Optional.empty();
    }

    private static List<MapEntryNode> entries(final DataContainerNode parent, final String list) {
        for (var child : parent.body()) {
            if (child instanceof MapNode map && matches(parent, child, list)) {
                return List.copyOf(map.body());
            }
        }
        return List.of();
    }

    private static boolean matches(final DataContainerNode parent, final NormalizedNode child,
            final String localName) {
        final var type = child.name().getNodeType();
        return type.getLocalName().equals(localName)
            && type.getNamespace().equals(parent.name().getNodeType().getNamespace());
    }

    // The entry's key leaf as text; keys OpenVNI matches on are strings or addresses.
    static String key(final MapEntryNode entry, final String keyName) {
        for (var key : entry.name().asMap().entrySet()) {
            if (key.getKey().getLocalName().equals(keyName)) {
                return String.valueOf(key.getValue());
            }
        }
        // Keys also appear as leaves of the entry; fall back to them for robustness against odd key encodings.
        for (var child : entry.body()) {
            if (child instanceof LeafNode<?> leaf && leaf.name().getNodeType().getLocalName().equals(keyName)) {
                return String.valueOf(leaf.body());
            }
        }
        throw new IllegalArgumentException("list entry " + entry.name() + " has no key " + keyName);
    }

    private static YangInstanceIdentifier path(final YangInstanceIdentifier parent, final String list,
            final MapEntryNode entry) {
        final var listId = NodeIdentifier.create(entry.name().getNodeType());
        if (!listId.getNodeType().getLocalName().equals(list)) {
            throw new IllegalArgumentException("expected an entry of " + list + ", got " + entry.name());
        }
        return parent.node(listId).node(entry.name());
    }
}
