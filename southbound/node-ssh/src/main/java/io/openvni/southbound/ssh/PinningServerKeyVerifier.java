package io.openvni.southbound.ssh;

import static java.util.Objects.requireNonNull;

import io.openvni.southbound.ssh.NodeUnreachableException.Reason;
import java.net.SocketAddress;
import java.security.PublicKey;
import java.util.Optional;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trust on first use: an unknown node's key is pinned, the pinned key is accepted, any other key is rejected. The
 * target comes from the connection context (not the resolved remote address), so the pin is keyed by the
 * {@code host:port} the operator configured. A rejection is left on the session for {@link NodeSessions} to report,
 * because MINA itself only says "server key did not validate".
 */
final class PinningServerKeyVerifier implements ServerKeyVerifier {
    /** The target a session was opened for, set in the connection context. */
    static final AttributeKey<SshTarget> TARGET = new AttributeKey<>();
    /** Why the verifier rejected the session's server key. */
    static final AttributeKey<NodeUnreachableException> REJECTION = new AttributeKey<>();

    private static final Logger LOG = LoggerFactory.getLogger(PinningServerKeyVerifier.class);

    private final HostKeyStore store;

    PinningServerKeyVerifier(final HostKeyStore store) {
        this.store = requireNonNull(store);
    }

    static AttributeRepository context(final SshTarget target) {
        return AttributeRepository.ofKeyValuePair(TARGET, target);
    }

    @Override
    public boolean verifyServerKey(final ClientSession session, final SocketAddress remoteAddress,
            final PublicKey serverKey) {
        final AttributeRepository context = session.getConnectionContext();
        final SshTarget target = context == null ? null : context.getAttribute(TARGET);
        if (target == null) {
            // only NodeSessions opens sessions, always with a context; refuse anything else
            LOG.warn("{}: session without a target, rejecting its host key", remoteAddress);
            return false;
        }
        final String hostPort = target.hostPort();
        try {
            final String offered = PublicKeyEntry.toString(serverKey);
            final Optional<String> pinned = store.lookup(hostPort);
            if (pinned.isEmpty()) {
                store.pin(hostPort, offered);
                LOG.info("{}: pinned host key {} on first use", target.label(), KeyUtils.getFingerPrint(serverKey));
                return true;
            }
            if (sameKey(pinned.orElseThrow(), offered)) {
                return true;
            }
            final String message = "host key of " + hostPort + " changed: pinned " + fingerprint(pinned.orElseThrow())
                + ", offered " + KeyUtils.getFingerPrint(serverKey)
                + " (if the node was reinstalled, forget the pinned key)";
            LOG.warn("{}: {}", target.label(), message);
            session.setAttribute(REJECTION, new NodeUnreachableException(Reason.HOST_KEY_CHANGED, message, null));
            return false;
        } catch (RuntimeException e) {
            // fail closed: a key we cannot check or pin is not trusted
            final String message = "cannot check the host key of " + hostPort + ": " + e.getMessage();
            LOG.warn("{}: {}", target.label(), message, e);
            session.setAttribute(REJECTION, new NodeUnreachableException(Reason.CONNECT, message, e));
            return false;
        }
    }

    // compare type and key data only: the comment field of a pinned line is free text
    private static boolean sameKey(final String pinned, final String offered) {
        final String[] a = pinned.strip().split("\\s+");
        final String[] b = offered.strip().split("\\s+");
        return a.length >= 2 && b.length >= 2 && a[0].equals(b[0]) && a[1].equals(b[1]);
    }

    private static String fingerprint(final String line) {
        try {
            return KeyUtils.getFingerPrint(PublicKeyEntry.parsePublicKeyEntry(line).resolvePublicKey(null, null,
                null));
        } catch (Exception e) {
            return "(unreadable: " + line + ")";
        }
    }
}
