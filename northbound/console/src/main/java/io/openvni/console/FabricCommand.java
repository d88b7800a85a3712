package io.openvni.console;

import io.openvni.northbound.api.FabricSnapshot;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code openvni:fabric}.
 */
@Service
@Command(scope = "openvni", name = "fabric", description = "Shows the fabric: pools and devices (credentials are never shown)")
public final class FabricCommand extends SnapshotCommand {
    @Override
    String render(final FabricSnapshot snapshot) {
        return ConsoleViews.fabric(snapshot);
    }
}
