package io.openvni.southbound.openconfig;

import io.openvni.core.render.openconfig.LeafNames;
import io.openvni.southbound.spi.ChangeSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;

/**
 * The change set between the owned entries a device has and the desired configuration, entry by entry, for every
 * dialect: an entry only the device has is deleted, an entry that differs (or is missing) is replaced whole, an
 * equal entry is left alone. Parents of owned entries are only merged as part of a replace. Pure and deterministic:
 * changes come in the dialect's dependency order ({@link LeafDialect#editOrder()}), then by name.
 *
 * <p>Entries are compared as normalized nodes, whose equality ignores the order of children, of unordered lists
 * and of leaf-lists not ordered by user, and respects the order of user-ordered ones, as YANG defines.
 */
public final class OpenConfigDiff {
    private OpenConfigDiff() {
        // static only
    }

    /**
     * The changes that turn the device's owned entries into the desired configuration.
     *
     * @param current the owned entries on the device
     * @param desired the desired configuration, in the device's schema
     * @param wanted the owned entries of {@code desired} ({@link OwnedEntries#of} with its own intent's paths)
     * @param dialect the device's dialect, for the edit order
     * @return the changes, empty when the device is in sync
     */
    public static ChangeSet<OpenConfigChange> diff(final List<OwnedEntry> current, final LeafConfig desired,
            final List<OwnedEntry> wanted, final LeafDialect dialect) {
        final var wantedPaths = new HashSet<YangInstanceIdentifier>();
        wanted.forEach(entry -> wantedPaths.add(entry.path()));
        final var present = new LinkedHashMap<YangInstanceIdentifier, OwnedEntry>();
        current.forEach(entry -> present.put(entry.path(), entry));

        final var changes = new ArrayList<OpenConfigChange>();
        for (var entry : present.values()) {
            if (!wantedPaths.contains(entry.path())) {
                changes.add(new OpenConfigChange.Delete(entry, EditTrees.keysOnly(entry.path())));
            }
        }
        for (var entry : wanted) {
            final var existing = present.get(entry.path());
            if (existing == null || !existing.data().equals(entry.data())) {
                final var top = entry.path().getPathArguments().getFirst();
                final var topNode = desired.tops().stream().filter(node -> node.name().equals(top)).findFirst()
                    .orElseThrow();
                changes.add(new OpenConfigChange.Replace(entry, EditTrees.replace(topNode, entry, wantedPaths)));
            }
        }
        final var order = dialect.editOrder();
        changes.sort(Comparator.<OpenConfigChange>comparingInt(change -> rank(change, order))
            .thenComparing(change -> change.entry().name()));
        return new ChangeSet<>(changes);
    }

    // Writes in the dialect's order, then removals in the opposite order, then kinds it does not order.
    private static int rank(final OpenConfigChange change, final List<String> order) {
        final boolean replace = change instanceof OpenConfigChange.Replace;
        final int position = order.indexOf(orderKind(change.entry()));
        if (position < 0) {
            return 2 * order.size() + (replace ? 0 : 1);
        }
        return replace ? position : 2 * order.size() - 1 - position;
    }

    private static String orderKind(final OwnedEntry entry) {
        if (!entry.kind().equals("network-instance")) {
            return entry.kind();
        }
        return entry.name().startsWith(LeafNames.INSTANCE_PREFIX + "l3-") ? "l3 network-instance"
            : "l2 network-instance";
    }
}
