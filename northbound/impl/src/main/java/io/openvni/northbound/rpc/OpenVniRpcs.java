package io.openvni.northbound.rpc;

import io.openvni.northbound.api.FabricService;
import org.opendaylight.mdsal.binding.api.RpcProviderService;
import org.opendaylight.yangtools.concepts.Registration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Registers OpenVNI's operations ({@code openvni-tenant:preview-device-config}, {@code check-drift},
 * {@code reconcile}) with MD-SAL, so RESTCONF serves them under {@code /rests/operations}.
 */
@Component(service = { })
public final class OpenVniRpcs implements AutoCloseable {
    private final Registration registration;

    @Activate
    public OpenVniRpcs(@Reference final FabricService fabric, @Reference final RpcProviderService rpcs) {
        registration = rpcs.registerRpcImplementations(new PreviewDeviceConfigRpc(fabric), new CheckDriftRpc(fabric),
            new ReconcileRpc(fabric));
    }

    @Deactivate
    @Override
    public void close() {
        registration.close();
    }
}
