package io.openvni.testlib.leaves;

import io.openvni.testlib.controller.Processes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

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

    /** What a short command printed and how it exited. */
    record Result(int exit, String output) {
    }

    static Result run(final List<String> command) throws IOException {
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(Processes.waitFor(process, Duration.ofSeconds(30)), output);
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
            final List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
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

    static void deleteRecursively(final Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            log("could not remove " + dir + ": " + e);
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
