package io.openvni.testlib;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Debian's FRR in a {@link NamespaceHost}: zebra, and bgpd unless told otherwise, under their own pathspace (their
 * sockets in the host's private {@code /run/frr/<pathspace>}), started with an empty configuration
 * ({@code -f /dev/null}), pid files and logs in the host's folder; with FRR 9 or later (Debian 13: 10.3) mgmtd
 * first, as FRR's own start does. The system's FRR service is never touched.
 * {@link #stop()} ends the daemons; closing the host ends them too, without their goodbyes.
 */
public final class FrrRouter {
    private static final Path ZEBRA = Path.of("/usr/lib/frr/zebra");
    private static final Path BGPD = Path.of("/usr/lib/frr/bgpd");
    private static final Path MGMTD = Path.of("/usr/lib/frr/mgmtd");
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    /**
     * FRR's northbound gRPC module for zebra.
     *
     * @param module the path of {@code grpc.so} (see {@link FrrGrpcModule})
     * @param port the port zebra serves it on, inside the router's namespace
     */
    public record Grpc(Path module, int port) {
    }

    /**
     * How a router runs.
     *
     * @param pathspace FRR's pathspace ({@code -N}) of the daemons and of vtysh
     * @param netnsVrf whether zebra runs with {@code -n} (VRFs are network namespaces)
     * @param bgpd whether bgpd runs beside zebra
     * @param grpc FRR's northbound gRPC module and its port, or null
     */
    public record Options(String pathspace, boolean netnsVrf, boolean bgpd, @Nullable Grpc grpc) {
        /** zebra without {@code -n} and bgpd, no gRPC. */
        public static Options of(final String pathspace) {
            return new Options(pathspace, false, true, null);
        }

        public Options netnsVrf(final boolean value) {
            return new Options(pathspace, value, bgpd, grpc);
        }

        /** zebra alone, without bgpd. */
        public Options zebraOnly() {
            return new Options(pathspace, netnsVrf, false, grpc);
        }

        public Options grpc(final @Nullable Grpc value) {
            return new Options(pathspace, netnsVrf, bgpd, value);
        }
    }

    private final NamespaceHost host;
    private final Options options;

    private FrrRouter(final NamespaceHost host, final Options options) {
        this.host = host;
        this.options = options;
    }

    /** Why FRR cannot run in a {@link NamespaceHost} here, or null if it can: root, FRR, vtysh, the namespace tools. */
    public static @Nullable String missingPrerequisite() {
        for (Path tool : Stream.of(ZEBRA, BGPD, Path.of("/usr/bin/vtysh"), Path.of("/usr/bin/nsenter"),
                Path.of("/usr/bin/unshare")).toList()) {
            if (!Files.isExecutable(tool)) {
                return tool + " is not installed (apt-get install frr util-linux)";
            }
        }
        return Commands.isRoot() ? null : "not running as root: FRR in private namespaces needs root";
    }

    /**
     * Starts the daemons in a host and waits (10 s at most) for their vty sockets and, with gRPC, for zebra to
     * listen on its port. The host's folder must be writable by the frr user the daemons drop root for.
     *
     * @throws IOException with the daemons' logs when they do not come up
     */
    public static FrrRouter start(final NamespaceHost host, final Options options) throws IOException {
        final Path dir = host.dir();
        final String ps = options.pathspace();
        final String common = " -N " + ps + " -d -P 0 -f /dev/null";
        // -s: the netlink receive buffer Debian's /etc/frr/daemons gives zebra (90 MB). With the kernel's default
        // a burst of device events (a thousand networks are four thousand devices) overruns it, and zebra silently
        // misses a VXLAN device's bridge or SVI: its VNI stays unbound, and EVPN never advertises it.
        final String zebraOnly = " -s 90000000";
        final Grpc grpc = options.grpc();
        final String module = grpc == null ? "" : " -M " + grpc.module() + ":" + grpc.port();
        // the daemons' own output goes to a file: FRR 10 keeps its standard output and error open after it has
        // daemonized, which would leave whoever reads them (this start) waiting for their end
        final String output = " </dev/null >>" + dir + "/daemons.out 2>&1";
        final boolean mgmtd = hasMgmtd();
        final var started = host.sh(String.join("\n",
            mgmtd ? mgmtdCommand(options, dir) + output : "",
            ZEBRA + (options.netnsVrf() ? " -n" : "") + zebraOnly + module + common + " -i " + dir + "/zebra.pid --log file:"
                + dir + "/zebra.log" + output,
            options.bgpd() ? BGPD + common + " -i " + dir + "/bgpd.pid --log file:" + dir + "/bgpd.log" + output : "",
            "for i in $(seq 200); do",
            "  [ -S /run/frr/" + ps + "/zebra.vty ]"
                + (mgmtd ? " && [ -S /run/frr/" + ps + "/mgmtd.vty ]" : "")
                + (options.bgpd() ? " && [ -S /run/frr/" + ps + "/bgpd.vty ]" : "")
                + (grpc == null ? "" : " && ss -Hltn 'sport = :" + grpc.port() + "' | grep -q .") + " && exit 0",
            "  sleep 0.05",
            "done",
            "exit 1"), null, COMMAND_TIMEOUT);
        final var router = new FrrRouter(host, options);
        if (!started.ok()) {
            throw new IOException("FRR did not start in " + host + ": " + started.stderr() + router.log("daemons.out")
                + router.log("mgmtd.log") + router.log("zebra.log") + router.log("bgpd.log"));
        }
        return router;
    }

    /**
     * Whether this machine's FRR has mgmtd (FRR 9 and later). vtysh hands it the configuration of zebra's interfaces,
     * VRFs and static routes; without it vtysh answers such commands with "mgmtd is not running", exits 0, and
     * nothing is configured.
     */
    public static boolean hasMgmtd() {
        return Files.isExecutable(MGMTD);
    }

    // mgmtd takes no -f (it reads the configuration files of the daemons it serves, which a lab has none of); with
    // netns VRFs it must know, as zebra does (-w, FRR 10's name for zebra's -n)
    private static String mgmtdCommand(final Options options, final Path dir) {
        return MGMTD + (options.netnsVrf() ? " -w" : "") + " -N " + options.pathspace() + " -d -P 0 -i " + dir
            + "/mgmtd.pid --log file:" + dir + "/mgmtd.log";
    }

    public NamespaceHost host() {
        return host;
    }

    public Options options() {
        return options;
    }

    public String pathspace() {
        return options.pathspace();
    }

    /** Runs show commands (or {@code conf t} sequences given as separate commands) with vtysh; requires success. */
    public String vtysh(final String... commands) throws IOException {
        final var line = new StringBuilder("vtysh -N " + pathspace());
        for (var command : commands) {
            line.append(" -c '").append(command).append('\'');
        }
        return host.check(line.toString());
    }

    /** Feeds a configuration to vtysh ({@code configure terminal} mode); fails on any line FRR refuses. */
    public void configure(final String config) throws IOException {
        final var result = host.sh("vtysh -N " + pathspace(), "configure terminal\n" + config + "\nend\n",
            COMMAND_TIMEOUT);
        final String output = withoutOwnConfig(result.stdout() + result.stderr());
        // vtysh exits 0 after refused lines: their "% ..." answers tell
        if (!result.ok() || output.lines().anyMatch(line -> line.startsWith("% "))) {
            throw new IOException(host + " refused its configuration: " + output);
        }
    }

    /** Loads a configuration file with {@code vtysh -f}; returns what vtysh printed (FRR's complaints, if any). */
    public String load(final Path file) throws IOException {
        final var result = host.sh("vtysh -N " + pathspace() + " -f " + file + " 2>&1", null, COMMAND_TIMEOUT);
        return withoutOwnConfig(result.stdout() + result.stderr());
    }

    // vtysh -N looks for its own vtysh.conf under /etc/frr/<pathspace>, which no router here has: not a complaint
    // (FRR 10 adds "Configuration file[/etc/frr/<pathspace>/frr.conf] processing failure: 11" for the same)
    private static String withoutOwnConfig(final String output) {
        return output.lines().filter(line -> !line.startsWith("% Can't open configuration file")
                && !(line.startsWith("Configuration file[") && line.endsWith("] processing failure: 11")))
            .map(line -> line + "\n").collect(Collectors.joining());
    }

    public String runningConfig() throws IOException {
        return vtysh("show running-config");
    }

    /** Ends the daemons (SIGTERM through their pid files) and waits (5 s at most) until they are gone. */
    public void stop() throws IOException {
        final Path dir = host.dir();
        host.sh("for d in bgpd zebra mgmtd; do [ -f " + dir + "/$d.pid ] && kill $(cat " + dir + "/$d.pid) 2>/dev/null;"
            + " done; for i in $(seq 100); do pgrep -x 'zebra|bgpd|mgmtd' >/dev/null || exit 0; sleep 0.05; done; true",
            null, Duration.ofSeconds(10));
    }

    /** The last lines of a log in the host's folder ({@code zebra.log}, {@code bgpd.log}), for failure messages. */
    public String log(final String file) {
        try {
            final Path path = host.dir().resolve(file);
            return Files.exists(path) ? "\n--- " + host + " " + file + "\n" + Commands.tail(Files.readString(path),
                60) : "";
        } catch (IOException e) {
            return "\n--- " + file + ": " + e;
        }
    }
}
