package io.openvni.console;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code openvni:reconcile [device]}: starts a pass that writes over any difference, drift included.
 */
@Service
@Command(scope = "openvni", name = "reconcile",
    description = "Pushes the desired configuration to devices now, writing over drift")
public final class ReconcileCommand extends DeviceSelectionAction {
    @Override
    public Object execute() {
        final var started = fabric().reconcile(device());
        if (started.isEmpty()) {
            throw ConsoleViews.notReconciled(device());
        }
        session().getConsole().println("reconciling: " + String.join(", ", started));
        return null;
    }
}
