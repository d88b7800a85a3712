package io.openvni.core.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Finds values that must be unique but have several holders. The holder with the lowest path keeps the value;
 * every other holder gets an error naming it, so each reuse is reported once with both owners.
 *
 * @param <K> the value, normalized so that equal values compare equal
 */
final class Reuse<K> {
    private record Holder(String path, String owner) {
    }

    private final Map<K, List<Holder>> holders = new HashMap<>();

    /**
     * Records a holder of a value.
     *
     * @param path the leaf holding the value, where an error is reported
     * @param owner the object owning that leaf, named in other holders' errors
     */
    void add(final K value, final String path, final String owner) {
        holders.computeIfAbsent(value, k -> new ArrayList<>()).add(new Holder(path, owner));
    }

    /**
     * Reports every holder but the first of each reused value.
     *
     * @param reason the reason, given the value and the owner that keeps it
     */
    void report(final ErrorSink sink, final BiFunction<K, String, String> reason) {
        for (var entry : holders.entrySet()) {
            final var list = entry.getValue();
            if (list.size() < 2) {
                continue;
            }
            list.sort(Comparator.comparing(Holder::path).thenComparing(Holder::owner));
            final var first = list.get(0);
            for (var holder : list.subList(1, list.size())) {
                // A duplicated owner (a repeated list key) is reported by the name checks, not as reuse.
                if (!holder.owner().equals(first.owner())) {
                    sink.add(holder.path(), reason.apply(entry.getKey(), first.owner()));
                }
            }
        }
    }
}
