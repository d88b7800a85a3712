package io.openvni.southbound.frr;

import io.openvni.southbound.frr.grpc.FrrNorthboundClient;
import io.openvni.southbound.frr.grpc.FrrNorthboundException;
import io.openvni.southbound.ssh.ExecResult;
import io.openvni.southbound.ssh.NodeUnreachableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A throwaway node router for tests: a holder process in private PID, mount and network namespaces with a private
 * {@code /run} (so a private {@code /run/netns}: zebra {@code -n} treats every entry as a VRF), running Debian's
 * zebra ({@code -n}, netns VRFs) and bgpd under FRR pathspace {@value #PATHSPACE}. Everything started in it dies
 * with the holder, the PID namespace's init; {@link #close()} stops the daemons, kills the holder and deletes the
 * folder. The system's FRR service is never touched. Public for scripts/bench-frr.sh (shared as a test-jar).
 *
 * <p>{@link #startWithGrpc} loads FRR's northbound gRPC module into zebra ({@code -M grpc.so:PORT}, the module from
 * {@code scripts/frr-grpc-module.sh}) and links the node to the test by a veth pair with a private /30, because
 * the node has no sshd to forward through: the test reaches the port at {@link #grpcAddress()}. The host end of the
 * pair dies with the node's network namespace.
 */
public final class FrrNode implements AutoCloseable {
    public static final String PATHSPACE = "ovt";
    static final int GRPC_PORT = 50051;
    static final String SKIP_GRPC_ENV = "OPENVNI_SKIP_FRR_GRPC";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Path dir;
    private final Process holder;
    private final long pid;
    private final LocalNamespaceShell shell;
    private @Nullable String hostVeth;
    private @Nullable String grpcAddress;

    private FrrNode(final Path dir, final Process holder, final long pid) {
        this.dir = dir;
        this.holder = holder;
        this.pid = pid;
        this.shell = new LocalNamespaceShell(pid);
    }

    /** Whether this machine can run the node: root, FRR and the tools. */
    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/lib/frr/zebra")) && Files.isExecutable(Path.of("/usr/lib/frr/bgpd"))
            && Stream.of("/usr/bin/nsenter", "/usr/bin/unshare", "/usr/bin/vtysh").allMatch(p -> Files.exists(
                Path.of(p))) && "root".equals(System.getProperty("user.name"));
    }

    public static FrrNode start() throws IOException, NodeUnreachableException, InterruptedException {
        return start(null);
    }

    /** A node whose zebra serves northbound gRPC on {@value #GRPC_PORT}, reachable at {@link #grpcAddress()}. */
    static FrrNode startWithGrpc() throws IOException, NodeUnreachableException, InterruptedException {
        return start(grpcModule());
    }

    private static FrrNode start(final @Nullable Path grpcModule) throws IOException, NodeUnreachableException,
            InterruptedException {
        final var dir = Files.createTempDirectory("ovni-frr-node");
        // the daemons drop root for the frr user, which must write their pid files and logs here
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        final var ready = dir.resolve("ready");
        Files.writeString(dir.resolve("holder.sh"), String.join("\n",
            "mount --make-rprivate /",
            "mount -t tmpfs -o mode=755 ovni-run /run",
            "mkdir -p /run/netns /run/frr && chown frr:frr /run/frr",
            "ip link set lo up",
            "touch " + ready,
            "exec sleep 3600", ""), StandardCharsets.UTF_8);
        final var holder = new ProcessBuilder("unshare", "--pid", "--fork", "--kill-child", "--mount-proc",
            "--mount", "--net", "bash", dir.resolve("holder.sh").toString())
            .redirectErrorStream(true).redirectOutput(dir.resolve("holder.log").toFile()).start();
        FrrNode node = null;
        try {
            final long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!Files.exists(ready) || holder.children().findAny().isEmpty()) {
                if (System.nanoTime() > deadline || !holder.isAlive()) {
                    throw new IOException("namespace holder did not start: "
                        + Files.readString(dir.resolve("holder.log")));
                }
                Thread.sleep(20);
            }
            node = new FrrNode(dir, holder, holder.children().findFirst().orElseThrow().pid());
            if (grpcModule != null) {
                node.linkToHost();
            }
            node.startDaemons(grpcModule);
            if (grpcModule != null) {
                node.awaitGrpc();
            }
            return node;
        } catch (IOException | NodeUnreachableException | InterruptedException | RuntimeException | Error e) {
            if (node != null) {
                node.close();
            } else {
                holder.destroyForcibly();
                deleteTree(dir);
            }
            throw e;
        }
    }

    /** Runs scripts/frr-grpc-module.sh (a cached module comes back at once) and returns grpc.so's path. */
    private static Path grpcModule() throws IOException, InterruptedException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isExecutable(root.resolve("scripts/frr-grpc-module.sh"))) {
            root = root.getParent();
        }
        if (root == null) {
            throw new IOException("scripts/frr-grpc-module.sh not found above " + Path.of("").toAbsolutePath());
        }
        final var out = Files.createTempFile("ovni-grpc-module", ".out");
        try {
            final var process = new ProcessBuilder(root.resolve("scripts/frr-grpc-module.sh").toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!process.waitFor(20, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("scripts/frr-grpc-module.sh did not finish");
            }
            final var lines = Files.readAllLines(out);
            final String last = lines.isEmpty() ? "" : lines.getLast().strip();
            if (process.exitValue() != 0 || !last.endsWith("/grpc.so") || !Files.isRegularFile(Path.of(last))) {
                throw new IOException("cannot build FRR's grpc module (set " + SKIP_GRPC_ENV + "=1 to skip): "
                    + String.join("\n", lines));
            }
            return Path.of(last);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private void linkToHost() throws IOException, InterruptedException, NodeUnreachableException {
        final String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
        final String net = "169.254." + ThreadLocalRandom.current().nextInt(1, 255) + ".";
        final int base = ThreadLocalRandom.current().nextInt(0, 64) * 4;
        hostVeth = "ovg" + id + "h";
        final var add = new ProcessBuilder("sh", "-c", "ip link add " + hostVeth + " type veth peer name ovgrpc netns "
            + pid + " && ip addr add " + net + (base + 1) + "/30 dev " + hostVeth + " && ip link set " + hostVeth
            + " up").redirectErrorStream(true).start();
        final String output = new String(add.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!add.waitFor(20, TimeUnit.SECONDS) || add.exitValue() != 0) {
            throw new IOException("cannot link the node to the host: " + output);
        }
        grpcAddress = net + (base + 2);
        check("ip addr add " + grpcAddress + "/30 dev ovgrpc && ip link set ovgrpc up");
    }

    private void awaitGrpc() throws IOException, InterruptedException {
        final long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (var client = new FrrNorthboundClient(grpcAddress(), GRPC_PORT, Duration.ofSeconds(2))) {
            while (true) {
                try {
                    client.capabilities();
                    return;
                } catch (FrrNorthboundException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IOException("zebra's gRPC did not answer: " + e.getMessage() + log("zebra.log"));
                    }
                    Thread.sleep(100);
                }
            }
        }
    }

    /** The node's address on the veth to the host, where zebra's gRPC port is reached. */
    String grpcAddress() {
        if (grpcAddress == null) {
            throw new IllegalStateException("the node was started without gRPC");
        }
        return grpcAddress;
    }

    private void startDaemons(final @Nullable Path grpcModule) throws NodeUnreachableException, IOException {
        final String common = " -N " + PATHSPACE + " -d -P 0 -f /dev/null";
        final String grpc = grpcModule == null ? "" : " -M " + grpcModule + ":" + GRPC_PORT;
        final var run = sh(String.join("\n",
            "/usr/lib/frr/zebra -n" + common + grpc + " -i " + dir + "/zebra.pid --log file:" + dir + "/zebra.log",
            "/usr/lib/frr/bgpd" + common + " -i " + dir + "/bgpd.pid --log file:" + dir + "/bgpd.log",
            "for i in $(seq 100); do",
            "  [ -S /run/frr/" + PATHSPACE + "/zebra.vty ] && [ -S /run/frr/" + PATHSPACE + "/bgpd.vty ] && exit 0",
            "  sleep 0.05",
            "done",
            "exit 1"));
        if (!run.succeeded()) {
            throw new IOException("FRR did not start: " + run.stderr() + log("zebra.log") + log("bgpd.log"));
        }
    }

    public NodeShell shell() {
        return shell;
    }

    /** Runs a command on the node and requires it to succeed. */
    public ExecResult sh(final String command) throws NodeUnreachableException {
        return shell.exec(command, null, TIMEOUT);
    }

    /** Runs a command on the node and returns its standard output; fails the caller when the command fails. */
    public String check(final String command) throws NodeUnreachableException {
        final var result = sh(command);
        if (!result.succeeded()) {
            throw new AssertionError(command + " failed: " + result.stderr() + result.stdout());
        }
        return result.stdout();
    }

    public String vtysh(final String... commands) throws NodeUnreachableException {
        final var line = new StringBuilder("vtysh -N " + PATHSPACE);
        for (var command : commands) {
            line.append(" -c '").append(command).append('\'');
        }
        return check(line + " 2>/dev/null");
    }

    public String runningConfig() throws NodeUnreachableException {
        return vtysh("show running-config");
    }

    public String log(final String name) {
        try {
            final var file = dir.resolve(name);
            return Files.exists(file) ? "\n--- " + name + "\n" + Files.readString(file) : "";
        } catch (IOException e) {
            return "\n--- " + name + ": " + e;
        }
    }

    @Override
    public void close() {
        try {
            shell.exec("for d in bgpd zebra; do [ -f " + dir + "/$d.pid ] && kill $(cat " + dir
                + "/$d.pid); done; true", null, Duration.ofSeconds(5));
        } catch (NodeUnreachableException e) {
            // the holder is killed below either way, and the daemons with it
        }
        if (hostVeth != null) {
            // normally gone with the namespace already; this covers a holder that outlived its kill
            try {
                new ProcessBuilder("ip", "link", "del", hostVeth).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
            } catch (IOException e) {
                // best effort
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        holder.descendants().forEach(ProcessHandle::destroyForcibly);
        holder.destroyForcibly();
        try {
            holder.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(dir);
    }

    private static void deleteTree(final Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp folder
        }
    }
}
