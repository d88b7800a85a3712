package io.openvni.core.intent;

import static java.util.Objects.requireNonNull;

/**
 * A credential. Its {@link #toString()} never shows the value, so records holding one can be logged safely.
 */
public record Secret(String value) {
    public Secret {
        requireNonNull(value);
    }

    @Override
    public String toString() {
        return "***";
    }
}
