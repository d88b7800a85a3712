package io.openvni.southbound.openconfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.UserMapNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;

/**
 * Builds the trees an {@code edit-config} sends: one per owned entry, and their union for an edit that carries
 * several entries. Pure.
 */
final class EditTrees {
    private EditTrees() {
        // static only
    }

    /**
     * The desired entry under its parents from the desired tree. Each parent keeps what does not lead to owned
     * entries (its keys, its {@code config}, BGP's {@code global}), so that merging it creates a missing parent
     * whole, and drops what does (other owned entries are separate changes).
     *
     * @param top the desired top-level node (container or list) the entry is in
     * @param target the desired entry
     * @param owned the paths of every owned entry of the desired tree
     * @return the edit tree
     */
    static DataContainerChild replace(final DataContainerChild top, final OwnedEntry target,
            final Set<YangInstanceIdentifier> owned) {
        final var args = target.path().getPathArguments();
        checkTop(top, args);
        return onPath(top, YangInstanceIdentifier.of(top.name()), args, 0, target.data(), owned);
    }

    /**
     * The entry's keys under its parents' keys: all a {@code remove} needs.
     *
     * @param path the entry's path
     * @return the edit tree
     */
    static DataContainerChild keysOnly(final YangInstanceIdentifier path) {
        return keys(path.getPathArguments(), 0);
    }

    /**
     * One tree holding every given edit tree: parents they share appear once, with the union of their children.
     * Linear in the size of the trees: children are grouped by name, and a subtree only one tree has is taken
     * as it is.
     *
     * @param trees edit trees of the same top-level node, none of whose targets lies inside another's
     * @return the union
     * @throws IllegalArgumentException if the trees are of different top-level nodes, or give one leaf two values
     */
    static DataContainerChild union(final List<DataContainerChild> trees) {
        if (trees.isEmpty()) {
            throw new IllegalArgumentException("no edit trees");
        }
        return (DataContainerChild) union(trees.getFirst().name(), trees);
    }

    private static NormalizedNode union(final PathArgument name, final List<? extends NormalizedNode> same) {
        final var first = same.getFirst();
        if (same.size() == 1) {
            return first;
        }
        return switch (first) {
            case MapNode map -> {
                final var entries = new LinkedHashMap<PathArgument, List<NormalizedNode>>();
                for (var node : same) {
                    for (var entry : as(MapNode.class, node, name).body()) {
                        entries.computeIfAbsent(entry.name(), key -> new ArrayList<>()).add(entry);
                    }
                }
                final var builder = map instanceof UserMapNode
                    ? ImmutableNodes.newUserMapBuilder().withNodeIdentifier(map.name())
                    : ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(map.name());
                entries.forEach((key, group) -> builder.withChild((MapEntryNode) union(key, group)));
                yield builder.build();
            }
            case DataContainerNode container -> {
                final var children = new LinkedHashMap<PathArgument, List<NormalizedNode>>();
                for (var node : same) {
                    for (var child : as(DataContainerNode.class, node, name).body()) {
                        children.computeIfAbsent(child.name(), key -> new ArrayList<>()).add(child);
                    }
                }
                final var merged = new ArrayList<DataContainerChild>(children.size());
                children.forEach((key, group) -> merged.add((DataContainerChild) union(key, group)));
                yield switch (container) {
                    case ContainerNode node -> ImmutableNodes.newContainerBuilder().withNodeIdentifier(node.name())
                        .withValue(merged).build();
                    case MapEntryNode node -> ImmutableNodes.newMapEntryBuilder().withNodeIdentifier(node.name())
                        .withValue(merged).build();
                    case ChoiceNode node -> ImmutableNodes.newChoiceBuilder().withNodeIdentifier(node.name())
                        .withValue(merged).build();
                    default -> throw new IllegalArgumentException("cannot merge " + container.getClass().getName()
                        + " at " + name);
                };
            }
            // leaves and leaf-lists of shared parents: copies of the same desired node
            default -> {
                for (var node : same) {
                    if (!node.equals(first)) {
                        throw new IllegalArgumentException("edit trees disagree at " + name + ": " + first.body()
                            + " and " + node.body());
                    }
                }
                yield first;
            }
        };
    }

    private static <T extends NormalizedNode> T as(final Class<T> type, final NormalizedNode node,
            final PathArgument name) {
        if (!type.isInstance(node)) {
            throw new IllegalArgumentException("edit trees disagree on the kind of node at " + name);
        }
        return type.cast(node);
    }

    private static DataContainerNode scaffold(final DataContainerNode node, final YangInstanceIdentifier here,
            final List<PathArgument> args, final int index, final MapEntryNode target,
            final Set<YangInstanceIdentifier> owned) {
        final var next = args.get(index);
        final var builder = node instanceof MapEntryNode entry
            ? ImmutableNodes.newMapEntryBuilder().withNodeIdentifier(entry.name())
            : ImmutableNodes.newContainerBuilder().withNodeIdentifier((NodeIdentifier) node.name());
        for (var child : node.body()) {
            final var childPath = here.node(child.name());
            if (child.name().equals(next)) {
                builder.withChild(onPath(child, childPath, args, index, target, owned));
            } else if (!leadsToOwned(childPath, owned)) {
                builder.withChild(child);
            }
        }
        return builder.build();
    }

    private static DataContainerChild onPath(final DataContainerChild child, final YangInstanceIdentifier childPath,
            final List<PathArgument> args, final int index, final MapEntryNode target,
            final Set<YangInstanceIdentifier> owned) {
        if (child instanceof MapNode map) {
            final var entryArg = (NodeIdentifierWithPredicates) args.get(index + 1);
            final MapEntryNode entry;
            if (index + 1 == args.size() - 1) {
                entry = target;
            } else {
                final var parent = map.childByArg(entryArg);
                if (parent == null) {
                    throw new IllegalArgumentException("desired tree lacks " + entryArg);
                }
                entry = (MapEntryNode) scaffold(parent, childPath.node(entryArg), args, index + 2, target, owned);
            }
            return map instanceof UserMapNode
                ? ImmutableNodes.newUserMapBuilder().withNodeIdentifier(map.name()).withChild(entry).build()
                : ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(map.name()).withChild(entry).build();
        }
        if (child instanceof DataContainerNode container) {
            return (DataContainerChild) scaffold(container, childPath, args, index + 1, target, owned);
        }
        throw new IllegalArgumentException("unexpected node on the path to an owned entry: " + child.name());
    }

    private static boolean leadsToOwned(final YangInstanceIdentifier path, final Set<YangInstanceIdentifier> owned) {
        final var prefix = path.getPathArguments();
        for (var entry : owned) {
            final var args = entry.getPathArguments();
            if (args.size() >= prefix.size() && args.subList(0, prefix.size()).equals(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static DataContainerChild keys(final List<PathArgument> args, final int index) {
        final var arg = args.get(index);
        if (index + 1 < args.size() && args.get(index + 1) instanceof NodeIdentifierWithPredicates entryArg) {
            // A list: its single entry with the key leaves, then the rest of the path inside it.
            final var entry = ImmutableNodes.newMapEntryBuilder().withNodeIdentifier(entryArg);
            entryArg.asMap().forEach((key, value) -> entry.withChild(ImmutableNodes.leafNode(key, value)));
            if (index + 2 < args.size()) {
                entry.withChild(keys(args, index + 2));
            }
            return ImmutableNodes.newSystemMapBuilder().withNodeIdentifier((NodeIdentifier) arg)
                .withChild(entry.build()).build();
        }
        final var container = ImmutableNodes.newContainerBuilder().withNodeIdentifier((NodeIdentifier) arg);
        if (index + 1 < args.size()) {
            container.withChild(keys(args, index + 1));
        }
        return container.build();
    }

    private static void checkTop(final DataContainerChild top, final List<PathArgument> args) {
        if (args.size() < 2 || !top.name().equals(args.get(0))) {
            throw new IllegalArgumentException("entry " + args + " is not under " + top.name());
        }
    }
}
