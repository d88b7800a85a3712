package io.openvni.southbound.frr;

/**
 * A {@link NodeShell} command got no answer: connection refused or lost, or the command overran its timeout.
 */
public final class NodeUnreachableException extends Exception {
    private static final long serialVersionUID = 1L;

    public NodeUnreachableException(final String message) {
        super(message);
    }

    public NodeUnreachableException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
