package io.openvni.core.compile;

import static java.util.Objects.requireNonNull;

import io.openvni.core.allocation.Allocations;
import io.openvni.core.intent.Intent;
import java.util.List;
import java.util.Objects;

/**
 * What an intent puts on one device, placed exactly as the compiler places it: the networks (L2 VNIs) on the
 * device and the VRFs present there (those routing one of its networks).
 *
 * @param device the device's name
 * @param role leaf switch or node router
 * @param l2Vnis the networks placed on the device
 * @param vrfs the VRFs present on the device
 */
public record DeviceLoad(String device, DeviceRole role, int l2Vnis, int vrfs) {
    public DeviceLoad {
        requireNonNull(device);
        requireNonNull(role);
    }

    /**
     * The load of every device, sorted by name, without compiling their configurations.
     *
     * @param intent an intent that passed validation
     * @param allocations its allocations
     */
    public static List<DeviceLoad> of(final Intent intent, final Allocations allocations) {
        final var index = new FabricIndex(intent, allocations);
        return index.devices().values().stream()
            .map(device -> {
                final var placed = index.placedOn(device).toList();
                // as FabricCompiler: a VRF is present once per L3 VNI of the networks it routes there
                final int vrfs = (int) placed.stream().map(ResolvedNetwork::vrfVni).filter(Objects::nonNull)
                    .distinct().count();
                return new DeviceLoad(device.name(), device.role(), placed.size(), vrfs);
            })
            .toList();
    }
}
