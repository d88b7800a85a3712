package io.openvni.northbound.api;

import static java.util.Objects.requireNonNull;

import io.openvni.core.allocation.Allocations;
import io.openvni.core.compile.CompiledFabric;
import io.openvni.core.intent.Intent;
import io.openvni.core.status.DeviceStatus;
import java.time.Instant;
import java.util.Map;

/**
 * One consistent view of the controller's state after a processed change.
 *
 * @param compiled the compiled fabric: intent, allocations and every device's desired configuration
 * @param devices every device's standing, by name
 * @param processedAt when the change was processed
 * @param operational what was last read of devices' operational state, by name (devices whose driver reads it)
 */
public record FabricSnapshot(CompiledFabric compiled, Map<String, DeviceStatus> devices, Instant processedAt,
        Map<String, DeviceOperational> operational) {
    public static final FabricSnapshot EMPTY = new FabricSnapshot(CompiledFabric.EMPTY, Map.of(), Instant.EPOCH,
        Map.of());

    public FabricSnapshot {
        requireNonNull(compiled);
        devices = Map.copyOf(devices);
        requireNonNull(processedAt);
        operational = Map.copyOf(operational);
    }

    public Intent intent() {
        return compiled.intent();
    }

    public Allocations allocations() {
        return compiled.allocations();
    }
}
