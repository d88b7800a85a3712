package io.openvni.core.allocation;

import static java.util.Objects.requireNonNull;

/**
 * One allocated value.
 *
 * @param kind what was allocated
 * @param owner path of the owner, see {@link io.openvni.core.intent.IntentPaths}
 * @param value the value as text (a number, or an IPv4 address for {@link AllocationKind#VTEP})
 */
public record Allocation(AllocationKind kind, String owner, String value) {
    public Allocation {
        requireNonNull(kind);
        requireNonNull(owner);
        requireNonNull(value);
    }
}
