package io.openvni.core.validation;

import static java.util.Objects.requireNonNull;

/**
 * One reason the intent cannot be accepted.
 *
 * @param path the offending value, e.g. {@code /tenants/tenant[acme]/network[web]/gateway}
 * @param reason why, in one sentence
 */
public record ValidationError(String path, String reason) {
    public ValidationError {
        requireNonNull(path);
        requireNonNull(reason);
    }

    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
