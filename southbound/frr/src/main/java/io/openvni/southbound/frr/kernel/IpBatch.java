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
    /**
     * The device group OpenVNI moves owned devices to right before deleting them all at once. A batch that deletes
     * by group runs only if no device is in that group yet, so that no foreign device can go with them.
     */
    public static final long DELETE_GROUP = 1_330_007_625L;
    /** The command deleting the devices of {@link #DELETE_GROUP}. */
    public static final String DELETE_BY_GROUP = "link del group " + DELETE_GROUP;

    private static final String NETNS_ADD = "netns add ";

    public IpBatch {
        commands = List.copyOf(commands);
    }

    /** The shell command line that runs the batch, reading the commands on standard input. */
    public String commandLine() {
        final String ip = netns == null ? "ip" : "ip -n " + netns;
        if (commands.contains(DELETE_BY_GROUP)) {
            return "[ -z \"$(" + ip + " -o link show group " + DELETE_GROUP + ")\" ] && " + ip + " -batch -";
        }
        return ip + " -batch -";
    }

    /** The network namespaces the batch creates ({@code netns add NAME}). */
    public List<String> createdNamespaces() {
        return commands.stream().filter(command -> command.startsWith(NETNS_ADD))
            .map(command -> command.substring(NETNS_ADD.length())).toList();
    }

    /** The batch's standard input. */
    public String stdin() {
        return String.join("\n", commands) + "\n";
    }
}
