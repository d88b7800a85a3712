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
import java.util.stream.Stream;
import org.eclipse.jdt.annotation.Nullable;

/** Bounded commands on this machine (in no namespace of a test), and the small file chores of the fixtures. */
public final class Commands {
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);

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
     * Runs a command line, feeding it {@code stdin}; a failing command is a result.
     *
     * @throws TimedOut when it overstays {@code timeout} (it is killed then)
     */
    public static Result run(final List<String> command, final @Nullable String stdin, final Duration timeout)
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
                throw new TimedOut("timed out after " + timeout + ": " + String.join(" ", command));
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
