package io.openvni.southbound.frr;

import io.openvni.southbound.ssh.ExecResult;
import io.openvni.southbound.ssh.NodeUnreachableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway node router for tests: a holder process in private PID, mount and network namespaces with a private
 * {@code /run} (so a private {@code /run/netns}: zebra {@code -n} treats every entry as a VRF), running Debian's
 * zebra ({@code -n}, netns VRFs) and bgpd under FRR pathspace {@value #PATHSPACE}. Everything started in it dies
 * with the holder, the PID namespace's init; {@link #close()} stops the daemons, kills the holder and deletes the
 * folder. The system's FRR service is never touched. Public for scripts/bench-frr.sh (shared as a test-jar).
 */
public final class FrrNode implements AutoCloseable {
    public static final String PATHSPACE = "ovt";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Path dir;
    private final Process holder;
    private final LocalNamespaceShell shell;

    private FrrNode(final Path dir, final Process holder, final long pid) {
        this.dir = dir;
        this.holder = holder;
        this.shell = new LocalNamespaceShell(pid);
    }

    /** Whether this machine can run the node: root, FRR and the tools. */
    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/lib/frr/zebra")) && Files.isExecutable(Path.of("/usr/lib/frr/bgpd"))
            && Stream.of("/usr/bin/nsenter", "/usr/bin/unshare", "/usr/bin/vtysh").allMatch(p -> Files.exists(
                Path.of(p))) && "root".equals(System.getProperty("user.name"));
    }

    public static FrrNode start() throws IOException, NodeUnreachableException, InterruptedException {
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
            node.startDaemons();
            return node;
        } catch (IOException | NodeUnreachableException | InterruptedException | RuntimeException e) {
            if (node != null) {
                node.close();
            } else {
                holder.destroyForcibly();
                deleteTree(dir);
            }
            throw e;
        }
    }

    private void startDaemons() throws NodeUnreachableException, IOException {
        final String common = " -N " + PATHSPACE + " -d -P 0 -f /dev/null";
        final var run = sh(String.join("\n",
            "/usr/lib/frr/zebra -n" + common + " -i " + dir + "/zebra.pid --log file:" + dir + "/zebra.log",
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
