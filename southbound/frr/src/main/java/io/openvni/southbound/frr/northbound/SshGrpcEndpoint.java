package io.openvni.southbound.frr.northbound;

import static java.util.Objects.requireNonNull;

import io.openvni.southbound.ssh.LocalForward;
import io.openvni.southbound.ssh.NodeSessions;
import io.openvni.southbound.ssh.NodeTargets;
import io.openvni.southbound.ssh.NodeUnreachableException;

/**
 * Reaches a node's gRPC port through an SSH local forward over the node's cached session, to
 * {@code 127.0.0.1:<port>} as seen from the node: the port is never reached over the network directly.
 */
public final class SshGrpcEndpoint implements GrpcEndpoint {
    private final NodeSessions sessions;
    private final NodeTargets targets;

    public SshGrpcEndpoint(final NodeSessions sessions, final NodeTargets targets) {
        this.sessions = requireNonNull(sessions);
        this.targets = requireNonNull(targets);
    }

    @Override
    public Tunnel open(final String device, final int remotePort) throws NodeUnreachableException {
        final var target = targets.target(device).orElseThrow(() -> new NodeUnreachableException(
            NodeUnreachableException.Reason.CONNECT, "the fabric has no SSH settings for node router " + device,
            null));
        final LocalForward forward = sessions.forwardLocal(target, "127.0.0.1", remotePort);
        return new Tunnel() {
            @Override
            public String host() {
                return "127.0.0.1";
            }

            @Override
            public int port() {
                return forward.localPort();
            }

            @Override
            public boolean isOpen() {
                return forward.isOpen();
            }

            @Override
            public void close() {
                forward.close();
            }
        };
    }
}
