package io.openvni.southbound.frr;

import static java.util.Objects.requireNonNull;

import io.openvni.southbound.frr.config.VtyshOutput;
import io.openvni.southbound.frr.kernel.IpBatch;
import io.openvni.southbound.spi.DeviceFailure;
import io.openvni.southbound.ssh.NodeUnreachableException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The processes an apply runs on one node, each a {@link NodeScript} (a fixed command line, everything else on
 * standard input): iproute2 batches, the wait for zebra's netns VRFs, a vtysh session. Failures the node reports
 * come back as {@link DeviceFailure.Rejected} with its own text; only a node that cannot be reached throws.
 */
final class NodeWriter {
    private static final String FAILED_BATCH = "@@openvni: failed batch ";
    private static final Pattern FAILED_BATCH_LINE = Pattern.compile(Pattern.quote(FAILED_BATCH) + "(\\d+)");
    private static final String BATCH_END = "OPENVNI_IP_BATCH_";
    private static final String VTYSH_END = "OPENVNI_VTYSH";
    private static final String SHOW_RUNNING = "show running-config";
    private static final Pattern L3VNI_RACE =
        Pattern.compile("(no router bgp \\d+ vrf \\S+) -> % Please unconfigure l3vni \\d+");
    private static final long RETRY_MILLIS = 100;

    private final NodeShell shell;
    private final FrrNodeSettings settings;
    private final String vtysh;

    /**
     * A writer.
     *
     * @param shell the node's shell
     * @param settings the timeouts
     * @param vtysh the node's vtysh command
     */
    NodeWriter(final NodeShell shell, final FrrNodeSettings settings, final String vtysh) {
        this.shell = requireNonNull(shell);
        this.settings = requireNonNull(settings);
        this.vtysh = requireNonNull(vtysh);
    }

    /**
     * What a vtysh session did.
     *
     * @param failure FRR's complaints, or null when every command went through
     * @param runningConfig {@code show running-config} right after the commands, when asked for
     */
    record VtyshRun(DeviceFailure.@Nullable Rejected failure, @Nullable String runningConfig) {
    }

    /** Runs consecutive batches as one script: the first that fails stops the rest and is named. */
    DeviceFailure.@Nullable Rejected runBatches(final List<IpBatch> batches) throws NodeUnreachableException {
        if (batches.isEmpty()) {
            return null;
        }
        final var script = new NodeScript();
        for (int i = 0; i < batches.size(); i++) {
            final var batch = batches.get(i);
            script.withInput(batch.commandLine(), "{ echo '" + FAILED_BATCH + i + "' >&2; exit 1; }", batch.stdin(),
                BATCH_END + i);
        }
        // bounded like a vtysh session of as many lines: 2,000 networks' devices overran the fixed bound
        final var bound = settings.applyTimeout(batches.stream().mapToInt(batch -> batch.commands().size()).sum());
        final var result = script.run(shell, bound);
        if (result.succeeded()) {
            return null;
        }
        if (result.exitStatus() == NodeScript.TIMED_OUT) {
            return new DeviceFailure.Rejected("the iproute2 batches did not finish within " + bound.toSeconds()
                + " s and were stopped on the node (the next pass goes on from what they did): "
                + batches.getFirst().commandLine());
        }
        final var marker = FAILED_BATCH_LINE.matcher(result.stderr());
        final var failed = marker.find() ? batches.get(Integer.parseInt(marker.group(1))) : batches.getLast();
        return new DeviceFailure.Rejected(failed.commandLine() + " failed: "
            + (marker.replaceAll("") + result.stdout()).strip());
    }

    // zebra -n makes a VRF of a new namespace a moment (1 s) after it appears, and refuses "netns PATH" for it until
    // then ("Can not associate NS 4294967295"); devices created there before zebra listens are taken up in ifindex
    // order, VXLAN devices before their bridges, and their L2 VNIs end up in no tenant VRF. So the namespaces come
    // in a batch of their own, and the driver waits on the node until zebra lists them all.
    DeviceFailure.@Nullable Rejected awaitNetnsVrfs(final List<String> namespaces) throws NodeUnreachableException {
        if (namespaces.isEmpty()) {
            return null;
        }
        // zebra takes them up one after the other (50 new VRFs here: ~5 s, 100: ~9 s): the wait grows with their
        // number, and one grep per poll counts them all
        final long polls = Math.max(1, (settings.settleTimeout().toMillis() + 100L * namespaces.size()) / 50);
        final var script = new NodeScript()
            .line("for i in $(seq " + polls + "); do")
            .line("  out=$(" + vtysh + " -c 'show vrf' 2>/dev/null)")
            .line("  [ \"$(echo \"$out\" | grep -cE '^vrf (" + String.join("|", namespaces) + ") id [0-9]+ netns')\" = "
                + namespaces.size() + " ] && exit 0; sleep 0.05")
            .line("done")
            .line("echo \"$out\"; exit 1");
        final var result = script.run(shell, settings.applyTimeout());
        if (!result.succeeded()) {
            return new DeviceFailure.Rejected("zebra did not take up the namespaces " + namespaces + " within "
                + polls + " polls:\n" + (result.stdout() + result.stderr()).strip());
        }
        return null;
    }

    /**
     * Runs one vtysh session with the change's commands, and {@code show running-config} after them in the same
     * session when asked: the read-back then costs no process and no round trip of its own.
     */
    VtyshRun runVtysh(final NodeChange.Vtysh change, final boolean showRunning) throws NodeUnreachableException {
        var run = session(change.script(), change.commands().size(), showRunning);
        // bgpd refuses to remove a VRF's BGP instance while it still has the L3 VNI that zebra drops a moment after
        // the "no vni" earlier in the same session ("% Please unconfigure l3vni N"): only those removals are tried
        // again, until zebra has told bgpd or the settle time is over
        final long deadline = System.nanoTime() + settings.settleTimeout().toNanos();
        while (run.failure() != null && !run.errors().isEmpty() && System.nanoTime() < deadline) {
            final var again = new ArrayList<String>();
            for (String error : run.errors()) {
                final var raced = L3VNI_RACE.matcher(error);
                if (!raced.matches()) {
                    return run.result();
                }
                again.add(raced.group(1));
            }
            if (!pause()) {
                return run.result();
            }
            run = session("configure terminal\n" + String.join("\n", again) + "\nend\n", again.size(), showRunning);
        }
        return run.result();
    }

    private static boolean pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One vtysh session's outcome, with FRR's complaints one by one. */
    private record Session(VtyshRun result, List<String> errors) {
        DeviceFailure.@Nullable Rejected failure() {
            return result.failure();
        }
    }

    private Session session(final String script, final int commands, final boolean showRunning)
            throws NodeUnreachableException {
        final String input = script + (showRunning ? SHOW_RUNNING + "\n" : "");
        final var result = new NodeScript().withInput(vtysh, "", input, VTYSH_END).run(shell,
            settings.applyTimeout(commands));
        final var output = result.stdout().lines().toList();
        int show = output.size();
        if (showRunning) {
            for (int i = output.size() - 1; i >= 0; i--) {
                if (VtyshShow.isPrompt(output.get(i), SHOW_RUNNING)) {
                    show = i;
                    break;
                }
            }
        }
        final var errors = new ArrayList<>(VtyshOutput.errors(String.join("\n", output.subList(0, show)),
            result.stderr()));
        if (!result.succeeded() && errors.isEmpty()) {
            errors.add("vtysh exited with " + result.exitStatus());
        }
        if (!errors.isEmpty()) {
            return new Session(new VtyshRun(new DeviceFailure.Rejected(String.join("\n", errors)), null),
                List.copyOf(errors));
        }
        String running = null;
        if (show < output.size()) {
            // vtysh prints its prompt once more at the end of its input
            final String prompt = output.get(show).substring(0, output.get(show).length() - SHOW_RUNNING.length());
            int end = output.size();
            while (end > show + 1 && output.get(end - 1).strip().equals(prompt.strip())) {
                end--;
            }
            running = String.join("\n", output.subList(show + 1, end)) + "\n";
        }
        return new Session(new VtyshRun(null, running != null && running.contains("Current configuration:")
            ? running : null), List.of());
    }
}
