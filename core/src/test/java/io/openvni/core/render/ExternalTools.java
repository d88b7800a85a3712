package io.openvni.core.render;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs real tools (yanglint, FRR, iproute2) from tests that check rendered output against them. Every run is
 * bounded in time; a run that overstays is killed.
 */
public final class ExternalTools {
    /**
     * What a tool run produced.
     *
     * @param exitCode the exit code
     * @param output standard output and standard error, interleaved
     */
    public record Run(int exitCode, String output) {
    }

    private ExternalTools() {
        // static helpers only
    }

    /** The tool's path if it is an executable on the PATH or an absolute path. */
    public static Optional<Path> find(final String tool) {
        if (tool.startsWith("/")) {
            final var path = Path.of(tool);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        final String pathVariable = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        return Arrays.stream(pathVariable.split(File.pathSeparator))
            .map(dir -> Path.of(dir, tool))
            .filter(Files::isExecutable)
            .findFirst();
    }

    /** Whether the tests run as root (FRR in private namespaces needs it). */
    public static boolean isRoot() {
        try {
            return run(List.of("id", "-u"), Duration.ofSeconds(5)).output().strip().equals("0");
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /**
     * Runs a command and waits for it.
     *
     * @throws IllegalStateException if it cannot be started or does not finish in time (it is then killed)
     */
    public static Run run(final List<String> command, final Duration timeout) {
        final Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        }
        try {
            process.getOutputStream().close();
            // Read on another thread so that a chatty process cannot block on a full pipe.
            final var output = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "[output lost: " + e.getMessage() + "]";
                }
            });
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(command + " did not finish within " + timeout);
            }
            return new Run(process.exitValue(), output.get(5, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("reading the output of " + command + " failed", e);
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("running " + command + " failed", e);
        }
    }
}
