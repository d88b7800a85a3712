package io.openvni.northbound.rpc;

import io.openvni.northbound.api.FabricService;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.types.rev261126.DeviceName;

/**
 * The {@code device} input of the operations that act on devices: one device, or all when absent.
 */
final class DeviceSelection {
    private DeviceSelection() {
        // utility class
    }

    static @Nullable String of(final @Nullable DeviceName device) {
        return device == null ? null : device.getValue();
    }

    /** Why an operation found no device to act on, for an invalid-value error. */
    static String nothingSelected(final FabricService fabric, final @Nullable String device) {
        if (device == null) {
            return fabric.snapshot().compiled().devices().isEmpty()
                ? "/input/device: the fabric has no leaf switches or node routers"
                : "/input: this controller node is not running the OpenVNI controller (cluster singleton)";
        }
        return fabric.snapshot().compiled().device(device).isPresent()
            ? "/input/device: '" + device + "' is not being reconciled on this controller node"
            : "/input/device: no leaf switch or node router named '" + device + "' in the fabric";
    }
}
