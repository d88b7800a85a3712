package io.openvni.testlib.controller;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The TCP sockets a process listens on, read from Linux {@code /proc} (no {@code ss} or {@code netstat} needed).
 */
final class ListeningSockets {
    private static final String TCP_LISTEN = "0A";

    private ListeningSockets() {
        // static only
    }

    static List<InetSocketAddress> of(final long pid) throws IOException {
        final Path proc = Path.of("/proc", Long.toString(pid));
        final Set<String> inodes = socketInodes(proc.resolve("fd"));
        final var result = new ArrayList<InetSocketAddress>();
        for (String table : List.of("tcp", "tcp6")) {
            final Path file = proc.resolve("net").resolve(table);
            if (!Files.exists(file)) {
                continue;
            }
            final List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                final String[] fields = line.trim().split("\\s+");
                if (fields.length > 9 && TCP_LISTEN.equals(fields[3]) && inodes.contains(fields[9])) {
                    result.add(parseAddress(fields[1]));
                }
            }
        }
        return result;
    }

    private static Set<String> socketInodes(final Path fdDir) throws IOException {
        final var inodes = new HashSet<String>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
            for (Path fd : fds) {
                try {
                    final String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException e) {
                    // the descriptor was closed while we looked: not a listener we care about
                }
            }
        }
        return inodes;
    }

    /**
     * Parse {@code 0100007F:1F95} or {@code 0000000000000000FFFF00000100007F:1F95}: the address is a sequence of
     * 32-bit words, each in host (little-endian) byte order.
     */
    static InetSocketAddress parseAddress(final String hexAddressAndPort) throws IOException {
        final int colon = hexAddressAndPort.indexOf(':');
        final String hexAddress = hexAddressAndPort.substring(0, colon);
        final ByteBuffer bytes = ByteBuffer.allocate(hexAddress.length() / 2);
        for (int i = 0; i < hexAddress.length(); i += 8) {
            bytes.putInt(Integer.reverseBytes(Integer.parseUnsignedInt(hexAddress.substring(i, i + 8), 16)));
        }
        final int port = Integer.parseInt(hexAddressAndPort.substring(colon + 1), 16);
        return new InetSocketAddress(InetAddress.getByAddress(bytes.array()), port);
    }
}
