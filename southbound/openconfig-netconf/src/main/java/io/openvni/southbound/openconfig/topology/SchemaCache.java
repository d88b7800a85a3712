package io.openvni.southbound.openconfig.topology;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Schema cache directories for leaf switches whose schema list is incomplete: the YANG sources of a leaf's
 * {@code netconf/schema-directory}, copied as {@code name@revision.yang} into a directory under ODL's NETCONF
 * schema cache root ({@code cache/} of the Karaf home), which the leaf's node names as its
 * {@code schema-cache-directory}.
 *
 * <p>ODL registers the files of a cache directory once, when it first uses that directory, so the directory must be
 * complete before any node names it. The directories are therefore content-addressed ({@code openvni-schema-<hash>}
 * of the sources' names and contents), made complete under a temporary name and then renamed, and never changed
 * afterwards: a changed source set gets a new directory, and leaves with the same sources share one (and ODL's
 * schema repository for it). ODL also stores the sources it downloads from the leaves there.
 */
final class SchemaCache {
    /** Prefix of the directories this class makes. */
    static final String PREFIX = "openvni-schema-";

    private static final Pattern MODULE = Pattern.compile("^\\s*(?:sub)?module\\s+\"?([\\w.-]+)\"?", Pattern.MULTILINE);
    private static final Pattern REVISION = Pattern.compile("\\brevision\\s+\"?(\\d{4}-\\d{2}-\\d{2})\"?");
    private static final int HASH_CHARS = 16;

    private final Path root;

    /**
     * A cache rooted where ODL's NETCONF connector keeps its schema caches.
     *
     * @param root ODL's cache root; ODL resolves {@code cache} against the working directory (the Karaf home)
     */
    SchemaCache(final Path root) {
        this.root = root;
    }

    /**
     * ODL's cache root as netconf 10.0.2 resolves it ({@code DefaultSchemaResourceManager}: {@code cache/<dir>}
     * relative to the working directory).
     */
    static SchemaCache odlDefault() {
        return new SchemaCache(Path.of("cache"));
    }

    /**
     * Makes (or finds) the complete cache directory for a directory of YANG sources.
     *
     * @param sources a directory of {@code *.yang} files (modules and submodules; not searched recursively)
     * @return the cache directory's name, relative to the root: the node's {@code schema-cache-directory}
     * @throws IOException if the sources cannot be read or the cache directory cannot be written
     */
    String prepare(final Path sources) throws IOException {
        if (!sources.isAbsolute()) {
            throw new IOException("schema-directory must be an absolute path: " + sources);
        }
        if (!Files.isDirectory(sources)) {
            throw new IOException("schema-directory is not a directory: " + sources);
        }
        final var files = new TreeMap<String, byte[]>();
        try (Stream<Path> list = Files.list(sources)) {
            for (Path file : list.filter(f -> f.getFileName().toString().endsWith(".yang"))
                    .filter(Files::isRegularFile).toList()) {
                final byte[] content = Files.readAllBytes(file);
                final String name = cacheName(file, new String(content, StandardCharsets.UTF_8));
                if (files.put(name, content) != null) {
                    throw new IOException("two sources in " + sources + " are both " + name);
                }
            }
        }
        if (files.isEmpty()) {
            throw new IOException("schema-directory has no *.yang files: " + sources);
        }
        final String directory = PREFIX + hash(files);
        final Path target = root.resolve(directory);
        if (Files.isDirectory(target)) {
            return directory;
        }
        Files.createDirectories(root);
        final Path staging = Files.createTempDirectory(root, ".openvni-staging-");
        try {
            for (var entry : files.entrySet()) {
                Files.write(staging.resolve(entry.getKey()), entry.getValue());
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                if (!Files.isDirectory(target)) {
                    throw e;
                }
                // made concurrently with the same content
            } catch (IOException e) {
                if (!Files.isDirectory(target)) {
                    throw e;
                }
            }
        } finally {
            deleteRecursively(staging);
        }
        return directory;
    }

    /** {@code name@revision.yang} with the newest revision, or {@code name.yang} for a source without one. */
    static String cacheName(final Path file, final String text) throws IOException {
        final var module = MODULE.matcher(text);
        if (!module.find()) {
            throw new IOException("not a YANG module or submodule: " + file);
        }
        final var revision = REVISION.matcher(text);
        String newest = null;
        while (revision.find()) {
            if (newest == null || revision.group(1).compareTo(newest) > 0) {
                newest = revision.group(1);
            }
        }
        return module.group(1) + (newest == null ? "" : "@" + newest) + ".yang";
    }

    private static String hash(final TreeMap<String, byte[]> files) {
        final MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
        for (var entry : files.entrySet()) {
            digest.update(entry.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(entry.getValue());
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, HASH_CHARS);
    }

    private static void deleteRecursively(final Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
