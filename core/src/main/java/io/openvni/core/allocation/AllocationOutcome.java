package io.openvni.core.allocation;

import static java.util.Objects.requireNonNull;

import io.openvni.core.validation.ValidationError;
import java.util.List;

/**
 * The result of {@link Allocator#allocate}: either every owner got its values, or the reasons some could not.
 */
public sealed interface AllocationOutcome {
    /**
     * Every owner that needs a value has one.
     *
     * @param allocations the complete table to persist; it replaces the previous one
     */
    record Allocated(Allocations allocations) implements AllocationOutcome {
        public Allocated {
            requireNonNull(allocations);
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
