package io.openvni.southbound.openconfig;

import io.openvni.core.render.openconfig.OwnedPaths;
import io.openvni.core.render.openconfig.OwnedPaths.KeyPrefix;
import io.openvni.core.render.openconfig.OwnedPaths.ListEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;

/**
 * Finds the entries OpenVNI owns in a leaf switch's configuration, as the dialect's owned paths (computed by the
 * core from the intent: {@link OwnedPaths}, {@code SrlOwnedPaths}) say: every entry of a list whose key has a prefix,
 * and single entries by their keys. Entries owned by name (SVIs, neighbors, subinterfaces, VXLAN interfaces) are
 * OpenVNI's when some intent the device had or is to have names them, so a read matches the union of the desired
 * and the last applied intent's paths ({@link #union}). Nodes are matched by local name and key values as text
 * (an identity by its local name), so the device's module revisions do not matter. Pure.
 */
public final class OwnedEntries {
    // A module-qualified identity in a path's predicate; addresses (digits or several colons) do not match.
    private static final Pattern IDENTITY = Pattern.compile("^[A-Za-z_][\\w.-]*:([A-Za-z_][\\w.-]*)$");

    /** One step of an owned path: a node's local name and, for a list entry, its keys by local name. */
    private record Step(String name, Map<String, String> keys) {
    }

    private final LeafDialect dialect;
    // entries of each list met, by key text: owned paths name thousands of entries of the same lists
    private final Map<MapNode, Map<String, MapEntryNode>> index = new IdentityHashMap<>();
    private final Map<YangInstanceIdentifier, OwnedEntry> result = new LinkedHashMap<>();

    private OwnedEntries(final LeafDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * The owned entries of a configuration.
     *
     * @param config a rendering or what a device has
     * @param owned what OpenVNI owns (for a rendering, its own intent's paths)
     * @param dialect the device's dialect, which names the entries
     * @return the entries, each once, in the order of the owned paths
     */
    public static List<OwnedEntry> of(final LeafConfig config, final OwnedPaths owned, final LeafDialect dialect) {
        final var finder = new OwnedEntries(dialect);
        for (var node : owned.nodes()) {
            switch (node) {
                case KeyPrefix prefix -> finder.find(config, steps(prefix.listPath()), prefix);
                case ListEntry entry -> finder.find(config, steps(entry.path()), null);
            }
        }
        return List.copyOf(finder.result.values());
    }

    /**
     * Everything several intents own.
     *
     * @param owned each intent's owned paths
     * @return their union
     */
    public static OwnedPaths union(final Collection<OwnedPaths> owned) {
        return new OwnedPaths(owned.stream().flatMap(paths -> paths.nodes().stream()).distinct().toList());
    }

    private void find(final LeafConfig config, final List<Step> steps, final @Nullable KeyPrefix prefix) {
        DataContainerChild node = null;
        for (var top : config.tops()) {
            if (top.name().getNodeType().getLocalName().equals(steps.getFirst().name())) {
                node = top;
            }
        }
        if (node == null) {
            return;
        }
        var path = YangInstanceIdentifier.of(node.name());
        String parentKey = "";
        for (int i = 0; ; i++) {
            final boolean last = i == steps.size() - 1;
            final DataContainerNode inside;
            if (node instanceof MapNode list) {
                if (last && prefix != null) {
                    for (var entry : list.body()) {
                        if (keyText(entry, prefix.key()).startsWith(prefix.prefix())) {
                            add(list, entry, path, parentKey);
                        }
                    }
                    return;
                }
                final var entry = indexed(list).get(predicateText(steps.get(i).keys()));
                if (entry == null) {
                    return;
                }
                if (last) {
                    add(list, entry, path, parentKey);
                    return;
                }
                path = path.node(entry.name());
                parentKey = keysText(entry);
                inside = entry;
            } else if (!last && node instanceof DataContainerNode container) {
                inside = container;
            } else {
                return;
            }
            final var next = child(inside, path, steps.get(i + 1).name());
            if (next == null) {
                return;
            }
            node = next.node();
            path = next.path();
        }
    }

    private void add(final MapNode list, final MapEntryNode entry, final YangInstanceIdentifier listPath,
            final String parentKey) {
        final var path = listPath.node(entry.name());
        final var description = dialect.describe(list.name().getNodeType().getLocalName(), keysText(entry),
            parentKey);
        result.putIfAbsent(path, new OwnedEntry(description.kind(), description.name(), path, entry));
    }

    /** A child found by local name, and its path. */
    private record Found(DataContainerChild node, YangInstanceIdentifier path) {
    }

    // Looks through choices, whose nodes are in the instance path but not in owned paths.
    private static @Nullable Found child(final DataContainerNode parent, final YangInstanceIdentifier path,
            final String localName) {
        for (var child : parent.body()) {
            if (child.name().getNodeType().getLocalName().equals(localName) && !(child instanceof ChoiceNode)) {
                return new Found(child, path.node(child.name()));
            }
            if (child instanceof ChoiceNode choice) {
                final var inside = child(choice, path.node(choice.name()), localName);
                if (inside != null) {
                    return inside;
                }
            }
        }
        return null;
    }

    private Map<String, MapEntryNode> indexed(final MapNode list) {
        return index.computeIfAbsent(list, unused -> {
            final var byKey = new LinkedHashMap<String, MapEntryNode>();
            list.body().forEach(entry -> byKey.put(predicateText(keys(entry)), entry));
            return byKey;
        });
    }

    // The entry's keys by local name, values as text (an identity by its local name).
    private static Map<String, String> keys(final MapEntryNode entry) {
        final var keys = new TreeMap<String, String>();
        entry.name().asMap().forEach((key, value) -> keys.put(key.getLocalName(),
            value instanceof QName identity ? identity.getLocalName() : String.valueOf(value)));
        return keys;
    }

    private static String keyText(final MapEntryNode entry, final String key) {
        final var value = keys(entry).get(key);
        if (value == null) {
            throw new IllegalArgumentException("list entry " + entry.name() + " has no key " + key);
        }
        return value;
    }

    private static String keysText(final MapEntryNode entry) {
        return String.join(",", keys(entry).values());
    }

    private static String predicateText(final Map<String, String> keys) {
        return new TreeMap<>(keys).entrySet().stream()
            .map(key -> key.getKey() + "=" + identityLocalName(key.getValue()))
            .collect(Collectors.joining("|"));
    }

    private static String identityLocalName(final String value) {
        final var matcher = IDENTITY.matcher(value);
        return matcher.matches() ? matcher.group(1) : value;
    }

    /** The steps of an RFC 7951 instance-identifier as the owned paths write it: {@code /m:a/b[k='v']/c}. */
    static List<Step> steps(final String path) {
        final var steps = new ArrayList<Step>();
        int i = 0;
        while (i < path.length()) {
            if (path.charAt(i) != '/') {
                throw new IllegalArgumentException("bad owned path " + path + " at " + i);
            }
            int end = i + 1;
            while (end < path.length() && path.charAt(end) != '/' && path.charAt(end) != '[') {
                end++;
            }
            final String qualified = path.substring(i + 1, end);
            final var keys = new LinkedHashMap<String, String>();
            while (end < path.length() && path.charAt(end) == '[') {
                final int equals = path.indexOf("='", end);
                final int close = path.indexOf("']", equals);
                if (equals < 0 || close < 0) {
                    throw new IllegalArgumentException("bad predicate in owned path " + path);
                }
                keys.put(path.substring(end + 1, equals), path.substring(equals + 2, close));
                end = close + 2;
            }
            steps.add(new Step(qualified.substring(qualified.indexOf(':') + 1), keys));
            i = end;
        }
        return steps;
    }
}
