package io.openvni.core.allocation;

import io.openvni.core.validation.ValidationError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.LongFunction;

/**
 * One space of unique values (VNIs, VLANs, RD indexes or VTEP addresses) during one allocation run. Callers go
 * through three phases in order: {@link #keep} previous allocations, {@link #reserve} explicit values, then
 * {@link #allocate} new ones, so that stable values win over explicit ones and new ones never collide.
 */
final class ValueSpace {
    // value -> owner that kept it from the previous allocations, to name it when an explicit value collides
    private final Map<Long, String> holders = new HashMap<>();
    private final Set<String> keptOwners = new HashSet<>();
    private final Set<Long> used = new HashSet<>();
    private final LongFunction<String> format;
    private final List<Allocation> allocations;
    private final List<ValidationError> errors;

    ValueSpace(final LongFunction<String> format, final List<Allocation> allocations,
            final List<ValidationError> errors) {
        this.format = format;
        this.allocations = allocations;
        this.errors = errors;
    }

    /**
     * Keeps an owner's previous value, unless it is absent or another owner kept it already (only possible with
     * a corrupt previous table).
     */
    void keep(final AllocationKind kind, final String owner, final OptionalLong previous) {
        if (previous.isEmpty() || keptOwners.contains(owner)) {
            return;
        }
        final long value = previous.getAsLong();
        if (holders.putIfAbsent(value, owner) == null) {
            used.add(value);
            keptOwners.add(owner);
            allocations.add(new Allocation(kind, owner, format.apply(value)));
        }
    }

    /** Reserves an explicit value; if an owner kept it, that owner keeps it and the explicit value is an error. */
    void reserve(final long value, final String path, final String what) {
        final var holder = holders.get(value);
        if (holder != null) {
            errors.add(new ValidationError(path, what + " is already allocated to " + holder
                + "; allocated values stay with their owner, so choose another value"));
        }
        used.add(value);
    }

    /** Makes a value unavailable for allocation without it being an explicit value of this space. */
    void block(final long value) {
        used.add(value);
    }

    boolean isKept(final String owner) {
        return keptOwners.contains(owner);
    }

    /** A source of the lowest free values of {@code first..last}; sources of one space never repeat a value. */
    LowestFree source(final long first, final long last) {
        return new LowestFree(first, last, used);
    }

    /**
     * Gives each owner that kept nothing the lowest free value of a source, in the order given. Owners left
     * without one get an error each, at their claim's path; the reason is made once, knowing how many they are.
     *
     * @param exhausted the reason, given the number of owners left without a value
     */
    void allocate(final AllocationKind kind, final List<Claim> claims, final LowestFree source,
            final IntFunction<String> exhausted) {
        final var unserved = new ArrayList<Claim>();
        for (var claim : claims) {
            if (keptOwners.contains(claim.owner())) {
                continue;
            }
            final var value = source.next();
            if (value.isPresent()) {
                allocations.add(new Allocation(kind, claim.owner(), format.apply(value.getAsLong())));
            } else {
                unserved.add(claim);
            }
        }
        if (!unserved.isEmpty()) {
            final var reason = exhausted.apply(unserved.size());
            unserved.forEach(claim -> errors.add(new ValidationError(claim.errorPath(), reason)));
        }
    }

    /**
     * An owner that needs a value of this space unless it kept one.
     *
     * @param owner the owner's path, see {@link io.openvni.core.intent.IntentPaths}
     * @param errorPath where an error is reported when no value is left for it
     */
    record Claim(String owner, String errorPath) {
    }

    /** A previous numeric allocation, if present, well-formed and within {@code 1..max}. */
    static OptionalLong previousNumber(final Allocations previous, final AllocationKind kind, final String owner,
            final long max) {
        final var text = previous.get(kind, owner);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            final long value = Long.parseLong(text.orElseThrow());
            return value >= 1 && value <= max ? OptionalLong.of(value) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            // A corrupt entry is dropped and the owner gets a fresh value.
            return OptionalLong.empty();
        }
    }
}
