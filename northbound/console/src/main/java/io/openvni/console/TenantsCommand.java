package io.openvni.console;

import io.openvni.northbound.api.FabricSnapshot;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code openvni:tenants}.
 */
@Service
@Command(scope = "openvni", name = "tenants", description = "Shows the tenants: VRFs and networks with their VNIs, VLANs, subnets and placement (* = allocated)")
public final class TenantsCommand extends SnapshotCommand {
    @Override
    String render(final FabricSnapshot snapshot) {
        return ConsoleViews.tenants(snapshot);
    }
}
