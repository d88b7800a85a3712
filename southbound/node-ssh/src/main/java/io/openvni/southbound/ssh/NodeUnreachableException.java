package io.openvni.southbound.ssh;

import static java.util.Objects.requireNonNull;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The controller could not do what it wanted on a node: it could not connect, authenticate, trust the node's host
 * key, open a channel, or the command did not finish in time. The message names the node ({@code host:port}) and
 * the reason, never a secret.
 */
public final class NodeUnreachableException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why, for callers that react differently (a changed host key needs an operator, a timeout may not). */
    public enum Reason {
        /** TCP connect failed or timed out, or the SSH handshake broke. */
        CONNECT,
        /** The node rejected the credentials. */
        AUTHENTICATION,
        /** The node offered a host key other than the one {@code known_hosts} has for it. */
        HOST_KEY_CHANGED,
        /** The node offered a host key that {@code known_hosts} marks {@code @revoked}. */
        HOST_KEY_REVOKED,
        /** The session broke, or the node refused a channel. */
        CHANNEL,
        /** A command or forward did not complete within its timeout. */
        TIMEOUT
    }

    private final Reason reason;

    /**
     * A failure.
     *
     * @param reason why
     * @param message what, naming the node
     * @param cause the underlying exception, or {@code null}
     */
    public NodeUnreachableException(final Reason reason, final String message, final @Nullable Throwable cause) {
        super(message, cause);
        this.reason = requireNonNull(reason);
    }

    /**
     * Why the node was unreachable.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
