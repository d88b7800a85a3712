package io.openvni.core.allocation;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable table of allocations, keyed by kind and owner.
 */
public final class Allocations {
    public static final Allocations EMPTY = new Allocations(new EnumMap<>(AllocationKind.class));

    private static final Comparator<Allocation> ORDER = Comparator.comparing(Allocation::kind)
        .thenComparing(Allocation::owner);

    private final Map<AllocationKind, Map<String, String>> byKind;

    private Allocations(final Map<AllocationKind, Map<String, String>> byKind) {
        this.byKind = byKind;
    }

    public static Allocations of(final Collection<Allocation> allocations) {
        final var map = new EnumMap<AllocationKind, Map<String, String>>(AllocationKind.class);
        for (var allocation : allocations) {
            map.computeIfAbsent(allocation.kind(), k -> new TreeMap<>()).put(allocation.owner(), allocation.value());
        }
        map.replaceAll((kind, owners) -> Map.copyOf(owners));
        return new Allocations(map);
    }

    /** The value allocated to an owner, if any. */
    public Optional<String> get(final AllocationKind kind, final String owner) {
        requireNonNull(owner);
        return Optional.ofNullable(byKind.getOrDefault(kind, Map.of()).get(owner));
    }

    /** The allocated value as a number; the caller knows the kind is numeric. */
    public Optional<Long> getNumber(final AllocationKind kind, final String owner) {
        return get(kind, owner).map(Long::valueOf);
    }

    /** All allocations of one kind, owner to value. */
    public Map<String, String> ofKind(final AllocationKind kind) {
        return byKind.getOrDefault(kind, Map.of());
    }

    /** Every allocation, sorted by kind and owner. */
    public List<Allocation> all() {
        return byKind.entrySet().stream()
            .flatMap(e -> e.getValue().entrySet().stream().map(o -> new Allocation(e.getKey(), o.getKey(),
                o.getValue())))
            .sorted(ORDER)
            .toList();
    }

    public int size() {
        return byKind.values().stream().mapToInt(Map::size).sum();
    }

    @Override
    public boolean equals(final Object obj) {
        return obj == this || obj instanceof Allocations other && byKind.equals(other.byKind);
    }

    @Override
    public int hashCode() {
        return byKind.hashCode();
    }

    @Override
    public String toString() {
        return "Allocations" + all();
    }
}
