package io.openvni.testlib;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Debian's FRR in a {@link NamespaceHost}: zebra, and bgpd unless told otherwise, under their own pathspace (their
 * sockets in the host's private {@code /run/frr/<pathspace>}), started with an empty configuration
 * ({@code -f /dev/null}), pid files and logs in the host's folder, supervised by {@code watchfrr} as on a Debian
 * node; with FRR 9 or later (Debian 13: 10.3) mgmtd first, as FRR's own start does. The system's FRR service is
 * never touched. {@link #stop()} ends the daemons; closing the host ends them
 * too, without their goodbyes.
 */
public final class FrrRouter {
    private static final Path ZEBRA = Path.of("/usr/lib/frr/zebra");
    private static final Path BGPD = Path.of("/usr/lib/frr/bgpd");
    private static final Path WATCHFRR = Path.of("/usr/lib/frr/watchfrr");
    private static final Path MGMTD = Path.of("/usr/lib/frr/mgmtd");
    private static final String STARTUP_CONFIG = "frr.conf";
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
        for (Path tool : Stream.of(ZEBRA, BGPD, WATCHFRR, Path.of("/usr/bin/vtysh"), Path.of("/usr/bin/nsenter"),
                Path.of("/usr/bin/unshare")).toList()) {
            if (!Files.isExecutable(tool)) {
                return tool + " is not installed (apt-get install frr util-linux)";
            }
        }
        return Commands.isRoot() ? null : "not running as root: FRR in private namespaces needs root";
    }

    /**
     * Starts the daemons in a host under {@code watchfrr}, as Debian's {@code frr} service runs them, and waits (10 s
     * at most) for their vty sockets and, with gRPC, for zebra to listen on its port. watchfrr starts a daemon again
     * when it dies (a node lab's zebra once exited during the removal of 4,000 devices, and a node without zebra never
     * converges) or stops answering its vty; the daemon comes back with an empty configuration, which the controller's
     * drift check then heals. The host's folder must be writable by the frr user the daemons drop root for.
     *
     * @throws IOException with the daemons' logs when they do not come up
     */
    public static FrrRouter start(final NamespaceHost host, final Options options) throws IOException {
        final Path dir = host.dir();
        final String ps = options.pathspace();
        final Path control = dir.resolve("frr-daemon.sh");
        Files.writeString(control, controlScript(dir, options));
        Files.setPosixFilePermissions(control, PosixFilePermissions.fromString("rwxr-xr-x"));
        final String daemons = daemons(options);
        final Grpc grpc = options.grpc();
        // the daemons' own output goes to a file: FRR 10 keeps its standard output and error open after it has
        // daemonized, which would leave whoever reads them (this start) waiting for their end
        final String output = " </dev/null >>" + dir + "/daemons.out 2>&1";
        final var started = host.sh(String.join("\n",
            control + " start all" + output,
            // -T 120: zebra starting on a node with 16,000 devices takes longer than watchfrr's default 20 s, which
            // then kills the start and leaves the node without zebra (a 4,000-network node in bench-scale.sh)
            WATCHFRR + " -N " + ps + " -d -T 120 -p " + dir + "/watchfrr.pid --log file:" + dir + "/watchfrr.log -s '"
                + control + " start %s' -r '" + control + " restart %s' -k '" + control + " stop %s' " + daemons
                + output,
            "for i in $(seq 200); do",
            "  [ -S /run/frr/" + ps + "/watchfrr.vty ]"
                + Stream.of(daemons.split(" ")).map(d -> " && [ -S /run/frr/" + ps + "/" + d + ".vty ]")
                    .collect(Collectors.joining())
                + (grpc == null ? "" : " && ss -Hltn 'sport = :" + grpc.port() + "' | grep -q .") + " && exit 0",
            "  sleep 0.05",
            "done",
            "exit 1"), null, COMMAND_TIMEOUT);
        final var router = new FrrRouter(host, options);
        if (!started.ok()) {
            throw new IOException("FRR did not start in " + host + ": " + started.stderr() + router.log("daemons.out")
                + router.log("mgmtd.log") + router.log("zebra.log") + router.log("bgpd.log")
                + router.log("watchfrr.log"));
        }
        return router;
    }

    // in the order they start: mgmtd first (FRR 9 and later), as FRR's own start does
    private static String daemons(final Options options) {
        return (hasMgmtd() ? "mgmtd " : "") + (options.bgpd() ? "zebra bgpd" : "zebra");
    }

    /**
     * Whether this machine's FRR has mgmtd (FRR 9 and later). vtysh hands it the configuration of zebra's interfaces,
     * VRFs and static routes; without it vtysh answers such commands with "mgmtd is not running", exits 0, and
     * nothing is configured.
     */
    public static boolean hasMgmtd() {
        return Files.isExecutable(MGMTD);
    }

    /**
     * The shell script watchfrr and {@link #start} run the daemons with ({@code start|stop|restart DAEMON|all}), so
     * that a restarted daemon gets the command line of the first start: pathspace, pid file, log, zebra's netns VRFs,
     * netlink buffer and gRPC module.
     */
    private static String controlScript(final Path dir, final Options options) {
        final String common = " -N " + options.pathspace() + " -d -P 0 -f /dev/null";
        // -s: the netlink receive buffer Debian's /etc/frr/daemons gives zebra (90 MB). With the kernel's default
        // a burst of device events (a thousand networks are four thousand devices) overruns it, and zebra silently
        // misses a VXLAN device's bridge or SVI: its VNI stays unbound, and EVPN never advertises it.
        final Grpc grpc = options.grpc();
        final String zebra = ZEBRA + (options.netnsVrf() ? " -n" : "") + " -s 90000000"
            + (grpc == null ? "" : " -M " + grpc.module() + ":" + grpc.port()) + common;
        final String daemons = daemons(options);
        return String.join("\n",
            "#!/bin/sh",
            "# " + options.pathspace() + ": start|stop|restart " + daemons.replace(' ', '|')
                + "|all (written by the test lab's FrrRouter)",
            "line() {",
            "  case \"$1\" in",
            // mgmtd takes no -f (it reads the files of the daemons it serves, which a lab has none of); with netns
            // VRFs it must know, as zebra does (-w, FRR 10's name for zebra's -n): otherwise zebra crashes at the
            // first interface commit
            "  mgmtd) echo \"" + MGMTD + (options.netnsVrf() ? " -w" : "") + " -N " + options.pathspace()
                + " -d -P 0\" ;;",
            "  zebra) echo \"" + zebra + "\" ;;",
            "  bgpd) echo \"" + BGPD + common + "\" ;;",
            "  esac",
            "}",
            "start() { $(line $1) -i " + dir + "/$1.pid --log file:" + dir + "/$1.log; }",
            "stop() {",
            "  pid=$(cat " + dir + "/$1.pid 2>/dev/null) || return 0",
            "  kill $pid 2>/dev/null || return 0",
            "  for i in $(seq 100); do kill -0 $pid 2>/dev/null || return 0; sleep 0.05; done",
            "  kill -9 $pid 2>/dev/null; return 0",
            "}",
            // watchfrr restarts every daemon ("all") when zebra dies: the others lost their zebra session
            "if [ \"$2\" = all ]; then set -- \"$1\" " + daemons + "; else set -- \"$1\" \"$2\"; fi",
            "action=$1; shift",
            "for d in \"$@\"; do",
            "  case \" " + daemons + " \" in *\" $d \"*) ;; *) echo \"no daemon $d here\" >&2; exit 1 ;; esac",
            "done",
            // what configure() was given, as a Debian node's frr.conf: a restarted daemon gets it again (vtysh -b)
            "reapply() {",
            "  [ -s " + dir + "/" + STARTUP_CONFIG + " ] || return 0",
            "  for i in $(seq 200); do",
            "    up=1; for d in \"$@\"; do [ -S /run/frr/" + options.pathspace() + "/$d.vty ] || up=0; done",
            "    [ $up = 1 ] && break; sleep 0.05",
            "  done",
            "  vtysh -N " + options.pathspace() + " -f " + dir + "/" + STARTUP_CONFIG + " >/dev/null 2>&1; return 0",
            "}",
            "case \"$action\" in",
            // watchfrr kills a restart command that runs longer than -T: the configuration follows in the background
            "start) for d in \"$@\"; do start $d || exit 1; done; reapply \"$@\" </dev/null >/dev/null 2>&1 & ;;",
            "stop) for d in \"$@\"; do stop $d; done ;;",
            "restart) for d in \"$@\"; do stop $d; done",
            "  for d in \"$@\"; do start $d || exit 1; done; reapply \"$@\" </dev/null >/dev/null 2>&1 & ;;",
            "*) echo \"usage: $0 start|stop|restart " + daemons.replace(' ', '|') + "|all\" >&2; exit 1 ;;",
            "esac",
            "");
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

    /**
     * Feeds a configuration to vtysh ({@code configure terminal} mode); fails on any line FRR refuses. It is kept
     * as the router's startup configuration too, which daemons that watchfrr starts again get (the operator's
     * {@code frr.conf} of a Debian node); what the controller writes is not, as on a node.
     */
    public void configure(final String config) throws IOException {
        final var result = host.sh("vtysh -N " + pathspace(), "configure terminal\n" + config + "\nend\n",
            COMMAND_TIMEOUT);
        final String output = withoutOwnConfig(result.stdout() + result.stderr());
        // vtysh exits 0 after refused lines: their "% ..." answers tell
        if (!result.ok() || output.lines().anyMatch(line -> line.startsWith("% "))) {
            throw new IOException(host + " refused its configuration: " + output);
        }
        Files.writeString(host.dir().resolve(STARTUP_CONFIG), config + "\n", StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
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

    /**
     * Ends watchfrr first (it would start the others again), then the daemons (SIGTERM through their pid files), and
     * waits (5 s at most) until they are gone.
     */
    public void stop() throws IOException {
        final Path dir = host.dir();
        host.sh("for d in watchfrr bgpd zebra mgmtd; do [ -f " + dir + "/$d.pid ] && kill $(cat " + dir + "/$d.pid)"
            + " 2>/dev/null;"
            + " [ $d = watchfrr ] && sleep 0.2; done;"
            + " for i in $(seq 100); do pgrep -x 'zebra|bgpd|mgmtd|watchfrr' >/dev/null || exit 0; sleep 0.05; done;"
            + " true",
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
