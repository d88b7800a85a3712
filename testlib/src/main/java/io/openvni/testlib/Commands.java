package io.openvni.testlib;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Bounded commands on this machine (in no namespace of a test), and the small file chores of the fixtures. Every
 * short-lived child process of the tests goes through {@link #start} or {@link #run}: its input fed and closed, both
 * outputs collected while it runs, its end awaited for a bounded time and the process tree killed past it.
 */
public final class Commands {
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration OUTPUT_GRACE = Duration.ofSeconds(1);

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

        /** Both outputs, for messages. */
        public String output() {
            return stdout + stderr;
        }
    }

    /** A command that did not finish in its time, and was killed. */
    public static final class TimedOut extends IOException {
        private static final long serialVersionUID = 1L;

        TimedOut(final String message) {
            super(message);
        }
    }

    private Commands() {
        // static helpers
    }

    /** Whether the tests run as root (namespaces, veths, daemons need it). */
    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * A started command whose two outputs are being collected (so it never blocks on a full pipe), until
     * {@link #await} bounds the wait for its end.
     */
    public static final class Started {
        private final Process process;
        private final String commandLine;
        private final CompletableFuture<String> stdout;
        private final CompletableFuture<String> stderr;

        Started(final Process process, final List<String> command) {
            this.process = process;
            commandLine = String.join(" ", command);
            stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        }

        /**
         * Waits for the command to end and returns what it did; a failing command is a result.
         *
         * @throws TimedOut when it overstays {@code timeout} (it and its children are killed then), or when a process
         *     it left behind keeps its output open past {@code timeout}
         */
        public Result await(final Duration timeout) throws IOException {
            final long deadline = System.nanoTime() + timeout.toNanos();
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    kill();
                    throw new TimedOut("timed out after " + timeout + ": " + commandLine);
                }
                // its outputs end when the last process holding them does: a daemon it started that kept them
                // (FRR 10 does) would hold this wait forever
                final long left = Math.max(deadline - System.nanoTime(), OUTPUT_GRACE.toNanos());
                return new Result(process.exitValue(), stdout.get(left, TimeUnit.NANOSECONDS),
                    stderr.get(left, TimeUnit.NANOSECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
                throw new IOException("interrupted: " + commandLine, e);
            } catch (ExecutionException e) {
                throw new IOException("cannot read the output of " + commandLine, e);
            } catch (TimeoutException e) {
                throw new TimedOut("ended (exit " + process.exitValue() + "), but a process it started still holds"
                    + " its output after " + timeout + " (a daemon that did not close it?): " + commandLine);
            }
        }

        private void kill() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /**
     * Starts a command, feeds it {@code stdin} (none: its input is closed at once) and collects its outputs;
     * the builder's redirects hold (a redirected output is collected as empty).
     *
     * @throws IOException when it cannot start
     */
    public static Started start(final ProcessBuilder command, final @Nullable String stdin) throws IOException {
        final var started = new Started(command.start(), command.command());
        try (var input = started.process.getOutputStream()) {
            if (stdin != null) {
                input.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the command did not read all its input; its exit status says the rest
        }
        return started;
    }

    /**
     * Runs a command, feeding it {@code stdin}; a failing command is a result.
     *
     * @throws TimedOut when it overstays {@code timeout} (it is killed then)
     */
    public static Result run(final ProcessBuilder command, final @Nullable String stdin, final Duration timeout)
            throws IOException {
        return start(command, stdin).await(timeout);
    }

    /**
     * Runs a command line, feeding it {@code stdin}; a failing command is a result.
     *
     * @throws TimedOut when it overstays {@code timeout} (it is killed then)
     */
    public static Result run(final List<String> command, final @Nullable String stdin, final Duration timeout)
            throws IOException {
        return run(new ProcessBuilder(command), stdin, timeout);
    }

    /** Runs a command line (30 s at most) and returns its standard output; throws with its output when it fails. */
    public static String check(final String... command) throws IOException {
        final var result = run(List.of(command), null, CHECK_TIMEOUT);
        if (!result.ok()) {
            throw new IOException(String.join(" ", command) + " failed (" + result.exit() + "): " + result.stderr()
                + result.stdout());
        }
        return result.stdout();
    }

    /** Deletes a folder and everything in it, best effort (a fixture's temporary folder). */
    public static void deleteTree(final Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + root + ": " + e);
        }
    }

    /** The last {@code count} lines of a text, for failure messages. */
    public static String tail(final String text, final int count) {
        final var lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    private static String readAll(final InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
