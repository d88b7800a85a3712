package io.openvni.core.validation;

import java.util.List;

/**
 * What an operator is told about a refused intent: the first errors in path order, each with its path and reason,
 * and how many more there are. A tenant of thousands of networks with one wrong value each has thousands of
 * errors; the answer (a RESTCONF error, a status message) stays short and quick to make whatever their number.
 *
 * @param listed the first errors, at most {@link #LISTED}
 * @param more how many errors follow them, not listed
 */
public record ValidationReport(List<ValidationError> listed, int more) {
    /** How many errors a report lists. */
    public static final int LISTED = 100;

    public ValidationReport {
        listed = List.copyOf(listed);
        if (more < 0) {
            throw new IllegalArgumentException("more must not be negative: " + more);
        }
    }

    /**
     * The report of errors as the validator gives them (sorted by path then reason): the first {@link #LISTED}.
     *
     * @param errors every error
     */
    public static ValidationReport of(final List<ValidationError> errors) {
        final int listed = Math.min(errors.size(), LISTED);
        return new ValidationReport(errors.subList(0, listed), errors.size() - listed);
    }

    /** How many errors there are, listed or not. */
    public int total() {
        return listed.size() + more;
    }

    /** The listed errors as {@code path: reason}, separated by "; ", then "; and K more" when some are left out. */
    public String message() {
        final var text = new StringBuilder();
        for (var error : listed) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(error);
        }
        if (more > 0) {
            text.append("; and ").append(more).append(" more");
        }
        return text.toString();
    }
}
