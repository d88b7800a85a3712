package io.openvni.console;

import io.openvni.northbound.api.FabricService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code openvni:fabric}.
 */
@Service
@Command(scope = "openvni", name = "fabric", description = "Shows the fabric: pools and devices (credentials are never shown)")
public final class FabricCommand implements Action {
    @Reference
    private FabricService fabric;

    @Override
    public Object execute() {
        return ConsoleViews.fabric(fabric.snapshot());
    }
}
