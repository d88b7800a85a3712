package io.openvni.core.render.frr;

import io.openvni.core.render.ExternalTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A throwaway FRR (Debian's zebra and bgpd) for tests, started in private PID, mount and network namespaces with
 * its own vty socket folder and its own {@code /run/netns} (zebra {@code -n} treats every entry there as a VRF).
 * Everything it starts lives in those namespaces: the daemons are stopped at the end, and whatever survives dies
 * with the PID namespace when the run ends or overstays its time. The system's FRR service is never touched.
 */
final class FrrSandbox {
    private static final Path ZEBRA = Path.of("/usr/lib/frr/zebra");
    private static final Path BGPD = Path.of("/usr/lib/frr/bgpd");
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    /**
     * What a run produced.
     *
     * @param kernel output of the kernel commands; failed commands are prefixed with {@code FAILED:}
     * @param load what {@code vtysh -f} printed while loading the configuration
     * @param runningConfig {@code show running-config} afterwards
     * @param evpnVni {@code show evpn vni json} afterwards
     * @param exitCode exit code of the whole run
     * @param transcript the run's full output, for failure messages
     */
    record Result(String kernel, String load, String runningConfig, String evpnVni, int exitCode,
            String transcript) {
    }

    private FrrSandbox() {
        // static helpers only
    }

    /** Why the sandbox cannot run here, if it cannot. */
    static Optional<String> unavailable() {
        if (!Files.isExecutable(ZEBRA) || !Files.isExecutable(BGPD)) {
            return Optional.of("FRR is not installed (apt-get install frr): no " + ZEBRA + " or " + BGPD);
        }
        for (var tool : List.of("vtysh", "unshare", "ip", "bridge", "timeout")) {
            if (ExternalTools.find(tool).isEmpty()) {
                return Optional.of(tool + " is not installed");
            }
        }
        if (!ExternalTools.isRoot()) {
            return Optional.of("not running as root: FRR in private namespaces needs root");
        }
        return Optional.empty();
    }

    /** Whether this kernel can create VRF devices (some test kernels are built without them). */
    static boolean kernelHasVrfDevices() {
        final var run = ExternalTools.run(List.of("timeout", "20", "unshare", "--net", "ip", "link", "add",
            "ovni-probe", "type", "vrf", "table", "10"), Duration.ofSeconds(30));
        return run.exitCode() == 0;
    }

    /**
     * Creates the kernel devices, starts zebra and bgpd, loads the configuration with {@code vtysh -f}, and reads
     * back the running configuration.
     *
     * @param dir an empty folder for sockets, pid files, logs and outputs
     * @param config FRR configuration text
     * @param netnsVrf whether zebra runs with the netns VRF backend ({@code -n})
     * @param kernelCommands commands creating the kernel devices, run before the daemons start
     * @param awaitVnis VNIs to wait (a few seconds at most) for zebra to report before reading back
     */
    static Result run(final Path dir, final String config, final boolean netnsVrf,
            final List<List<String>> kernelCommands, final List<Long> awaitVnis) {
        try {
            // The daemons drop root for the frr user, which must reach the folder.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            Files.writeString(dir.resolve("config.frr"), config, StandardCharsets.UTF_8);
            final var script = dir.resolve("sandbox.sh");
            Files.writeString(script, script(dir, netnsVrf, kernelCommands, awaitVnis), StandardCharsets.UTF_8);
            final var run = ExternalTools.run(List.of("timeout", "--kill-after=5", Long.toString(TIMEOUT.toSeconds()),
                "unshare", "--pid", "--fork", "--kill-child", "--mount-proc", "--mount", "--net", "bash",
                script.toString()), TIMEOUT.plusSeconds(10));
            return new Result(read(dir, "kernel.out"), read(dir, "load.out"), read(dir, "running.txt"),
                read(dir, "evpn.json"), run.exitCode(), run.output() + "\n--- zebra.log\n" + read(dir, "zebra.log")
                    + "\n--- bgpd.log\n" + read(dir, "bgpd.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Processes still running that were started for a sandbox folder (there should be none). */
    static List<String> leftovers(final Path dir) {
        final var run = ExternalTools.run(List.of("ps", "-eo", "pid,args"), Duration.ofSeconds(10));
        return run.output().lines().filter(line -> line.contains(dir.toString())).toList();
    }

    private static String script(final Path dir, final boolean netnsVrf, final List<List<String>> kernelCommands,
            final List<Long> awaitVnis) {
        final String vty = "--vty_socket \"$W\"";
        final String daemon = " -d -P 0 " + vty + " -z \"$W/zserv.api\" -f /dev/null";
        final var lines = new ArrayList<>(List.of(
            "set -u",
            "W=" + quote(dir.toString()),
            "stop() {",
            "  for d in bgpd zebra; do [ -f \"$W/$d.pid\" ] && kill \"$(cat \"$W/$d.pid\")\" 2>/dev/null; done",
            "  for i in $(seq 50); do pgrep -x 'zebra|bgpd' >/dev/null || break; sleep 0.1; done",
            "  ip -all netns delete 2>/dev/null",
            "}",
            "trap stop EXIT",
            // A private /run, hence a private /run/netns: zebra -n must see only this run's namespaces, and the
            // host's /run stays untouched. The daemons get all their paths on the command line.
            "mount --make-rprivate /",
            "mount -t tmpfs -o mode=755 ovni-run /run",
            "mkdir /run/netns",
            "ip link set lo up",
            "k() { echo \"+ $*\" >>\"$W/kernel.out\"; \"$@\" >>\"$W/kernel.out\" 2>&1 "
                + "|| echo \"FAILED: $*\" >>\"$W/kernel.out\"; }",
            ": >\"$W/kernel.out\""));
        kernelCommands.forEach(command -> lines.add("k " + command.stream().map(FrrSandbox::quote)
            .collect(Collectors.joining(" "))));
        lines.addAll(List.of(
            ZEBRA + (netnsVrf ? " -n" : "") + daemon + " -i \"$W/zebra.pid\" --log file:\"$W/zebra.log\"",
            BGPD + daemon + " -i \"$W/bgpd.pid\" --log file:\"$W/bgpd.log\"",
            "for i in $(seq 100); do [ -S \"$W/zebra.vty\" ] && [ -S \"$W/bgpd.vty\" ] && break; sleep 0.05; done",
            "vtysh " + vty + " -f \"$W/config.frr\" >\"$W/load.out\" 2>&1",
            // zebra learns the VNIs from the kernel asynchronously.
            "for i in $(seq 50); do",
            "  vtysh " + vty + " -c 'show evpn vni json' >\"$W/evpn.json\" 2>&1",
            "  missing=0; for v in " + awaitVnis.stream().map(String::valueOf).collect(Collectors.joining(" "))
                + "; do grep -q \"\\\"vni\\\":$v,\" \"$W/evpn.json\" || missing=1; done",
            "  [ $missing = 0 ] && break; sleep 0.1",
            "done",
            "vtysh " + vty + " -c 'show running-config' >\"$W/running.txt\" 2>&1"));
        return lines.stream().collect(Collectors.joining("\n", "", "\n"));
    }

    private static String read(final Path dir, final String file) throws IOException {
        final var path = dir.resolve(file);
        return Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : "";
    }

    private static String quote(final String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
