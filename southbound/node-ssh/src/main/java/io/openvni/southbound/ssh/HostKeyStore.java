package io.openvni.southbound.ssh;

import java.util.Optional;

/**
 * The pinned host keys of nodes, by {@code host:port}. Keys are OpenSSH public key lines
 * ({@code ssh-ed25519 AAAA...}). Implementations are thread-safe.
 */
public interface HostKeyStore {
    /**
     * The pinned key of a node.
     *
     * @param hostPort {@code host:port}
     * @return the OpenSSH public key line, or empty when nothing is pinned
     */
    Optional<String> lookup(String hostPort);

    /**
     * Pin a node's key, replacing any pinned one.
     *
     * @param hostPort {@code host:port}
     * @param publicKey the OpenSSH public key line
     */
    void pin(String hostPort, String publicKey);

    /**
     * Forget a node's pinned key, so that the next connect pins whatever key the node offers; for an operator who
     * knows the node's key changed legitimately (reinstall).
     *
     * @param hostPort {@code host:port}
     * @return whether a key was pinned
     */
    boolean forget(String hostPort);
}
