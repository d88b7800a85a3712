package io.openvni.core.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.core.allocation.Allocations;
import io.openvni.core.intent.Intent;
import io.openvni.core.testing.IntentFixtures;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One row of a table-driven rule test: a change to the valid sample intent and an error it must cause.
 *
 * @param name what the row shows
 * @param change the change applied to {@link IntentFixtures#sample()}
 * @param path the exact path of the expected error
 * @param fragments parts the reason must contain
 */
record RuleCase(String name, UnaryOperator<Intent> change, String path, List<String> fragments) {
    static RuleCase of(final String name, final UnaryOperator<Intent> change, final String path,
            final String... fragments) {
        return new RuleCase(name, change, path, List.of(fragments));
    }

    /** Validates the changed sample with nothing allocated before and asserts the expected error. */
    void verify() {
        final var errors = IntentValidator.validate(change.apply(IntentFixtures.sample()), Allocations.EMPTY);
        assertError(errors, path, fragments);
    }

    static void assertError(final List<ValidationError> errors, final String path, final List<String> fragments) {
        assertTrue(errors.stream().anyMatch(e -> e.path().equals(path)
            && fragments.stream().allMatch(f -> e.reason().contains(f))),
            () -> "no error at " + path + " containing " + fragments + " in:\n" + String.join("\n",
                errors.stream().map(Object::toString).toList()));
    }

    @Override
    public String toString() {
        return name;
    }
}
