package io.openvni.southbound.openconfig;

import io.openvni.core.render.openconfig.OwnedPaths;
import io.openvni.core.render.openconfig.OwnedPaths.KeyPrefix;
import io.openvni.core.render.openconfig.OwnedPaths.ListEntry;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
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
 * Finds the entries OpenVNI owns in a leaf switch's configuration, for every dialect. Which ones those are is decided
 * in one place, the core's {@link OwnedPaths} (the dialect's {@link LeafDialect#owned}: {@code OwnedPaths.of} for
 * OpenConfig, {@code SrlOwnedPaths.of} for SR Linux): this only walks the device's tree to the lists those paths
 * point into, names each entry there by its instance-identifier and keeps it if {@link OwnedPaths#owner()} says so.
 * A read owns what the desired and the last applied intent own ({@link OwnedPaths#union}), so an entry owned by name
 * that the intent drops is still found. Parents are matched by local name and key values as text (an identity by its
 * local name), so the device's module revisions do not matter; the entries of owned lists are keyed by names and
 * numbers, which name them as the owned paths do. Pure.
 */
public final class OwnedEntries {
    // A module-qualified identity in a path's predicate; addresses (digits or several colons) do not match.
    private static final Pattern IDENTITY = Pattern.compile("^[A-Za-z_][\\w.-]*:([A-Za-z_][\\w.-]*)$");

    /**
     * One step of an owned path.
     *
     * @param text the step as the path writes it, {@code /module:name[key='value']}
     * @param qualified the node's name as the path writes it, {@code module:name} or {@code name}
     * @param name the node's local name
     * @param keys for a list entry, its keys by local name
     */
    private record Step(String text, String qualified, String name, Map<String, String> keys) {
    }

    private final LeafDialect dialect;
    private final Predicate<String> owns;
    // entries of each list met, by key text: owned paths go through the same parents many times
    private final Map<MapNode, Map<String, MapEntryNode>> index = new IdentityHashMap<>();
    private final Map<YangInstanceIdentifier, OwnedEntry> result = new LinkedHashMap<>();

    private OwnedEntries(final LeafDialect dialect, final Predicate<String> owns) {
        this.dialect = dialect;
        this.owns = owns;
    }

    /**
     * The owned entries of a configuration.
     *
     * @param config a rendering or what a device has
     * @param owned what OpenVNI owns (for a rendering, its own intent's paths)
     * @param dialect the device's dialect, which names the entries
     * @return the entries, each once, list by list in the order the owned paths first name the lists
     */
    public static List<OwnedEntry> of(final LeafConfig config, final OwnedPaths owned, final LeafDialect dialect) {
        final var finder = new OwnedEntries(dialect, owned.owner());
        // each list once, however many owned nodes are in it
        final var lists = new LinkedHashMap<String, List<Step>>();
        for (var node : owned.nodes()) {
            final var steps = steps(switch (node) {
                case KeyPrefix prefix -> prefix.listPath();
                case ListEntry entry -> entry.path();
            });
            final var list = new StringBuilder();
            steps.subList(0, steps.size() - 1).forEach(step -> list.append(step.text()));
            list.append('/').append(steps.getLast().qualified());
            lists.putIfAbsent(list.toString(), steps);
        }
        lists.forEach((list, steps) -> finder.find(config, steps, list));
        return List.copyOf(finder.result.values());
    }

    // Walks to the list the steps end in and keeps its owned entries.
    private void find(final LeafConfig config, final List<Step> steps, final String listText) {
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
                if (last) {
                    for (var entry : list.body()) {
                        if (owns.test(listText + predicates(entry))) {
                            add(list, entry, path, parentKey);
                        }
                    }
                    return;
                }
                final var entry = indexed(list).get(predicateText(steps.get(i).keys()));
                if (entry == null) {
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
        entry.name().asMap().forEach((key, value) -> keys.put(key.getLocalName(), text(value)));
        return keys;
    }

    private static String text(final Object value) {
        return value instanceof QName identity ? identity.getLocalName() : String.valueOf(value);
    }

    // The entry's predicates as an owned path writes them, keys in the list's order: [k1='v1'][k2='v2'].
    private static String predicates(final MapEntryNode entry) {
        final var written = new StringBuilder();
        entry.name().asMap().forEach((key, value) -> written.append('[').append(key.getLocalName()).append("='")
            .append(text(value)).append("']"));
        return written.toString();
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
            steps.add(new Step(path.substring(i, end), qualified, qualified.substring(qualified.indexOf(':') + 1),
                keys));
            i = end;
        }
        return steps;
    }
}
