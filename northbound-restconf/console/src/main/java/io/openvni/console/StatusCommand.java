package io.openvni.console;

import io.openvni.northbound.api.FabricService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code openvni:status}.
 */
@Service
@Command(scope = "openvni", name = "status", description = "Shows every device's sync state and generations")
public final class StatusCommand implements Action {
    @Reference
    private FabricService fabric;

    @Override
    public Object execute() {
        return ConsoleViews.status(fabric.snapshot());
    }
}
