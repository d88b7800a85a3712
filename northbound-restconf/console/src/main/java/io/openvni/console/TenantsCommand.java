package io.openvni.console;

import io.openvni.northbound.api.FabricService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code openvni:tenants}.
 */
@Service
@Command(scope = "openvni", name = "tenants", description = "Shows the tenants: VRFs and networks with their VNIs, VLANs, subnets and placement (* = allocated)")
public final class TenantsCommand implements Action {
    @Reference
    private FabricService fabric;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        // printed, not returned: Karaf shows return values only in interactive sessions, not to bin/client
        session.getConsole().print(ConsoleViews.tenants(fabric.snapshot()));
        return null;
    }
}
