package io.openvni.console;

import io.openvni.northbound.api.FabricService;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/**
 * Completes device names from the current fabric.
 */
@Service
public final class DeviceNameCompleter implements Completer {
    @Reference
    private FabricService fabric;

    @Override
    public int complete(final Session session, final CommandLine commandLine, final List<String> candidates) {
        final var names = new StringsCompleter();
        names.getStrings().addAll(fabric.snapshot().compiled().devices().keySet());
        return names.complete(session, commandLine, candidates);
    }
}
