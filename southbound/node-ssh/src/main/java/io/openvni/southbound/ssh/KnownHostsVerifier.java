package io.openvni.southbound.ssh;

import static java.util.Objects.requireNonNull;

import io.openvni.southbound.ssh.NodeUnreachableException.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.config.hosts.KnownHostHashValue;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MINA SSHD's OpenSSH {@code known_hosts} verifier (hashed hosts, {@code @revoked}, several keys per host, an
 * operator's edits picked up at the next connect) with trust on first contact: a node with no line gets one
 * ({@code [host]:port type base64}), a known key passes, a changed or revoked key is refused. The node's identity is
 * the {@code host:port} the operator configured, not whatever the name resolved to. Everything that cannot be
 * checked is refused: an unreadable file, a key that cannot be pinned.
 *
 * <p>MINA only says "server key did not validate" and clears a session's attributes when it closes it, so why a key
 * was refused goes into the {@link Check} of the connection context, which {@link SessionConnector} opened and
 * reads.
 */
final class KnownHostsVerifier extends KnownHostsServerKeyVerifier {
    /** The connection context's key of a session's {@link Check}. */
    static final AttributeKey<Check> CHECK = new AttributeKey<>();

    private static final String REVOKED = "revoked";
    private static final Logger LOG = LoggerFactory.getLogger(KnownHostsVerifier.class);

    /**
     * What one connect verifies (the target) and, once the key was refused, why.
     */
    static final class Check {
        private final SshTarget target;
        private final AtomicReference<@Nullable NodeUnreachableException> rejection = new AtomicReference<>();

        Check(final SshTarget target) {
            this.target = requireNonNull(target);
        }

        AttributeRepository context() {
            return AttributeRepository.ofKeyValuePair(CHECK, this);
        }

        @Nullable NodeUnreachableException rejection() {
            return rejection.get();
        }

        void reject(final Reason reason, final String message, final @Nullable Throwable cause) {
            rejection.compareAndSet(null, new NodeUnreachableException(reason, message, cause));
        }
    }

    /**
     * A verifier on a file, created at the first pin.
     *
     * @param file the {@code known_hosts} file; its folder must exist
     */
    KnownHostsVerifier(final Path file) {
        // the delegate decides about unknown hosts; acceptUnknownHostKey below does that itself
        super(RejectAllServerKeyVerifier.INSTANCE, file.toAbsolutePath());
    }

    @Override
    public boolean verifyServerKey(final ClientSession session, final SocketAddress remoteAddress,
            final PublicKey serverKey) {
        final Check check = check(session);
        if (check == null) {
            // only NodeSessions opens sessions, always with a check; refuse anything else
            return false;
        }
        try {
            return super.verifyServerKey(session, remoteAddress, serverKey);
        } catch (UncheckedIOException e) {
            check.reject(Reason.CONNECT, "cannot read the known host keys in " + getPath() + " to check the host key"
                + " of " + check.target.hostPort() + ": " + e.getCause().getMessage(), e);
            return false;
        }
    }

    // MINA's own supplier reads an unreadable file as empty, which would pin any key: fail instead
    @Override
    protected Supplier<Collection<HostEntryPair>> getKnownHostSupplier(final ClientSession session, final Path file) {
        return () -> {
            try {
                return List.copyOf(reloadKnownHosts(session, file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException | RuntimeException e) {
                throw new UncheckedIOException(new IOException(e.getMessage(), e));
            }
        };
    }

    @Override
    protected boolean acceptIncompleteHostKeys(final ClientSession session, final SocketAddress remoteAddress,
            final PublicKey serverKey, final Throwable reason) {
        throw new UncheckedIOException(new IOException(reason.getMessage(), reason));
    }

    // the one identity of a node: the host and port it was configured with
    @Override
    protected Collection<SshdSocketAddress> resolveHostNetworkIdentities(final ClientSession session,
            final SocketAddress remoteAddress) {
        final Check check = check(session);
        return check == null ? List.of() : List.of(new SshdSocketAddress(check.target.host(), check.target.port()));
    }

    // OpenSSH matches "@revoked * key" against "[host]:port" as well; MINA reads the "*" as port 22 only. Refusing a
    // revoked key on every port of a matching host is the safe side of that difference.
    @Override
    protected List<HostEntryPair> findKnownHostEntries(final ClientSession session, final SocketAddress remoteAddress,
            final Collection<HostEntryPair> knownHosts) {
        final var found = new ArrayList<>(super.findKnownHostEntries(session, remoteAddress, knownHosts));
        final Check check = check(session);
        if (check != null && knownHosts != null) {
            for (HostEntryPair pair : knownHosts) {
                final KnownHostEntry entry = pair.getHostEntry();
                if (REVOKED.equals(entry.getMarker()) && !found.contains(pair)
                        && entry.isHostMatch(check.target.host(), SshConstants.DEFAULT_PORT)) {
                    found.add(pair);
                }
            }
        }
        return found;
    }

    @Override
    protected boolean acceptUnknownHostKey(final ClientSession session, final SocketAddress remoteAddress,
            final PublicKey serverKey) {
        final Check check = requireNonNull(check(session));
        try {
            updateKnownHostsFile(session, remoteAddress, serverKey, getPath(), List.of());
        } catch (Exception e) {
            // a key we cannot pin is not trusted: the next connect would accept any key again
            check.reject(Reason.CONNECT, "cannot pin the host key of " + check.target.hostPort() + " in "
                + getPath() + ": " + e.getMessage(), e);
            return false;
        }
        LOG.info("{}: pinned host key {} on first contact in {}", check.target.label(), describe(serverKey),
            getPath());
        return true;
    }

    @Override
    public boolean acceptModifiedServerKey(final ClientSession session, final SocketAddress remoteAddress,
            final KnownHostEntry entry, final PublicKey expected, final PublicKey actual) {
        final Check check = requireNonNull(check(session));
        check.reject(Reason.HOST_KEY_CHANGED, "host key of " + check.target.hostPort() + " changed: " + getPath()
            + " has " + describe(expected) + ", the node offered " + describe(actual) + "; if the node was"
            + " reinstalled, remove its line from " + getPath() + " (ssh-keygen -R '" + hostPattern(check.target)
            + "' -f " + getPath() + ") to accept the new key", null);
        return false;
    }

    @Override
    protected void handleRevokedKey(final ClientSession session, final SocketAddress remoteAddress,
            final PublicKey serverKey) {
        final Check check = requireNonNull(check(session));
        check.reject(Reason.HOST_KEY_REVOKED, "host key of " + check.target.hostPort() + " is revoked: " + getPath()
            + " marks " + describe(serverKey) + " @revoked; the node needs a new host key", null);
    }

    private static @Nullable Check check(final ClientSession session) {
        final AttributeRepository context = session.getConnectionContext();
        return context == null ? null : context.getAttribute(CHECK);
    }

    private static String hostPattern(final SshTarget target) {
        return KnownHostHashValue.createHostPattern(target.host(), target.port());
    }

    private static String describe(final PublicKey key) {
        return KeyUtils.getKeyType(key) + " " + KeyUtils.getFingerPrint(key);
    }
}
