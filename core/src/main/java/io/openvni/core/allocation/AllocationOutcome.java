package io.openvni.core.allocation;

import static java.util.Objects.requireNonNull;

import io.openvni.core.validation.ValidationError;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of {@link Allocator#allocate}: either every owner got its values, or the reasons some could not.
 */
public sealed interface AllocationOutcome {
    /**
     * Every owner that needs a value has one, except owners whose persisted value could not be kept.
     *
     * @param allocations the values in force
     * @param problems persisted values that could not be kept; their owners have no value in {@code allocations}
     */
    record Allocated(Allocations allocations, List<AllocationProblem> problems) implements AllocationOutcome {
        public Allocated {
            requireNonNull(allocations);
            problems = List.copyOf(problems);
        }

        /** Every owner got its value, nothing was reported. */
        public Allocated(final Allocations allocations) {
            this(allocations, List.of());
        }

        /**
         * The table to persist, replacing the previous one: the values in force, and the entries that could not be
         * kept as they were stored, so that the next allocation reports them again rather than renumbering.
         */
        public Allocations persisted() {
            if (problems.isEmpty()) {
                return allocations;
            }
            final var all = new ArrayList<>(allocations.all());
            problems.forEach(problem -> all.add(problem.entry()));
            return Allocations.of(all);
        }
    }

    /**
     * Some owner could not be given a value, or an explicit value collides with a stable allocation.
     *
     * @param errors the reasons, sorted by path
     */
    record Failed(List<ValidationError> errors) implements AllocationOutcome {
        public Failed {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("a failed allocation needs at least one error");
            }
        }
    }
}
