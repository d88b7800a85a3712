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
 * {@code openvni:preview <device>}: the device's complete desired configuration in its own format.
 */
@Service
@Command(scope = "openvni", name = "preview",
    description = "Shows a device's complete desired configuration: what the drivers push")
public final class PreviewCommand implements Action {
    @Reference
    private FabricService fabric;

    @Reference
    private Session session;

    @Argument(index = 0, name = "device", required = true, description = "Leaf switch or node router name")
    @Completion(DeviceNameCompleter.class)
    private String device;

    @Override
    public Object execute() {
        final var preview = fabric.preview(device);
        if (preview.isEmpty()) {
            throw new IllegalArgumentException("no leaf switch or node router named '" + device + "' in the fabric");
        }
        // printed, not returned: Karaf shows return values only in interactive sessions, not to bin/client
        session.getConsole().print(ConsoleViews.preview(preview.orElseThrow()));
        return null;
    }
}
