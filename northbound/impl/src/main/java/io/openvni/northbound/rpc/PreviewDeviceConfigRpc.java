package io.openvni.northbound.rpc;

import com.google.common.util.concurrent.ListenableFuture;
import io.openvni.core.compile.DeviceRole;
import io.openvni.core.preview.DevicePreview;
import io.openvni.core.render.frr.KernelDevice;
import io.openvni.northbound.api.FabricService;
import java.util.ArrayList;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.tenant.rev261126.PreviewDeviceConfig;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.tenant.rev261126.PreviewDeviceConfigInput;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.tenant.rev261126.PreviewDeviceConfigOutput;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.tenant.rev261126.PreviewDeviceConfigOutputBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.tenant.rev261126.preview.device.config.output.KernelDeviceBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.types.rev261126.DeviceName;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.RpcResult;
import org.opendaylight.yangtools.yang.common.RpcResultBuilder;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;

/**
 * {@code openvni-tenant:preview-device-config}: a device's complete desired configuration in its own format.
 */
record PreviewDeviceConfigRpc(FabricService fabric) implements PreviewDeviceConfig {

    @Override
    public ListenableFuture<RpcResult<PreviewDeviceConfigOutput>> invoke(final PreviewDeviceConfigInput input) {
        final DeviceName device = input.getDevice();
        if (device == null) {
            return RpcErrors.invalid("/input/device: the device name is required");
        }
        final var preview = fabric.preview(device.getValue());
        if (preview.isEmpty()) {
            return RpcErrors.invalid("/input/device: no leaf switch or node router named '" + device.getValue()
                + "' in the fabric");
        }
        return RpcResultBuilder.success(toOutput(preview.orElseThrow())).buildFuture();
    }

    private static PreviewDeviceConfigOutput toOutput(final DevicePreview preview) {
        final var builder = new PreviewDeviceConfigOutputBuilder()
            .setDevice(new DeviceName(preview.device()))
            .setDeviceType(preview.role() == DeviceRole.LEAF_SWITCH ? PreviewDeviceConfigOutput.DeviceType.LeafSwitch
                : PreviewDeviceConfigOutput.DeviceType.NodeRouter)
            .setFormat(PreviewDeviceConfigOutput.Format.ofName(preview.format().yangName()))
            .setDesiredGeneration(Uint64.valueOf(preview.generation()))
            .setConfig(preview.config());
        if (!preview.kernelDevices().isEmpty()) {
            final var devices = new ArrayList<org.opendaylight.yang.gen.v1.urn.openvni.yang.tenant.rev261126.preview
                .device.config.output.KernelDevice>();
            int order = 1;
            for (KernelDevice device : preview.kernelDevices()) {
                devices.add(new KernelDeviceBuilder()
                    .setName(device.name())
                    .setKind(org.opendaylight.yang.gen.v1.urn.openvni.yang.tenant.rev261126.preview.device.config
                        .output.KernelDevice.Kind.ofName(device.kind().yangName()))
                    .setOrder(Uint32.valueOf(order++))
                    .setSpec(device.specText())
                    .build());
            }
            builder.setKernelDevice(BindingMap.ordered(devices));
        }
        return builder.build();
    }
}
