package io.openvni.console;

import io.openvni.northbound.api.FabricSnapshot;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code openvni:status}.
 */
@Service
@Command(scope = "openvni", name = "status", description = "Shows every device's sync state and generations")
public final class StatusCommand extends SnapshotCommand {
    @Override
    String render(final FabricSnapshot snapshot) {
        return ConsoleViews.status(snapshot);
    }
}
