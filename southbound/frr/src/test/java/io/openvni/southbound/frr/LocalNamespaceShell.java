package io.openvni.southbound.frr;

import io.openvni.southbound.ssh.ExecResult;
import io.openvni.southbound.ssh.NodeUnreachableException;
import io.openvni.southbound.ssh.NodeUnreachableException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A {@link NodeShell} on this machine: {@code sh -c} inside the network, mount and PID namespaces of a process
 * ({@code nsenter}). {@code ip netns exec} would enter the network namespace only, and its mount namespace is a
 * slave of the host's, so {@code /run/netns} there is the host's, shared with every other FRR instance; entering
 * the holder's mount namespace gives each test node a private {@code /run} and {@code /run/netns}.
 */
final class LocalNamespaceShell implements NodeShell {
    private final long pid;

    LocalNamespaceShell(final long pid) {
        this.pid = pid;
    }

    @Override
    public ExecResult exec(final String command, final @Nullable String stdin, final Duration timeout)
            throws NodeUnreachableException {
        final Process process;
        try {
            process = new ProcessBuilder(List.of("nsenter", "-t", Long.toString(pid), "-m", "-n", "-p", "sh", "-c",
                command)).start();
        } catch (IOException e) {
            throw new NodeUnreachableException(Reason.CHANNEL, "cannot start nsenter: " + e.getMessage(), e);
        }
        final var out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        final var err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try (var input = process.getOutputStream()) {
            if (stdin != null) {
                input.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the command exited without reading all of its input; its exit code tells the rest
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new NodeUnreachableException(Reason.TIMEOUT, "command did not finish within " + timeout + ": " + command,
                    null);
            }
            return new ExecResult(process.exitValue(), out.get(), err.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new NodeUnreachableException(Reason.CHANNEL, "interrupted", e);
        } catch (ExecutionException e) {
            throw new NodeUnreachableException(Reason.CHANNEL, "reading the command's output failed", e);
        }
    }

    /** The holder process, while it lives: its namespaces are the node's, and a new node has a new holder. */
    @Override
    public OptionalLong session() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() ? OptionalLong.of(pid)
            : OptionalLong.empty();
    }

    private static String readAll(final InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
