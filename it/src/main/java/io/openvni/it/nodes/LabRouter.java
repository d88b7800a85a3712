package io.openvni.it.nodes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Debian's FRR (zebra and bgpd) in a {@link NamespaceHost}, under its own pathspace, started with an empty
 * configuration ({@code -f /dev/null}); the system's FRR service is never touched.
 */
public final class LabRouter {
    /**
     * FRR's northbound gRPC module for zebra.
     *
     * @param module the path of {@code grpc.so} (see {@code scripts/frr-grpc-module.sh})
     * @param port the port zebra serves it on, inside the router's namespace
     */
    public record Grpc(Path module, int port) {
    }

    private final NamespaceHost host;
    private final String pathspace;

    private LabRouter(final NamespaceHost host, final String pathspace) {
        this.host = host;
        this.pathspace = pathspace;
    }

    /**
     * Starts zebra and bgpd in a host and waits for their vty sockets.
     *
     * @param netnsVrf whether zebra runs with {@code -n} (VRFs are network namespaces)
     * @param grpc FRR's northbound gRPC module and the port zebra serves it on, or null
     */
    static LabRouter start(final NamespaceHost host, final String pathspace, final boolean netnsVrf,
            final @Nullable Grpc grpc) throws IOException {
        final Path dir = host.dir();
        final String common = " -N " + pathspace + " -d -P 0 -f /dev/null";
        final String module = grpc == null ? "" : " -M " + grpc.module() + ":" + grpc.port();
        final var started = host.sh(String.join("\n",
            "/usr/lib/frr/zebra" + (netnsVrf ? " -n" : "") + module + common + " -i " + dir + "/zebra.pid --log file:"
                + dir + "/zebra.log",
            "/usr/lib/frr/bgpd" + common + " -i " + dir + "/bgpd.pid --log file:" + dir + "/bgpd.log",
            "for i in $(seq 200); do",
            "  [ -S /run/frr/" + pathspace + "/zebra.vty ] && [ -S /run/frr/" + pathspace + "/bgpd.vty ]"
                + (grpc == null ? "" : " && ss -Hltn 'sport = :" + grpc.port() + "' | grep -q .") + " && exit 0",
            "  sleep 0.05",
            "done",
            "exit 1"), null, Duration.ofSeconds(30));
        final var router = new LabRouter(host, pathspace);
        if (!started.ok()) {
            throw new IOException("FRR did not start in " + host + ": " + started.stderr() + router.log("zebra.log")
                + router.log("bgpd.log"));
        }
        return router;
    }

    public NamespaceHost host() {
        return host;
    }

    public String pathspace() {
        return pathspace;
    }

    /** Runs show commands (or {@code conf t} sequences given as separate commands) with vtysh; requires success. */
    public String vtysh(final String... commands) throws IOException {
        final var line = new StringBuilder("vtysh -N " + pathspace);
        for (var command : commands) {
            line.append(" -c '").append(command).append('\'');
        }
        return host.check(line.toString());
    }

    /** Feeds a configuration to vtysh ({@code configure terminal} mode); fails on any line FRR refuses. */
    public void configure(final String config) throws IOException {
        final var result = host.sh("vtysh -N " + pathspace, "configure terminal\n" + config + "\nend\n",
            Duration.ofSeconds(30));
        final String output = result.stdout() + result.stderr();
        // vtysh exits 0 after refused lines: their "% ..." answers tell (a missing vtysh.conf is not one)
        if (!result.ok() || output.lines().anyMatch(line -> line.startsWith("% ")
                && !line.startsWith("% Can't open configuration file"))) {
            throw new IOException(host + " refused its configuration: " + output);
        }
    }

    public String runningConfig() throws IOException {
        return vtysh("show running-config");
    }

    /** A daemon log of this router, for failure messages. */
    public String log(final String file) {
        try {
            final Path path = host.dir().resolve(file);
            return Files.exists(path) ? "\n--- " + host + " " + file + "\n" + tail(Files.readString(path)) : "";
        } catch (IOException e) {
            return "\n--- " + file + ": " + e;
        }
    }

    private static String tail(final String text) {
        final var lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
