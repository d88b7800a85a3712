package io.openvni.core.intent;

import static java.util.Objects.requireNonNull;

import org.eclipse.jdt.annotation.Nullable;

/**
 * How the controller reaches a leaf switch's NETCONF server over SSH.
 */
public record NetconfAccess(String host, int port, String username, @Nullable Secret password) {
    public NetconfAccess {
        requireNonNull(host);
        requireNonNull(username);
    }
}
