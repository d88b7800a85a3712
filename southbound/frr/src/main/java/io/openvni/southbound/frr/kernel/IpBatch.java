package io.openvni.southbound.frr.kernel;

import java.util.List;
import org.eclipse.jdt.annotation.Nullable;

/**
 * iproute2 commands for one {@code ip [-n NETNS] -batch -} run: one process for many commands, stopping at the
 * first that fails.
 *
 * @param netns the namespace the commands run in, {@code null} for the router's own
 * @param commands the commands, without the leading {@code ip}
 */
public record IpBatch(@Nullable String netns, List<String> commands) {
    public IpBatch {
        commands = List.copyOf(commands);
    }

    /** The shell command line that runs the batch, reading the commands on standard input. */
    public String commandLine() {
        return netns == null ? "ip -batch -" : "ip -n " + netns + " -batch -";
    }

    /** The batch's standard input. */
    public String stdin() {
        return String.join("\n", commands) + "\n";
    }
}
