package io.openvni.core.allocation;

import io.openvni.core.validation.ValidationError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.LongFunction;

/**
 * One space of unique values (VNIs, VLANs, RD indexes or VTEP addresses) during one allocation run. Callers go
 * through three phases in order: {@link #keep} previous allocations, {@link #reserve} explicit values, then
 * {@link #allocate} new ones, so that stable values win over explicit ones and new ones never collide.
 */
final class ValueSpace {
    /**
     * Reads a persisted value.
     */
    @FunctionalInterface
    interface Parser {
        /**
         * The value of a persisted text.
         *
         * @throws IllegalArgumentException if the text is no usable value; its message says why, completing
         *         "its persisted l2-vni 'x' ..."
         */
        long parse(String text);
    }

    // value -> owner that kept it from the previous allocations, to name it when an explicit value collides
    private final Map<Long, String> holders = new HashMap<>();
    // owners that kept their value, or whose unusable value was reported: neither gets a new one
    private final Set<String> settledOwners = new HashSet<>();
    private final Set<Long> used = new HashSet<>();
    private final LongFunction<String> format;
    private final Results results;

    ValueSpace(final LongFunction<String> format, final Results results) {
        this.format = format;
        this.results = results;
    }

    /**
     * What a run produces, shared by its value spaces.
     *
     * @param allocations the values in force
     * @param errors what prevents the allocation
     * @param problems persisted values that could not be kept, reported
     */
    record Results(List<Allocation> allocations, List<ValidationError> errors, List<AllocationProblem> problems) {
        Results() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    /**
     * Keeps an owner's persisted value. A value that does not parse, or that another owner (earlier in order)
     * keeps already, is a corrupt table: it is reported and the owner gets no value at all, since a fresh one would
     * silently renumber what its devices run.
     */
    void keep(final AllocationKind kind, final String owner, final Optional<String> stored, final Parser parser) {
        if (stored.isEmpty() || settledOwners.contains(owner)) {
            return;
        }
        final var text = stored.orElseThrow();
        settledOwners.add(owner);
        final long value;
        try {
            value = parser.parse(text);
        } catch (IllegalArgumentException e) {
            results.problems().add(new AllocationProblem(kind, owner, text, e.getMessage()));
            return;
        }
        final var holder = holders.putIfAbsent(value, owner);
        if (holder != null) {
            results.problems().add(new AllocationProblem(kind, owner, text, "is the value of " + holder
                + " too, which keeps it"));
            return;
        }
        used.add(value);
        results.allocations().add(new Allocation(kind, owner, format.apply(value)));
    }

    /** Reserves an explicit value; if an owner kept it, that owner keeps it and the explicit value is an error. */
    void reserve(final long value, final String path, final String what) {
        final var holder = holders.get(value);
        if (holder != null) {
            results.errors().add(new ValidationError(path, what + " is already allocated to " + holder
                + "; allocated values stay with their owner, so choose another value"));
        }
        used.add(value);
    }

    /** Makes a value unavailable for allocation without it being an explicit value of this space. */
    void block(final long value) {
        used.add(value);
    }

    /** Whether an owner kept its value or had an unusable one reported: it gets no new value either way. */
    boolean isSettled(final String owner) {
        return settledOwners.contains(owner);
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
            if (settledOwners.contains(claim.owner())) {
                continue;
            }
            final var value = source.next();
            if (value.isPresent()) {
                results.allocations().add(new Allocation(kind, claim.owner(), format.apply(value.getAsLong())));
            } else {
                unserved.add(claim);
            }
        }
        if (!unserved.isEmpty()) {
            final var reason = exhausted.apply(unserved.size());
            unserved.forEach(claim -> results.errors().add(new ValidationError(claim.errorPath(), reason)));
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

    /** Reads a persisted number of {@code 1..max}. */
    static Parser number(final long max) {
        return text -> {
            final long value;
            try {
                value = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("is not a number", e);
            }
            if (value < 1 || value > max) {
                throw new IllegalArgumentException("is outside 1.." + max + ", the values it can take");
            }
            return value;
        };
    }
}
