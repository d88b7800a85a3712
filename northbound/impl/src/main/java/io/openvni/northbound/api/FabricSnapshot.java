package io.openvni.northbound.api;

import static java.util.Objects.requireNonNull;

import io.openvni.core.allocation.Allocations;
import io.openvni.core.compile.CompiledFabric;
import io.openvni.core.intent.Intent;
import io.openvni.core.status.DeviceStatus;
import io.openvni.core.status.PassProgress;
import java.util.Map;

/**
 * One consistent view of the controller's state: the last processed change and what devices reported since.
 * {@link ControllerStatus#processedAt()} says when the change was processed.
 *
 * @param compiled the compiled fabric: intent, allocations and every device's desired configuration
 * @param devices every compiled device's standing, by name
 * @param operational what was last read of devices' operational state, by name (devices whose driver reads it)
 * @param progress where the passes running on devices stand, by name (only devices a pass runs on)
 * @param controller the controller's own standing
 */
public record FabricSnapshot(CompiledFabric compiled, Map<String, DeviceStatus> devices,
        Map<String, DeviceOperational> operational, Map<String, PassProgress> progress, ControllerStatus controller) {
    public static final FabricSnapshot EMPTY = new FabricSnapshot(CompiledFabric.EMPTY, Map.of(), Map.of(), Map.of(),
        ControllerStatus.INITIAL);

    public FabricSnapshot {
        requireNonNull(compiled);
        devices = Map.copyOf(devices);
        operational = Map.copyOf(operational);
        progress = Map.copyOf(progress);
        requireNonNull(controller);
    }

    public Intent intent() {
        return compiled.intent();
    }

    public Allocations allocations() {
        return compiled.allocations();
    }
}
