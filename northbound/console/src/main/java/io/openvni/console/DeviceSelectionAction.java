package io.openvni.console;

import io.openvni.northbound.api.FabricService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;

/**
 * What the commands that act on every device, or on the one named, share: the fabric, the console and the optional
 * {@code device} argument. Karaf injects and parses the fields of superclasses too.
 */
abstract class DeviceSelectionAction implements Action {
    @Reference
    private FabricService fabric;

    @Reference
    private Session session;

    @Argument(index = 0, name = "device", required = false, description = "Only this device (default: all)")
    @Completion(DeviceNameCompleter.class)
    private String device;

    final FabricService fabric() {
        return fabric;
    }

    final Session session() {
        return session;
    }

    /** The device named, or null for every device. */
    final String device() {
        return device;
    }
}
