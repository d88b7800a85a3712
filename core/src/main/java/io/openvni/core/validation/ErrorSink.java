package io.openvni.core.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects validation errors from all rules; hands them out sorted and without repeats so that the result does
 * not depend on the order rules run in or on the order of the intent's lists.
 */
final class ErrorSink {
    private static final Comparator<ValidationError> ORDER = Comparator.comparing(ValidationError::path)
        .thenComparing(ValidationError::reason);

    private final List<ValidationError> errors = new ArrayList<>();

    void add(final String path, final String reason) {
        errors.add(new ValidationError(path, reason));
    }

    void add(final ValidationError error) {
        errors.add(error);
    }

    List<ValidationError> sorted() {
        return errors.stream().distinct().sorted(ORDER).toList();
    }
}
