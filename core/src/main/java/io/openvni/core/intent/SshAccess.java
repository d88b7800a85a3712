package io.openvni.core.intent;

import static java.util.Objects.requireNonNull;

import org.eclipse.jdt.annotation.Nullable;

/**
 * How the controller reaches a node over SSH: a password or the PEM text of a private key.
 */
public record SshAccess(String host, int port, String username, @Nullable Secret password,
        @Nullable Secret privateKey) {
    public SshAccess {
        requireNonNull(host);
        requireNonNull(username);
    }
}
