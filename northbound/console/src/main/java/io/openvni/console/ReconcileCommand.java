package io.openvni.console;

import io.openvni.northbound.api.FabricService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code openvni:reconcile [device]}: starts a pass that writes over any difference, drift included.
 */
@Service
@Command(scope = "openvni", name = "reconcile",
    description = "Pushes the desired configuration to devices now, writing over drift")
public final class ReconcileCommand implements Action {
    @Reference
    private FabricService fabric;

    @Reference
    private Session session;

    @Argument(index = 0, name = "device", required = false, description = "Only this device (default: all)")
    @Completion(DeviceNameCompleter.class)
    private String device;

    @Override
    public Object execute() {
        final var started = fabric.reconcile(device);
        if (started.isEmpty()) {
            throw ConsoleViews.notReconciled(device);
        }
        session.getConsole().println("reconciling: " + String.join(", ", started));
        return null;
    }
}
