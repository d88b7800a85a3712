package io.openvni.testlib.controller;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Predicate;

/**
 * The logs of one Karaf home ({@code data/log}): {@code karaf.log}, which restarts append to, and the JVM's console
 * output. Remembers where the latest start's lines begin. Used by one thread at a time
 * ({@link ControllerDistribution}).
 */
final class KarafLogs {
    static final String LOG_DIR_PROPERTY = "openvni.it.logdir";

    private final Path karafLog;
    private final Path consoleLog;
    // where the latest start's lines begin in karaf.log
    private long start;

    KarafLogs(final Path home) {
        karafLog = requireNonNull(home).resolve("data/log/karaf.log");
        consoleLog = home.resolve("data/log/karaf-console.out");
    }

    Path karafLog() {
        return karafLog;
    }

    Path consoleLog() {
        return consoleLog;
    }

    /** A start begins: later lines are its own. */
    void markStart() throws IOException {
        start = Files.exists(karafLog) ? Files.size(karafLog) : 0;
    }

    /** The lines of {@code karaf.log} the latest start wrote that contain a text, oldest first. */
    List<String> linesSinceStart(final String text) throws IOException {
        return linesSinceStart(line -> line.contains(text));
    }

    /** The lines of {@code karaf.log} the latest start wrote that match, oldest first. */
    List<String> linesSinceStart(final Predicate<String> wanted) throws IOException {
        if (!Files.exists(karafLog)) {
            return List.of();
        }
        try (var channel = Files.newByteChannel(karafLog)) {
            channel.position(Math.min(start, channel.size()));
            return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(wanted).toList();
        }
    }

    /** The last lines of {@code karaf.log}, or a note that there is no log yet. */
    String tail(final int lines) {
        try {
            final List<String> all = Files.readAllLines(karafLog, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no " + karafLog + ": " + e.getMessage() + ")";
        }
    }

    /**
     * Copies every log next to the test reports (system property {@value #LOG_DIR_PROPERTY}, else
     * {@code target/karaf-logs}), into a subfolder; a failure to copy is only told.
     */
    Path capture(final String name) {
        final Path target = Path.of(System.getProperty(LOG_DIR_PROPERTY, "target/karaf-logs"))
            .resolve(name.replaceAll("[^A-Za-z0-9._-]+", "_"));
        try {
            Files.createDirectories(target);
            final Path logDir = karafLog.getParent();
            if (Files.isDirectory(logDir)) {
                try (DirectoryStream<Path> logs = Files.newDirectoryStream(logDir)) {
                    for (Path log : logs) {
                        if (Files.isRegularFile(log)) {
                            Files.copy(log, target.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
        } catch (IOException e) {
            ControllerDistribution.log("cannot copy logs to " + target + ": " + e);
        }
        return target.toAbsolutePath();
    }
}
