package io.openvni.it.nodes;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A throwaway "machine" on this host: a holder process in private PID, mount and network namespaces with a private
 * tmpfs on {@code /run} (so its FRR has its own {@code /run/frr} and {@code /run/netns}: zebra {@code -n} treats
 * every entry there as a VRF). Commands run inside with {@code nsenter -m -n -p}. The holder (a bash that reaps
 * orphans, as an init must) is the PID namespace's init child of {@code unshare --kill-child}: when it dies,
 * everything started inside dies with it, and the network namespace with its devices goes away. Its lifetime is
 * bounded even if this JVM is killed ({@code sleep}).
 */
public final class NamespaceHost implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration LIFETIME = Duration.ofHours(1);

    private final String name;
    private final Path dir;
    private final Process holder;
    private final long pid;

    /**
     * What a command did.
     *
     * @param exit its exit status
     * @param stdout its standard output
     * @param stderr its standard error
     */
    public record Result(int exit, String stdout, String stderr) {
        public boolean ok() {
            return exit == 0;
        }
    }

    private NamespaceHost(final String name, final Path dir, final Process holder, final long pid) {
        this.name = name;
        this.dir = dir;
        this.holder = holder;
        this.pid = pid;
    }

    /**
     * Starts a host.
     *
     * @param name a name for messages
     * @param dir its folder (for logs, pid files, keys); must exist
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

    /** Processes started inside, as seen from here. */
    public List<ProcessHandle> processes() {
        return holder.descendants().toList();
    }

    /** Runs {@code sh -c command} inside; a failing command is a result. */
    public Result sh(final String command, final @Nullable String stdin, final Duration timeout) throws IOException {
        return run(List.of("nsenter", "-t", Long.toString(pid), "-m", "-n", "-p", "sh", "-c", command), stdin,
            timeout);
    }

    /** Runs a command inside and returns its output; throws with its output when it fails. */
    public String check(final String command) throws IOException {
        final var result = sh(command, null, Duration.ofSeconds(30));
        if (!result.ok()) {
            throw new IOException(name + ": '" + command + "' failed (" + result.exit() + "): " + result.stderr()
                + result.stdout());
        }
        return result.stdout();
    }

    /** Runs a command line on this machine (not inside any host), bounded. */
    static Result run(final List<String> command, final @Nullable String stdin, final Duration timeout)
            throws IOException {
        final Process process = new ProcessBuilder(command).start();
        final var out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        final var err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try (var input = process.getOutputStream()) {
            if (stdin != null) {
                input.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the command did not read all its input; its exit status says the rest
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IOException("timed out after " + timeout + ": " + String.join(" ", command));
            }
            return new Result(process.exitValue(), out.get(), err.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        } catch (ExecutionException e) {
            throw new IOException("cannot read the output of " + String.join(" ", command), e);
        }
    }

    /** Runs a command line on this machine and requires success. */
    static String checkHere(final String... command) throws IOException {
        final var result = run(List.of(command), null, Duration.ofSeconds(30));
        if (!result.ok()) {
            throw new IOException(String.join(" ", command) + " failed: " + result.stderr() + result.stdout());
        }
        return result.stdout();
    }

    private static String readAll(final InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills everything inside; the kernel then drops the namespaces and their devices. */
    @Override
    public void close() {
        holder.descendants().forEach(ProcessHandle::destroyForcibly);
        holder.destroyForcibly();
        try {
            holder.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return requireNonNull(name);
    }
}
