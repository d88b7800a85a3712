package io.openvni.testlib;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A throwaway "machine" on this host: a holder process in private PID, mount and network namespaces with a private
 * tmpfs on {@code /run} (so its FRR has its own {@code /run/frr} and {@code /run/netns}: zebra {@code -n} treats
 * every entry there as a VRF). Commands run inside with {@code nsenter -m -n -p}; {@code ip netns exec} would enter
 * the network namespace only, whose {@code /run/netns} is the host's, shared with every other FRR. The holder (a
 * bash that reaps orphans, as an init must) is the PID namespace's init child of {@code unshare --kill-child}: when
 * it dies, everything started inside dies with it, and the network namespace with its devices goes away. Its
 * lifetime is bounded even if this JVM is killed ({@code sleep}).
 */
public final class NamespaceHost implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final Path dir;
    private final Process holder;
    private final long pid;

    private NamespaceHost(final String name, final Path dir, final Process holder, final long pid) {
        this.name = name;
        this.dir = dir;
        this.holder = holder;
        this.pid = pid;
    }

    /** Whether this machine can start hosts: root and util-linux's {@code unshare} and {@code nsenter}. */
    public static boolean available() {
        return Commands.isRoot() && Files.isExecutable(Path.of("/usr/bin/unshare"))
            && Files.isExecutable(Path.of("/usr/bin/nsenter"));
    }

    /**
     * Starts a host.
     *
     * @param name a name for messages
     * @param dir its folder (for logs, pid files, keys); must exist, and stays the caller's to delete
     */
    public static NamespaceHost start(final String name, final Path dir) throws IOException {
        final var ready = dir.resolve("ready");
        Files.writeString(dir.resolve("holder.sh"), String.join("\n",
            "mount --make-rprivate /",
            "mount -t tmpfs -o mode=755 ovni-run /run",
            "mkdir -p /run/netns /run/frr /run/sshd && chown frr:frr /run/frr",
            "ip link set lo up",
            "touch " + ready,
            // bash stays the namespace's init: it reaps what is orphaned inside (a shell whose parent went, a
            // daemon's first fork), which a plain 'exec sleep' would leave as zombies for the host's lifetime
            "sleep " + LIFETIME.toSeconds() + " & wait $!", ""), StandardCharsets.UTF_8);
        final var holder = new ProcessBuilder("unshare", "--pid", "--fork", "--kill-child", "--mount-proc",
            "--mount", "--net", "bash", dir.resolve("holder.sh").toString())
            .redirectErrorStream(true).redirectOutput(dir.resolve("holder.log").toFile()).start();
        final long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try {
            while (!Files.exists(ready) || holder.children().findAny().isEmpty()) {
                if (System.nanoTime() > deadline || !holder.isAlive()) {
                    throw new IOException("namespace holder of " + name + " did not start: "
                        + Files.readString(dir.resolve("holder.log")));
                }
                Thread.sleep(20);
            }
        } catch (IOException | InterruptedException e) {
            holder.descendants().forEach(ProcessHandle::destroyForcibly);
            holder.destroyForcibly();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            throw (IOException) e;
        }
        return new NamespaceHost(name, dir, holder, holder.children().findFirst().orElseThrow().pid());
    }

    public String name() {
        return name;
    }

    public Path dir() {
        return dir;
    }

    /** The holder's PID in this host's (root) PID namespace: {@code ip link set X netns <pid>} moves a device in. */
    public long pid() {
        return pid;
    }

    /** Whether the holder lives: while it does, its namespaces are this host's (a new host has a new holder). */
    public boolean alive() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent();
    }

    /** Processes started inside, as seen from here. */
    public List<ProcessHandle> processes() {
        return holder.descendants().toList();
    }

    /** Runs {@code sh -c command} inside; a failing command is a result. */
    public Commands.Result sh(final String command, final @Nullable String stdin, final Duration timeout)
            throws IOException {
        return Commands.run(List.of("nsenter", "-t", Long.toString(pid), "-m", "-n", "-p", "sh", "-c", command),
            stdin, timeout);
    }

    /** Runs a command inside and returns its output; throws with its output when it fails. */
    public String check(final String command) throws IOException {
        final var result = sh(command, null, CHECK_TIMEOUT);
        if (!result.ok()) {
            throw new IOException(name + ": '" + command + "' failed (" + result.exit() + "): " + result.stderr()
                + result.stdout());
        }
        return result.stdout();
    }

    /**
     * Links this host to the root namespace by a veth pair with an address on each end; the pair goes with the
     * host's network namespace, and {@link HostLink#delete()} removes it at once.
     */
    public HostLink link(final HostLink link) throws IOException {
        Commands.check("ip", "link", "add", link.outsideDevice(), "type", "veth", "peer", "name",
            link.insideDevice(), "netns", Long.toString(pid));
        Commands.check("ip", "addr", "add", link.outsideAddress() + "/" + link.prefixLength(), "dev",
            link.outsideDevice());
        Commands.check("ip", "link", "set", link.outsideDevice(), "up");
        check("ip addr add " + link.insideAddress() + "/" + link.prefixLength() + " dev " + link.insideDevice()
            + " && ip link set " + link.insideDevice() + " up");
        return link;
    }

    /** Kills everything inside and waits (10 s at most) until it is gone; the kernel then drops the namespaces. */
    @Override
    public void close() {
        final var inside = holder.descendants().toList();
        inside.forEach(ProcessHandle::destroyForcibly);
        holder.destroyForcibly();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try {
            holder.waitFor(10, TimeUnit.SECONDS);
            while (inside.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return requireNonNull(name);
    }
}
