package io.openvni.core.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.core.intent.Intent;
import io.openvni.core.validation.ValidationError;
import java.util.List;

/** Assertions on allocation outcomes shared by the allocator tests. */
final class AllocationTesting {
    private AllocationTesting() {
        // utility
    }

    static Allocations allocated(final Intent intent, final Allocations previous) {
        final var outcome = Allocator.allocate(intent, previous);
        if (outcome instanceof AllocationOutcome.Failed failed) {
            throw new AssertionError("allocation failed: " + failed.errors());
        }
        return assertInstanceOf(AllocationOutcome.Allocated.class, outcome).allocations();
    }

    static List<ValidationError> failed(final Intent intent, final Allocations previous) {
        return assertInstanceOf(AllocationOutcome.Failed.class, Allocator.allocate(intent, previous),
            "allocation should fail").errors();
    }

    /** Asserts an error with exactly this path whose reason contains every fragment. */
    static void assertError(final List<ValidationError> errors, final String path, final String... fragments) {
        assertTrue(errors.stream().anyMatch(e -> e.path().equals(path)
            && List.of(fragments).stream().allMatch(f -> e.reason().contains(f))),
            () -> "no error at " + path + " containing " + List.of(fragments) + " in " + errors);
    }

    static void assertValue(final Allocations allocations, final AllocationKind kind, final String owner,
            final String value) {
        assertEquals(value, allocations.get(kind, owner).orElse(null), () -> kind + " of " + owner);
    }
}
