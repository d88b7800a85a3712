package io.openvni.southbound.ssh;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local port forward through a node's SSH session: connections to {@code 127.0.0.1:}{@link #localPort()} reach
 * {@code remoteHost:remotePort} as seen from the node (SSH {@code direct-tcpip}). It lives as long as the session it
 * was opened on: when {@link #isOpen()} turns {@code false} (the node went away), close it and open a new one.
 * Clients should not half-close their socket before the answer is in: in the tests, an answer after a local
 * {@code shutdownOutput()} did not come back through MINA's tunnel (gRPC over HTTP/2 does not half-close).
 */
public final class LocalForward implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalForward.class);

    private final SshTarget target;
    private final ClientSession session;
    private final SshdSocketAddress bound;
    private final String remote;
    private volatile boolean closed;

    LocalForward(final SshTarget target, final ClientSession session, final SshdSocketAddress bound,
            final String remote) {
        this.target = requireNonNull(target);
        this.session = requireNonNull(session);
        this.bound = requireNonNull(bound);
        this.remote = requireNonNull(remote);
    }

    /**
     * The local port, on 127.0.0.1.
     *
     * @return the port
     */
    public int localPort() {
        return bound.getPort();
    }

    /**
     * Whether the forward still works: not closed, and its session is open.
     *
     * @return {@code true} while connections to the local port are forwarded
     */
    public boolean isOpen() {
        return !closed && session.isOpen() && !session.isClosing();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (session.isOpen()) {
            try {
                session.stopLocalPortForwarding(bound);
            } catch (IOException e) {
                LOG.debug("{}: stopping the forward {} failed", target.label(), this, e);
            }
        }
        LOG.debug("{}: closed forward {}", target.label(), this);
    }

    @Override
    public String toString() {
        return "LocalForward[127.0.0.1:" + localPort() + " -> " + remote + " via " + target.label() + "]";
    }
}
