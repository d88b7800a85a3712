package io.openvni.southbound.frr.grpc;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import io.openvni.testlib.Commands;
import io.openvni.testlib.FrrGrpcModule;
import org.junit.jupiter.api.Assumptions;

/**
 * A real zebra (Debian's FRR 8.4) with the northbound gRPC module loaded, in a private network namespace.
 *
 * <p>The module binds all addresses inside the namespace. The test reaches it over a veth pair with a private /30:
 * one `ip link add` and two addresses, no forwarder process to start, watch and kill. zebra runs with `-n` (the
 * netns VRF backend, as on the nodes) in its own mount namespace with an empty /run/netns, so it does not take
 * other tests' namespaces for VRFs.
 *
 * <p>Why not testlib's {@code NamespaceHost} like the other FRR fixtures: under its private PID namespace zebra
 * starts but its gRPC port never answers, while in a plain {@code ip netns} it does; commands and the module build
 * are testlib's.
 *
 * <p>Without root, FRR, or a buildable module the fixture fails with the reason; OPENVNI_SKIP_FRR_GRPC=1 skips.
 */
final class ZebraWithGrpc implements AutoCloseable {
    private static final Path ZEBRA = Path.of("/usr/lib/frr/zebra");
    private static final int GRPC_PORT = 50051;

    private final String namespace;
    private final String hostVeth;
    private final String hostAddress;
    private final String zebraAddress;
    private final Path dir;
    private boolean namespaceCreated;

    private ZebraWithGrpc(final String id, final Path dir) {
        namespace = "ovni-fg-" + id;
        hostVeth = "ofg" + id + "h";
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        final String net = "169.254." + random.nextInt(1, 255) + ".";
        final int base = random.nextInt(0, 64) * 4;
        hostAddress = net + (base + 1);
        zebraAddress = net + (base + 2);
        this.dir = requireNonNull(dir);
    }

    static ZebraWithGrpc start() throws IOException, InterruptedException {
        Assumptions.assumeFalse(FrrGrpcModule.skipped(), FrrGrpcModule.SKIP_ENV + "=1: FRR gRPC tests skipped");
        if (!Commands.isRoot()) {
            throw new IllegalStateException("FRR gRPC tests need root (network namespaces, zebra); set "
                + FrrGrpcModule.SKIP_ENV + "=1 to skip them");
        }
        if (!Files.isExecutable(ZEBRA)) {
            throw new IllegalStateException(ZEBRA + " is missing: apt-get install frr (or set "
                + FrrGrpcModule.SKIP_ENV + "=1)");
        }
        final Path module = FrrGrpcModule.build();
        final String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
        final Path dir = Files.createTempDirectory("openvni-zebra-");
        final ZebraWithGrpc zebra = new ZebraWithGrpc(id, dir);
        try {
            zebra.boot(module);
            return zebra;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            zebra.close();
            throw e;
        }
    }

    private void boot(final Path module) throws IOException, InterruptedException {
        Commands.check("ip", "netns", "add", namespace);
        namespaceCreated = true;
        Commands.check("ip", "-n", namespace, "link", "set", "lo", "up");
        Commands.check("ip", "link", "add", hostVeth, "type", "veth", "peer", "name", "ofg-zebra", "netns", namespace);
        Commands.check("ip", "addr", "add", hostAddress + "/30", "dev", hostVeth);
        Commands.check("ip", "link", "set", hostVeth, "up");
        Commands.check("ip", "-n", namespace, "addr", "add", zebraAddress + "/30", "dev", "ofg-zebra");
        Commands.check("ip", "-n", namespace, "link", "set", "ofg-zebra", "up");
        // zebra drops to the frr user and must write its pid file, sockets and log here.
        Commands.check("chown", "frr:frr", dir.toString());
        final String d = dir.toString();
        Commands.check("ip", "netns", "exec", namespace, "unshare", "-m", "--propagation", "private", "sh", "-c",
            "mount -t tmpfs openvni-netns /run/netns && exec " + ZEBRA + " -d -P 0 -n --vty_socket " + d
                + " -z " + d + "/zserv.api -i " + d + "/zebra.pid -f /dev/null --log file:" + d + "/zebra.log -M "
                + module + ":" + GRPC_PORT + " </dev/null >" + d + "/zebra.out 2>&1");
        awaitGrpc();
    }

    private void awaitGrpc() throws InterruptedException, IOException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        FrrNorthboundException last = null;
        try (FrrNorthboundClient client = client()) {
            while (System.nanoTime() < deadline) {
                try {
                    client.capabilities();
                    return;
                } catch (FrrNorthboundException e) {
                    last = e;
                    Thread.sleep(100);
                }
            }
        }
        throw new IllegalStateException("zebra's gRPC port " + zebraAddress + ":" + GRPC_PORT
            + " did not answer within 15 s; zebra.log:\n" + log(), last);
    }

    FrrNorthboundClient client() {
        return new FrrNorthboundClient(zebraAddress, GRPC_PORT, Duration.ofSeconds(5));
    }

    /** Runs a command inside zebra's namespace, failing on a non-zero exit. */
    String inNamespace(final String... command) throws IOException {
        final List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(List.of(command));
        return Commands.check(full.toArray(String[]::new));
    }

    String vtysh(final String command) throws IOException {
        return Commands.check("vtysh", "--vty_socket", dir.toString(), "-c", command);
    }

    String log() throws IOException {
        final Path log = dir.resolve("zebra.log");
        return Files.exists(log) ? Files.readString(log) : "(no zebra.log)";
    }

    /** Stops zebra, deletes the namespace (and so both veth ends) and the directory; each step bounded. */
    @Override
    public void close() {
        try {
            final Path pidFile = dir.resolve("zebra.pid");
            if (Files.exists(pidFile)) {
                stop(Long.parseLong(Files.readString(pidFile).strip()));
            }
        } catch (IOException | NumberFormatException | InterruptedException e) {
            System.err.println("ZebraWithGrpc: stopping zebra: " + e);
        }
        try {
            if (namespaceCreated) {
                Commands.run(List.of("ip", "netns", "del", namespace), null, Duration.ofSeconds(10));
            }
            Commands.run(List.of("ip", "link", "del", hostVeth), null, Duration.ofSeconds(10));
        } catch (IOException e) {
            System.err.println("ZebraWithGrpc: deleting " + namespace + ": " + e);
        }
        Commands.deleteTree(dir);
    }

    private static void stop(final long pid) throws InterruptedException {
        final ProcessHandle process = ProcessHandle.of(pid).orElse(null);
        if (process == null || !process.info().command().map(command -> command.endsWith("zebra")).orElse(false)) {
            return;
        }
        process.destroy();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
