package io.openvni.southbound.openconfig;

import io.openvni.core.render.openconfig.LeafNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * Finds the entries OpenVNI owns in a leaf switch's configuration (see
 * {@link io.openvni.core.render.openconfig.OwnedPaths}): network instances named {@code ovni-*}, the connection
 * point {@code ovni-vtep} of the default instance, SVIs and BGP neighbors. SVIs and neighbors are owned by name,
 * so the caller says which names are OpenVNI's. Nodes are matched by local name within their parent's namespace,
 * so the device's module revisions do not matter. Pure.
 */
public final class OwnedEntries {
    private OwnedEntries() {
        // static only
    }

    /**
     * The owned entries of a configuration.
     *
     * @param config a rendering or what a device has
     * @param ownedByName which SVI and neighbor entries are OpenVNI's (everything, for a rendering)
     * @return the entries, in tree order
     */
    public static List<OwnedEntry> of(final LeafConfig config, final Predicate<OwnedEntry> ownedByName) {
        final var result = new ArrayList<OwnedEntry>();
        final var instances = config.networkInstances();
        if (instances != null) {
            final var top = YangInstanceIdentifier.of(instances.name());
            for (var instance : entries(instances, "network-instance")) {
                final String name = key(instance, "name");
                final var instancePath = path(top, "network-instance", instance);
                if (name.startsWith(LeafNames.INSTANCE_PREFIX)) {
                    result.add(new OwnedEntry(OwnedEntry.Kind.NETWORK_INSTANCE, name, instancePath, instance));
                } else if (name.equals(LeafNames.DEFAULT_INSTANCE)) {
                    defaultInstance(instance, instancePath, ownedByName, result);
                }
            }
        }
        final var interfaces = config.interfaces();
        if (interfaces != null) {
            final var top = YangInstanceIdentifier.of(interfaces.name());
            for (var entry : entries(interfaces, "interface")) {
                final var owned = new OwnedEntry(OwnedEntry.Kind.INTERFACE, key(entry, "name"),
                    path(top, "interface", entry), entry);
                if (ownedByName.test(owned)) {
                    result.add(owned);
                }
            }
        }
        return List.copyOf(result);
    }

    private static void defaultInstance(final MapEntryNode instance, final YangInstanceIdentifier instancePath,
            final Predicate<OwnedEntry> ownedByName, final List<OwnedEntry> result) {
        final var points = child(instance, "connection-points");
        if (points.isPresent()) {
            final var pointsPath = instancePath.node(points.orElseThrow().name());
            for (var point : entries(points.orElseThrow(), "connection-point")) {
                final String id = key(point, "connection-point-id");
                if (id.equals(LeafNames.VTEP)) {
                    result.add(new OwnedEntry(OwnedEntry.Kind.CONNECTION_POINT, id,
                        path(pointsPath, "connection-point", point), point));
                }
            }
        }
        final var protocols = child(instance, "protocols");
        if (protocols.isEmpty()) {
            return;
        }
        final var protocolsPath = instancePath.node(protocols.orElseThrow().name());
        for (var protocol : entries(protocols.orElseThrow(), "protocol")) {
            if (!isBgp(protocol)) {
                continue;
            }
            final var protocolPath = path(protocolsPath, "protocol", protocol);
            final var bgp = child(protocol, "bgp");
            final var neighbors = bgp.flatMap(node -> child(node, "neighbors"));
            if (neighbors.isEmpty()) {
                continue;
            }
            final var neighborsPath = protocolPath.node(bgp.orElseThrow().name()).node(neighbors.orElseThrow().name());
            for (var neighbor : entries(neighbors.orElseThrow(), "neighbor")) {
                final var owned = new OwnedEntry(OwnedEntry.Kind.BGP_NEIGHBOR, key(neighbor, "neighbor-address"),
                    path(neighborsPath, "neighbor", neighbor), neighbor);
                if (ownedByName.test(owned)) {
                    result.add(owned);
                }
            }
        }
    }

    // The protocol entry OpenVNI renders: identifier BGP (an identity of openconfig-policy-types), name BGP.
    private static boolean isBgp(final MapEntryNode protocol) {
        return LeafNames.BGP.equals(key(protocol, "name"))
            && protocol.name().asMap().entrySet().stream()
                .anyMatch(key -> key.getKey().getLocalName().equals("identifier")
                    && key.getValue() instanceof org.opendaylight.yangtools.yang.common.QName identity
                    && identity.getLocalName().equals("BGP"));
    }

    /**
     * Which SVIs and BGP neighbors are OpenVNI's on a device: those some rendering (the desired one, the last
     * applied one) has.
     *
     * @param renderings renderings in the device's schema
     * @return a predicate for {@link #of}
     */
    public static Predicate<OwnedEntry> namedIn(final Collection<LeafConfig> renderings) {
        final var paths = new HashSet<YangInstanceIdentifier>();
        for (var rendering : renderings) {
            of(rendering, entry -> true).forEach(entry -> paths.add(entry.path()));
        }
        return entry -> paths.contains(entry.path());
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
