package io.openvni.northbound.api;

import static java.util.Objects.requireNonNull;

import io.openvni.core.allocation.Allocations;
import io.openvni.core.compile.CompiledFabric;
import io.openvni.core.intent.Intent;
import java.time.Instant;

/**
 * One consistent view of the controller's state after a processed change.
 *
 * @param compiled the compiled fabric: intent, allocations and every device's desired configuration
 * @param processedAt when the change was processed
 */
public record FabricSnapshot(CompiledFabric compiled, Instant processedAt) {
    public static final FabricSnapshot EMPTY = new FabricSnapshot(CompiledFabric.EMPTY, Instant.EPOCH);

    public FabricSnapshot {
        requireNonNull(compiled);
        requireNonNull(processedAt);
    }

    public Intent intent() {
        return compiled.intent();
    }

    public Allocations allocations() {
        return compiled.allocations();
    }
}
