package io.openvni.core.render.frr;

import io.openvni.core.render.ExternalTools;
import io.openvni.testlib.FrrRouter;
import io.openvni.testlib.NamespaceHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A throwaway FRR (Debian's zebra and bgpd, {@link FrrRouter}) for tests, in a {@link NamespaceHost}: private PID,
 * mount and network namespaces with their own {@code /run/netns} (zebra {@code -n} treats every entry there as a
 * VRF). Everything it starts lives in those namespaces: the daemons are stopped at the end, and whatever survives
 * dies with the host. The system's FRR service is never touched.
 */
final class FrrSandbox {
    private static final String PATHSPACE = "ovsandbox";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    /**
     * What a run produced.
     *
     * @param kernel output of the kernel commands; failed commands are prefixed with {@code FAILED:}
     * @param load what {@code vtysh -f} printed while loading the configuration
     * @param runningConfig {@code show running-config} afterwards
     * @param evpnVni {@code show evpn vni json} afterwards
     * @param exitCode exit code of the last step, reading the running configuration back
     * @param transcript the daemons' logs, for failure messages
     */
    record Result(String kernel, String load, String runningConfig, String evpnVni, int exitCode,
            String transcript) {
    }

    private FrrSandbox() {
        // static helpers only
    }

    /** Why the sandbox cannot run here, if it cannot. */
    static Optional<String> unavailable() {
        final String missing = FrrRouter.missingPrerequisite();
        if (missing != null) {
            return Optional.of(missing);
        }
        for (var tool : List.of("ip", "bridge", "timeout")) {
            if (ExternalTools.find(tool).isEmpty()) {
                return Optional.of(tool + " is not installed");
            }
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
            final Path configFile = dir.resolve("config.frr");
            Files.writeString(configFile, config, StandardCharsets.UTF_8);
            try (var host = NamespaceHost.start("frr-sandbox", dir)) {
                final String kernel = kernel(host, kernelCommands);
                final var router = FrrRouter.start(host, FrrRouter.Options.of(PATHSPACE).netnsVrf(netnsVrf));
                try {
                    final String load = router.load(configFile);
                    final String evpn = awaitVnis(host, awaitVnis);
                    final var running = host.sh("vtysh -N " + PATHSPACE + " -c 'show running-config'", null,
                        COMMAND_TIMEOUT);
                    return new Result(kernel, load, running.stdout(), evpn, running.exit(), running.stderr()
                        + router.log("zebra.log") + router.log("bgpd.log"));
                } finally {
                    router.stop();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Processes still running that were started for a sandbox folder (there should be none). */
    static List<String> leftovers(final Path dir) {
        final var run = ExternalTools.run(List.of("ps", "-eo", "pid,args"), Duration.ofSeconds(10));
        return run.output().lines().filter(line -> line.contains(dir.toString())).toList();
    }

    private static String kernel(final NamespaceHost host, final List<List<String>> commands) throws IOException {
        final var out = new StringBuilder();
        for (var command : commands) {
            final String line = command.stream().map(FrrSandbox::quote).collect(Collectors.joining(" "));
            out.append("+ ").append(String.join(" ", command)).append('\n');
            final var result = host.sh(line, null, COMMAND_TIMEOUT);
            out.append(result.stdout()).append(result.stderr());
            if (!result.ok()) {
                out.append("FAILED: ").append(String.join(" ", command)).append('\n');
            }
        }
        return out.toString();
    }

    // zebra learns the VNIs from the kernel asynchronously; vtysh complains on stderr of its missing own config
    private static String awaitVnis(final NamespaceHost host, final List<Long> vnis) throws IOException {
        return host.sh(String.join("\n",
            "for i in $(seq 50); do",
            "  out=$(vtysh -N " + PATHSPACE + " -c 'show evpn vni json' 2>/dev/null)",
            "  missing=0; for v in " + vnis.stream().map(String::valueOf).collect(Collectors.joining(" "))
                + "; do echo \"$out\" | grep -q \"\\\"vni\\\":$v,\" || missing=1; done",
            "  [ $missing = 0 ] && break; sleep 0.1",
            "done",
            "echo \"$out\""), null, COMMAND_TIMEOUT).stdout();
    }

    private static String quote(final String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
