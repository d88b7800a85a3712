package io.openvni.southbound.frr.grpc;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real zebra (Debian's FRR 8.4) with the northbound gRPC module loaded, in a private network namespace.
 *
 * <p>The module binds all addresses inside the namespace. The test reaches it over a veth pair with a private /30:
 * one `ip link add` and two addresses, no forwarder process to start, watch and kill. zebra runs with `-n` (the
 * netns VRF backend, as on the nodes) in its own mount namespace with an empty /run/netns, so it does not take
 * other tests' namespaces for VRFs.
 *
 * <p>Without root, FRR, or a buildable module the fixture fails with the reason; OPENVNI_SKIP_FRR_GRPC=1 skips.
 */
final class ZebraWithGrpc implements AutoCloseable {
    static final String SKIP_ENV = "OPENVNI_SKIP_FRR_GRPC";
    private static final Path ZEBRA = Path.of("/usr/lib/frr/zebra");
    private static final Duration MODULE_BUILD_LIMIT = Duration.ofMinutes(20);
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
        Assumptions.assumeFalse("1".equals(System.getenv(SKIP_ENV)), SKIP_ENV + "=1: FRR gRPC tests skipped");
        final Path module = grpcModule();
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

    /** Runs scripts/frr-grpc-module.sh (a cached module comes back at once) and returns grpc.so's path. */
    private static Path grpcModule() throws IOException, InterruptedException {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("FRR gRPC tests need root (network namespaces, zebra); set "
                + SKIP_ENV + "=1 to skip them");
        }
        if (!Files.isExecutable(ZEBRA)) {
            throw new IllegalStateException(ZEBRA + " is missing: apt-get install frr (or set " + SKIP_ENV + "=1)");
        }
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isExecutable(root.resolve("scripts/frr-grpc-module.sh"))) {
            root = root.getParent();
        }
        if (root == null) {
            throw new IllegalStateException("scripts/frr-grpc-module.sh not found above " + Path.of("").toAbsolutePath());
        }
        final Run run = Run.of(MODULE_BUILD_LIMIT, root.resolve("scripts/frr-grpc-module.sh").toString());
        final List<String> lines = run.output().lines().toList();
        final String last = lines.isEmpty() ? "" : lines.getLast().strip();
        if (run.exitCode() != 0 || !last.endsWith("/grpc.so") || !Files.isRegularFile(Path.of(last))) {
            throw new IllegalStateException("cannot build FRR's grpc module (exit " + run.exitCode() + "):\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size())));
        }
        return Path.of(last);
    }

    private void boot(final Path module) throws IOException, InterruptedException {
        Run.check("ip", "netns", "add", namespace);
        namespaceCreated = true;
        Run.check("ip", "-n", namespace, "link", "set", "lo", "up");
        Run.check("ip", "link", "add", hostVeth, "type", "veth", "peer", "name", "ofg-zebra", "netns", namespace);
        Run.check("ip", "addr", "add", hostAddress + "/30", "dev", hostVeth);
        Run.check("ip", "link", "set", hostVeth, "up");
        Run.check("ip", "-n", namespace, "addr", "add", zebraAddress + "/30", "dev", "ofg-zebra");
        Run.check("ip", "-n", namespace, "link", "set", "ofg-zebra", "up");
        // zebra drops to the frr user and must write its pid file, sockets and log here.
        Run.check("chown", "frr:frr", dir.toString());
        final String d = dir.toString();
        Run.check("ip", "netns", "exec", namespace, "unshare", "-m", "--propagation", "private", "sh", "-c",
            "mount -t tmpfs openvni-netns /run/netns && exec " + ZEBRA + " -d -P 0 -n --vty_socket " + d
                + " -z " + d + "/zserv.api -i " + d + "/zebra.pid -f /dev/null --log file:" + d + "/zebra.log -M "
                + module + ":" + GRPC_PORT);
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
    String inNamespace(final String... command) throws IOException, InterruptedException {
        final List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(List.of(command));
        return Run.check(full.toArray(String[]::new));
    }

    String vtysh(final String command) throws IOException, InterruptedException {
        return Run.check("vtysh", "--vty_socket", dir.toString(), "-c", command);
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
                Run.of(Duration.ofSeconds(10), "ip", "netns", "del", namespace);
            }
            Run.of(Duration.ofSeconds(10), "ip", "link", "del", hostVeth);
        } catch (IOException | InterruptedException e) {
            System.err.println("ZebraWithGrpc: deleting " + namespace + ": " + e);
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("ZebraWithGrpc: deleting " + dir + ": " + e);
        }
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

    /** One bounded child process; its output (stdout and stderr merged) goes through a file, never a pipe. */
    record Run(int exitCode, String output) {
        Run {
            requireNonNull(output);
        }

        static Run of(final Duration limit, final String... command) throws IOException, InterruptedException {
            final Path out = Files.createTempFile("openvni-run-", ".out");
            try {
                final Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
                if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    throw new IOException(String.join(" ", command) + " did not finish within " + limit);
                }
                return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
            }
        }

        static String check(final String... command) throws IOException, InterruptedException {
            final Run run = of(Duration.ofSeconds(20), command);
            if (run.exitCode != 0) {
                throw new IOException(String.join(" ", command) + " exited " + run.exitCode + ": " + run.output);
            }
            return run.output;
        }
    }
}
