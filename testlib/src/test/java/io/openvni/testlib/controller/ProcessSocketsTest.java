package io.openvni.testlib.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What {@link ProcessSockets} finds of this very JVM's sockets in Linux's {@code /proc}. */
class ProcessSocketsTest {
    private static final long SELF = ProcessHandle.current().pid();

    @Test
    void findsTheListenerAndTheConnectionToItByTheirPorts() throws IOException {
        final var loopback = InetAddress.getLoopbackAddress();
        try (var server = new ServerSocket(0, 1, loopback);
             var client = new Socket(loopback, server.getLocalPort());
             var accepted = server.accept()) {
            assertTrue(ProcessSockets.listening(SELF).stream()
                .anyMatch(address -> address.getPort() == server.getLocalPort()), "listener not found");
            // the connection to the port; neither the listener on it nor the accepted end (its remote is the client)
            assertEquals(Set.of(new ProcessSockets.Connection(client.getLocalPort(), server.getLocalPort())),
                ProcessSockets.connectionsTo(SELF, Set.of(server.getLocalPort())));
            assertEquals(Set.of(new ProcessSockets.Connection(server.getLocalPort(), client.getLocalPort())),
                ProcessSockets.connectionsTo(SELF, Set.of(accepted.getPort())));
        }
    }
}
