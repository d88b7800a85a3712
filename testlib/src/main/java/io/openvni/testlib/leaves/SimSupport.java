package io.openvni.testlib.leaves;

import io.openvni.testlib.Commands;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

/**
 * Process and file helpers shared by the leaf simulator classes.
 */
final class SimSupport {
    static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration TERM_TIMEOUT = Duration.ofSeconds(6);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(3);

    private SimSupport() {
        // static only
    }

    /** Runs a short command (30 s at most), its standard error merged into its output. */
    static Commands.Result run(final List<String> command) throws IOException {
        return Commands.run(new ProcessBuilder(command).redirectErrorStream(true), null, Duration.ofSeconds(30));
    }

    /** SIGTERM to all at once, SIGKILL to what is left after a few seconds. */
    static void terminate(final List<ProcessHandle> handles) {
        handles.forEach(ProcessHandle::destroy);
        if (!awaitExit(handles, TERM_TIMEOUT)) {
            handles.stream().filter(ProcessHandle::isAlive).forEach(handle -> {
                log("process " + handle.pid() + " ignored SIGTERM for " + TERM_TIMEOUT + "; killing it");
                handle.destroyForcibly();
            });
            awaitExit(handles, KILL_TIMEOUT);
        }
    }

    private static boolean awaitExit(final List<ProcessHandle> handles, final Duration timeout) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (handles.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(Duration.ofMillis(20));
        }
        return true;
    }

    static void openUp(final Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    static String tail(final Path file, final int lines) {
        try {
            return Commands.tail(Files.readString(file, StandardCharsets.UTF_8), lines);
        } catch (IOException e) {
            return "(no " + file + ")";
        }
    }

    static String readIfExists(final Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    static void sleep(final Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void log(final String message) {
        System.out.println("[openvni-sim] " + message);
    }
}
