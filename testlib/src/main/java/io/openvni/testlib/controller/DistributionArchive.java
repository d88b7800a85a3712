package io.openvni.testlib.controller;

import static java.util.Objects.requireNonNull;

import io.openvni.testlib.Commands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A distribution archive ({@code openvni-karaf-*.tar.gz}) and how it becomes a Karaf home.
 *
 * @param file the archive
 */
record DistributionArchive(Path file) {
    static final String ARCHIVE_PROPERTY = "openvni.karaf.archive";

    DistributionArchive {
        requireNonNull(file);
    }

    /** The archive this build made: system property {@value #ARCHIVE_PROPERTY}, else found in its target. */
    static DistributionArchive built() throws IOException {
        final String archive = System.getProperty(ARCHIVE_PROPERTY);
        return new DistributionArchive(archive != null && !archive.isBlank() ? Path.of(archive) : findBuilt());
    }

    private static Path findBuilt() throws IOException {
        final Path target = Path.of("..", "karaf-dist", "distribution", "target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                final var found = files
                    .filter(file -> file.getFileName().toString().matches("openvni-karaf-.*\\.tar\\.gz"))
                    .findFirst();
                if (found.isPresent()) {
                    return found.orElseThrow();
                }
            }
        }
        return target.resolve("openvni-karaf.tar.gz");
    }

    /**
     * Unpacks the archive into a directory, replacing its content.
     *
     * @param directory what becomes the Karaf home
     * @throws IOException if there is no archive or unpacking fails
     */
    void unpackInto(final Path directory) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no distribution archive at " + file + "; build it: ./mvnw -pl karaf-dist -am "
                + "install");
        }
        deleteRecursively(directory);
        Files.createDirectories(directory);
        final var tar = Commands.run(new ProcessBuilder("tar", "-xzf", file.toString(), "-C",
            directory.toString(), "--strip-components=1").redirectErrorStream(true), null, Duration.ofMinutes(2));
        if (!tar.ok()) {
            throw new IOException("cannot unpack " + file + ": " + tar.output());
        }
    }

    // unlike Commands.deleteTree, fails: a stale home left behind would be started instead
    private static void deleteRecursively(final Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
