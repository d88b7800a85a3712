package io.openvni.southbound.ssh;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Host keys pinned for the lifetime of this object only: for tests, and for deployments that accept re-pinning after
 * a controller restart.
 */
public final class InMemoryHostKeyStore implements HostKeyStore {
    private final ConcurrentMap<String, String> keys = new ConcurrentHashMap<>();

    @Override
    public Optional<String> lookup(final String hostPort) {
        return Optional.ofNullable(keys.get(requireNonNull(hostPort)));
    }

    @Override
    public void pin(final String hostPort, final String publicKey) {
        keys.put(requireNonNull(hostPort), requireNonNull(publicKey));
    }

    @Override
    public boolean forget(final String hostPort) {
        return keys.remove(requireNonNull(hostPort)) != null;
    }
}
