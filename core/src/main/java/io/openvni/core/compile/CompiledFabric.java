package io.openvni.core.compile;

import static java.util.Objects.requireNonNull;

import io.openvni.core.allocation.AllocationProblem;
import io.openvni.core.allocation.Allocations;
import io.openvni.core.intent.Intent;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of compiling an intent: the desired configuration of every device, plus what the next incremental
 * compile needs to find which devices a change touches.
 */
public final class CompiledFabric {
    /** Nothing compiled yet: no devices. */
    public static final CompiledFabric EMPTY = new CompiledFabric(Intent.EMPTY, Allocations.EMPTY,
        new FabricIndex(Intent.EMPTY, Allocations.EMPTY), Map.of());

    private final Intent intent;
    private final Allocations allocations;
    private final FabricIndex index;
    private final Map<String, DesiredConfig> devices;

    CompiledFabric(final Intent intent, final Allocations allocations, final FabricIndex index,
            final Map<String, DesiredConfig> devices) {
        this.intent = requireNonNull(intent);
        this.allocations = requireNonNull(allocations);
        this.index = requireNonNull(index);
        this.devices = Map.copyOf(devices);
    }

    public Intent intent() {
        return intent;
    }

    public Allocations allocations() {
        return allocations;
    }

    /** Every device's desired configuration, by device name. */
    public Map<String, DesiredConfig> devices() {
        return devices;
    }

    /** Devices not compiled for a missing allocation, by name; each keeps its previous desired configuration. */
    public Map<String, HeldDevice> held() {
        return index.held();
    }

    /** Persisted allocations that could not be kept, reported; their owners have no value in allocations. */
    public List<AllocationProblem> allocationProblems() {
        return index.problems();
    }

    public Optional<DesiredConfig> device(final String name) {
        return Optional.ofNullable(devices.get(name));
    }

    FabricIndex index() {
        return index;
    }
}
