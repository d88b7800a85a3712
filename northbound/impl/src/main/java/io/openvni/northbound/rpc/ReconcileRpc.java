package io.openvni.northbound.rpc;

import com.google.common.util.concurrent.ListenableFuture;
import io.openvni.northbound.api.FabricService;
import java.util.LinkedHashSet;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.tenant.rev261126.Reconcile;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.tenant.rev261126.ReconcileInput;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.tenant.rev261126.ReconcileOutput;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.tenant.rev261126.ReconcileOutputBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.types.rev261126.DeviceName;
import org.opendaylight.yangtools.yang.common.RpcResult;
import org.opendaylight.yangtools.yang.common.RpcResultBuilder;

/**
 * {@code openvni-tenant:reconcile}: starts a pass over devices that writes over any difference, drift included.
 */
record ReconcileRpc(FabricService fabric) implements Reconcile {

    @Override
    public ListenableFuture<RpcResult<ReconcileOutput>> invoke(final ReconcileInput input) {
        final var device = DeviceSelection.of(input.getDevice());
        final var started = fabric.reconcile(device);
        if (started.isEmpty()) {
            return RpcErrors.invalid(DeviceSelection.nothingSelected(fabric, device));
        }
        final var names = new LinkedHashSet<DeviceName>();
        started.forEach(name -> names.add(new DeviceName(name)));
        return RpcResultBuilder.success(new ReconcileOutputBuilder().setDevice(names).build()).buildFuture();
    }
}
