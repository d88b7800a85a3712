package io.openvni.southbound.ssh;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Host keys pinned in a file in OpenSSH {@code known_hosts} format ({@code [host]:port type base64}, one key per
 * node), so that an operator can read it, and use it with {@code ssh -o UserKnownHostsFile=...}. The file is read on
 * every call (an operator's edits count at once) and rewritten atomically (a crash never leaves half a file); lines
 * this store does not own, comments included, are kept.
 */
public final class FileHostKeyStore implements HostKeyStore {
    private final Path file;

    /**
     * A store in a file, created on the first pin.
     *
     * @param file the file; its directory must exist
     */
    public FileHostKeyStore(final Path file) {
        this.file = requireNonNull(file).toAbsolutePath();
    }

    @Override
    public synchronized Optional<String> lookup(final String hostPort) {
        final String host = knownHostsName(hostPort);
        return read().stream()
            .map(line -> line.strip().split("\\s+", 2))
            .filter(fields -> fields.length == 2 && fields[0].equals(host))
            .map(fields -> fields[1].strip())
            .findFirst();
    }

    @Override
    public synchronized void pin(final String hostPort, final String publicKey) {
        requireNonNull(publicKey);
        if (publicKey.isBlank() || publicKey.contains("\n")) {
            throw new IllegalArgumentException("not a public key line: " + publicKey);
        }
        final String host = knownHostsName(hostPort);
        final List<String> lines = without(read(), host);
        lines.add(host + " " + publicKey.strip());
        write(lines);
    }

    @Override
    public synchronized boolean forget(final String hostPort) {
        final String host = knownHostsName(hostPort);
        final List<String> lines = read();
        final List<String> kept = without(lines, host);
        if (kept.size() == lines.size()) {
            return false;
        }
        write(kept);
        return true;
    }

    /**
     * The file.
     *
     * @return its absolute path
     */
    public Path file() {
        return file;
    }

    @Override
    public String toString() {
        return "FileHostKeyStore[" + file + "]";
    }

    // known_hosts spells a non-default port as [host]:port; we always bracket, which OpenSSH also accepts for 22
    private static String knownHostsName(final String hostPort) {
        final int colon = requireNonNull(hostPort).lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException("not host:port: " + hostPort);
        }
        return "[" + hostPort.substring(0, colon) + "]" + hostPort.substring(colon);
    }

    private static List<String> without(final List<String> lines, final String host) {
        final var kept = new ArrayList<String>();
        for (String line : lines) {
            final String[] fields = line.strip().split("\\s+", 2);
            if (!fields[0].equals(host)) {
                kept.add(line);
            }
        }
        return kept;
    }

    private List<String> read() {
        try {
            return Files.exists(file) ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8))
                : new ArrayList<>();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pinned host keys from " + file, e);
        }
    }

    private void write(final List<String> lines) {
        Path temp = null;
        try {
            temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            Files.write(temp, lines, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pinned host keys to " + file, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // best effort: a stray temp file is harmless
                }
            }
        }
    }
}
