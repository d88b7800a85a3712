package io.openvni.southbound.frr.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds FRR's complaints in the output of a vtysh session fed on standard input. vtysh exits 0 even when commands
 * fail, but in this mode it echoes each command after its prompt ({@code host(config-router)# neighbor ...}) and
 * prints whatever a daemon says about it on the following lines; a successful configuration command prints nothing.
 * So every non-prompt line after the first prompt is a complaint about the command before it, except the few
 * known harmless notices below.
 */
public final class VtyshOutput {
    private static final Pattern PROMPT = Pattern.compile("^[^\\s#()]+(\\([a-z0-9-]+\\))?# ?(.*)$");
    // zebra -n already made a VRF of the namespace when it appeared; re-stating the same path is a no-op.
    private static final Pattern SAME_NETNS = Pattern.compile("VRF \\d+ already configured with NETNS (\\S+)");
    // A pathspace (-N) without its own vtysh.conf: vtysh's own settings file, irrelevant to the configuration.
    private static final Pattern NO_VTYSH_CONF = Pattern.compile(
        "% Can't open configuration file \\S*vtysh\\.conf due to .*");
    // FRR 10's vtysh adds a second line for the same missing vtysh.conf, naming the integrated file though: 11 is
    // CMD_ERR_NO_FILE, "Configuration file[/etc/frr/<pathspace>/frr.conf] processing failure: 11"
    private static final Pattern NO_VTYSH_CONF_10 = Pattern.compile(
        "Configuration file\\[\\S*] processing failure: 11");

    // FRR's event loop in vtysh's own process reporting that it was slow (a loaded node), e.g. "2026/12/07 06:59:46
    // [PHJDC-499N2][EC 100663314] STARVATION: task vtysh_rl_read (...) ran for 7830ms (cpu time 17ms)": no command
    // failed, and calling it one makes a busy node fail every pass.
    private static final Pattern SLOW_EVENT_LOOP = Pattern.compile(
        "(\\S+ \\S+ )?(\\[[A-Z0-9-]+]\\[EC \\d+] )?(STARVATION|SLOW THREAD|CPU HOG): task .*");

    private VtyshOutput() {
        // static helpers only
    }

    /**
     * The complaints, each as {@code command -> message}; empty when every command went through.
     *
     * @param output vtysh's standard output
     * @param stderr vtysh's standard error: every line but the missing vtysh.conf notice and FRR's slow event loop
     *     warnings is an error
     */
    public static List<String> errors(final String output, final String stderr) {
        final var errors = new ArrayList<String>();
        stderr.lines().filter(line -> !line.isBlank() && !harmless(line)).forEach(errors::add);
        String command = null;
        String vrf = null;
        boolean seenPrompt = false;
        for (var line : output.lines().toList()) {
            if (line.isBlank() || harmless(line)) {
                continue;
            }
            final var prompt = PROMPT.matcher(line);
            if (prompt.matches()) {
                seenPrompt = true;
                command = prompt.group(2).strip();
                final var block = NetnsVrfLinks.VRF.matcher(command);
                if (block.matches()) {
                    vrf = block.group(1);
                } else if (command.equals("exit-vrf") || command.equals("end")) {
                    vrf = null;
                }
                continue;
            }
            if (!seenPrompt) {
                // the banner, or vtysh failing before any prompt (daemon not running, no socket)
                if (!line.startsWith("Hello, this is FRRouting") && !line.startsWith("Copyright ")) {
                    errors.add(line);
                }
                continue;
            }
            final var netns = SAME_NETNS.matcher(line);
            if (netns.matches() && ("netns " + netns.group(1)).equals(command)
                    || NetnsVrfLinks.isNoOpNotice(line, command, vrf)) {
                continue;
            }
            errors.add(command + " -> " + line);
        }
        return errors;
    }

    private static boolean harmless(final String line) {
        return NO_VTYSH_CONF.matcher(line).matches() || NO_VTYSH_CONF_10.matcher(line).matches()
            || SLOW_EVENT_LOOP.matcher(line).matches();
    }
}
