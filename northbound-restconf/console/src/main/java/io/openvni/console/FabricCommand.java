package io.openvni.console;

import io.openvni.northbound.api.FabricService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code openvni:fabric}.
 */
@Service
@Command(scope = "openvni", name = "fabric", description = "Shows the fabric: pools and devices (credentials are never shown)")
public final class FabricCommand implements Action {
    @Reference
    private FabricService fabric;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        // printed, not returned: Karaf shows return values only in interactive sessions, not to bin/client
        session.getConsole().print(ConsoleViews.fabric(fabric.snapshot()));
        return null;
    }
}
