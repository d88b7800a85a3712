package io.openvni.console;

import io.openvni.northbound.api.FabricService;
import io.openvni.northbound.api.FabricSnapshot;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;

/**
 * A command that prints one view of the controller's current snapshot.
 */
abstract class SnapshotCommand implements Action {
    @Reference
    private FabricService fabric;

    @Reference
    private Session session;

    /** The view of the snapshot this command prints. */
    abstract String render(FabricSnapshot snapshot);

    @Override
    public final Object execute() {
        // printed, not returned: Karaf shows return values only in interactive sessions, not to bin/client
        session.getConsole().print(render(fabric.snapshot()));
        return null;
    }
}
