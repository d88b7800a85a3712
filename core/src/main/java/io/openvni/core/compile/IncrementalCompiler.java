package io.openvni.core.compile;

import io.openvni.core.allocation.AllocationProblem;
import io.openvni.core.allocation.Allocations;
import io.openvni.core.intent.Intent;
import io.openvni.core.intent.IntentPaths;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Compiles a new intent against the previous compile, recompiling only the devices the difference can touch:
 * devices that changed themselves, the devices of changed networks (before and after the change), the devices of
 * networks routed by changed VRFs, and the leaf switches of changed node routers. Generations are bumped only
 * where the resulting {@link DeviceIntent} differs; a device new to the compile continues from its
 * {@link KnownGenerations known} generation, if any. The intent must have passed validation. A device held for a
 * missing allocation ({@link HeldDevice}) is not compiled and keeps its previous desired configuration.
 */
public final class IncrementalCompiler {
    private IncrementalCompiler() {
        // static compiler
    }

    /** Compiles every device from scratch. */
    public static CompileResult compileAll(final Intent intent, final Allocations allocations) {
        return compile(CompiledFabric.EMPTY, intent, allocations);
    }

    /** Compiles {@code intent} against {@code previous}. */
    public static CompileResult compile(final CompiledFabric previous, final Intent intent,
            final Allocations allocations) {
        return compile(previous, intent, allocations, KnownGenerations.NONE, List.of());
    }

    /**
     * Compiles {@code intent} against {@code previous}; devices {@code previous} lacks take their generation from
     * {@code known}.
     */
    public static CompileResult compile(final CompiledFabric previous, final Intent intent,
            final Allocations allocations, final KnownGenerations known) {
        return compile(previous, intent, allocations, known, List.of());
    }

    /** Compiles {@code intent} against {@code previous}, holding the devices of owners left without a value. */
    public static CompileResult compile(final CompiledFabric previous, final Intent intent,
            final Allocations allocations, final List<AllocationProblem> problems) {
        return compile(previous, intent, allocations, KnownGenerations.NONE, problems);
    }

    /**
     * Compiles {@code intent} against {@code previous}; devices {@code previous} lacks take their generation from
     * {@code known}, and the devices that need an owner a persisted value could not be kept for are held.
     *
     * @param problems the persisted values the allocator could not keep; their owners have none in allocations
     */
    public static CompileResult compile(final CompiledFabric previous, final Intent intent,
            final Allocations allocations, final KnownGenerations known, final List<AllocationProblem> problems) {
        final var before = previous.index();
        final var after = new FabricIndex(intent, allocations, problems);
        final var affected = affectedDevices(before, after);
        final var held = after.held();

        final Map<String, DesiredConfig> devices = new HashMap<>(previous.devices());
        final Set<String> removed = new HashSet<>();
        devices.keySet().removeIf(name -> {
            final boolean gone = !after.devices().containsKey(name) && !held.containsKey(name);
            if (gone) {
                removed.add(name);
            }
            return gone;
        });

        final Set<String> changed = new HashSet<>();
        for (var name : affected) {
            final var device = after.devices().get(name);
            if (device == null || held.containsKey(name)) {
                continue;
            }
            final var intentNow = FabricCompiler.compile(after, device);
            final var old = devices.get(name);
            if (old == null || !old.intent().equals(intentNow)) {
                devices.put(name, new DesiredConfig(intentNow,
                    old == null ? known.firstGeneration(name, intentNow) : old.generation() + 1));
                changed.add(name);
            }
        }
        final Set<String> recompiled = new HashSet<>(affected);
        recompiled.retainAll(after.devices().keySet());
        recompiled.removeAll(held.keySet());
        return new CompileResult(new CompiledFabric(intent, allocations, after, devices), recompiled, changed,
            removed);
    }

    private static Set<String> affectedDevices(final FabricIndex before, final FabricIndex after) {
        if (!before.anycastGatewayMac().equals(after.anycastGatewayMac())) {
            return new HashSet<>(after.devices().keySet());
        }
        final Set<String> affected = new HashSet<>();
        forEachDifference(before.devices(), after.devices(), device -> {
            affected.add(device.name());
            affected.addAll(device.attachedLeafSwitches());
        });
        forEachDifference(before.networks(), after.networks(), network -> {
            before.placement(network).forEach(affected::add);
            after.placement(network).forEach(affected::add);
        });
        forEachDifference(before.vrfs(), after.vrfs(), vrf -> {
            final String path = IntentPaths.vrf(vrf.tenant(), vrf.name());
            for (var index : new FabricIndex[] { before, after }) {
                index.networks().values().stream()
                    .filter(network -> network.vrf() != null
                        && IntentPaths.vrf(network.tenant(), network.vrf()).equals(path))
                    .flatMap(index::placement)
                    .forEach(affected::add);
            }
        });
        return affected;
    }

    /** Calls {@code action} with the old and the new value of every key whose value differs. */
    private static <T> void forEachDifference(final Map<String, T> before, final Map<String, T> after,
            final Consumer<T> action) {
        final Set<String> keys = new HashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (var key : keys) {
            final T old = before.get(key);
            final T now = after.get(key);
            if (!Objects.equals(old, now)) {
                if (old != null) {
                    action.accept(old);
                }
                if (now != null) {
                    action.accept(now);
                }
            }
        }
    }
}
