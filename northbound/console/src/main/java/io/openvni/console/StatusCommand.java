package io.openvni.console;

import io.openvni.northbound.api.FabricSnapshot;
import io.openvni.northbound.api.SecretSealing;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code openvni:status}.
 */
@Service
@Command(scope = "openvni", name = "status", description = "Shows every device's sync state and generations")
public final class StatusCommand extends SnapshotCommand {
    @Reference
    private SecretSealing sealing;

    @Override
    String render(final FabricSnapshot snapshot) {
        return ConsoleViews.status(snapshot) + ConsoleViews.secrets(sealing.status());
    }
}
