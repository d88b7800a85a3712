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
 * The TCP sockets of a process, read from Linux {@code /proc} (no {@code ss} or {@code netstat} needed): those it
 * listens on, and those it opened to given ports.
 */
final class ProcessSockets {
    private static final String TCP_LISTEN = "0A";

    private ProcessSockets() {
        // static only
    }

    /** The local addresses of the sockets the process listens on. */
    static List<InetSocketAddress> listening(final long pid) throws IOException {
        final var result = new ArrayList<InetSocketAddress>();
        for (String[] socket : sockets(pid)) {
            if (TCP_LISTEN.equals(socket[3])) {
                result.add(parseAddress(socket[1]));
            }
        }
        return result;
    }

    /**
     * A connection the process opened, by its ports.
     *
     * @param localPort the process's end
     * @param remotePort the other end
     */
    record Connection(int localPort, int remotePort) {
        // ports only
    }

    /** The process's connections (sockets in any state but listening) whose remote port is one of these. */
    static Set<Connection> connectionsTo(final long pid, final Set<Integer> remotePorts) throws IOException {
        final var result = new HashSet<Connection>();
        for (String[] socket : sockets(pid)) {
            final int remote = parseAddress(socket[2]).getPort();
            if (!TCP_LISTEN.equals(socket[3]) && remotePorts.contains(remote)) {
                result.add(new Connection(parseAddress(socket[1]).getPort(), remote));
            }
        }
        return result;
    }

    /** The process's lines of {@code /proc/<pid>/net/tcp} and {@code tcp6}, split into fields. */
    private static List<String[]> sockets(final long pid) throws IOException {
        final Path proc = Path.of("/proc", Long.toString(pid));
        final Set<String> inodes = socketInodes(proc.resolve("fd"));
        final var result = new ArrayList<String[]>();
        for (String table : List.of("tcp", "tcp6")) {
            final Path file = proc.resolve("net").resolve(table);
            if (!Files.exists(file)) {
                continue;
            }
            final List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                final String[] fields = line.trim().split("\\s+");
                if (fields.length > 9 && inodes.contains(fields[9])) {
                    result.add(fields);
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
                    // the descriptor was closed while we looked: not a socket we care about
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
