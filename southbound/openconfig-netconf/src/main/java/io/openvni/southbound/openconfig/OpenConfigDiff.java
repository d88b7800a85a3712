package io.openvni.southbound.openconfig;

import io.openvni.southbound.spi.ChangeSet;
import java.util.ArrayList;
import io.openvni.core.render.openconfig.LeafNames;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;

/**
 * The change set between the owned entries a device has and the desired configuration, entry by entry: an entry
 * only the device has is deleted, an entry that differs (or is missing) is replaced whole, an equal entry is left
 * alone. Parents of owned entries are only merged as part of a replace. Pure and deterministic: changes come
 * in dependency order (see {@link #rank}), then by name.
 *
 * <p>Entries are compared as normalized nodes, whose equality ignores the order of children, of unordered lists
 * and of leaf-lists not ordered by user, and respects the order of user-ordered ones, as YANG defines.
 */
public final class OpenConfigDiff {
    private static final Comparator<OpenConfigChange> ORDER = Comparator
        .comparingInt(OpenConfigDiff::rank)
        .thenComparing(change -> change.entry().name());

    private OpenConfigDiff() {
        // static only
    }

    /**
     * The changes that turn the device's owned entries into the desired configuration.
     *
     * @param current the owned entries on the device
     * @param desired the desired configuration, in the device's schema
     * @return the changes, empty when the device is in sync
     */
    public static ChangeSet<OpenConfigChange> diff(final List<OwnedEntry> current, final LeafConfig desired) {
        final var wanted = OwnedEntries.of(desired);
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
        changes.sort(ORDER);
        return new ChangeSet<>(changes);
    }

    /**
     * Where a change goes in the edit order. Strict devices check references as each edit-config arrives, not only
     * at commit, so what others point at is written first and removed last: the VTEP connection point, then the
     * SVIs, then L3 instances (their IRB names the SVIs), then L2 instances (they name the connection point); removals
     * in the opposite order; BGP neighbors stand alone.
     */
    private static int rank(final OpenConfigChange change) {
        final boolean replace = change instanceof OpenConfigChange.Replace;
        final boolean l3 = change.entry().name().startsWith(LeafNames.INSTANCE_PREFIX + "l3-");
        return switch (change.entry().kind()) {
            case CONNECTION_POINT -> replace ? 0 : 7;
            case INTERFACE -> replace ? 1 : 6;
            case NETWORK_INSTANCE -> replace ? (l3 ? 2 : 3) : (l3 ? 5 : 4);
            case BGP_NEIGHBOR -> replace ? 8 : 9;
        };
    }
}
