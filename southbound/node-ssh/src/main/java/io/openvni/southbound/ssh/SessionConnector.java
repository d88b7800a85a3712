package io.openvni.southbound.ssh;

import io.openvni.southbound.ssh.NodeUnreachableException.Reason;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one MINA {@link SshClient} of a {@link NodeSessions} and how it opens an authenticated session to a node:
 * connect and authenticate within the target's timeouts, with the target's credentials only, the host key checked
 * against {@code known_hosts} ({@link KnownHostsVerifier}). Every failure is a {@link NodeUnreachableException}
 * naming the node and the reason. Thread-safe.
 */
final class SessionConnector {
    private static final Logger LOG = LoggerFactory.getLogger(SessionConnector.class);

    private final SshClient client;

    /** Sets up and starts the client. */
    SessionConnector(final Path knownHosts) {
        client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(new KnownHostsVerifier(knownHosts));
        // only the target's credentials: never ~/.ssh keys or ~/.ssh/config of whoever runs the controller
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        // keepalives with replies, so that a session to a node that vanished closes and gets reopened
        CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, Duration.ofSeconds(15));
        CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, 3);
        client.start();
    }

    /**
     * Opens a session to a node.
     *
     * @param target the node
     * @return the session, authenticated
     * @throws NodeUnreachableException when the node cannot be reached, its host key is refused or authentication
     *     fails or times out
     */
    ClientSession connect(final SshTarget target) throws NodeUnreachableException {
        final String where = target.hostPort();
        final var hostKey = new KnownHostsVerifier.Check(target);
        final ConnectFuture connecting;
        try {
            connecting = client.connect(target.username(), target.host(), target.port(), hostKey.context());
            if (!connecting.await(target.connectTimeout())) {
                connecting.cancel();
                throw NodeSessions.failure(target, Reason.CONNECT, "cannot connect to " + where
                    + ": no answer within " + target.connectTimeout(), null);
            }
        } catch (IOException e) {
            throw NodeSessions.failure(target, Reason.CONNECT, "cannot connect to " + where + ": " + e.getMessage(),
                e);
        }
        if (!connecting.isConnected()) {
            final Throwable cause = connecting.getException();
            throw failure(target, hostKey, Reason.CONNECT, "cannot connect to " + where + ": " + describe(cause),
                cause);
        }
        final ClientSession session = connecting.getSession();
        try {
            switch (target.credentials()) {
                case Credentials.Password password -> session.addPasswordIdentity(password.password());
                case Credentials.PrivateKey key -> session.addPublicKeyIdentity(
                    PrivateKeys.parse(key.pem(), key.passphrase()));
            }
            final AuthFuture auth = session.auth();
            final boolean done = auth.await(target.authTimeout());
            if (done && auth.isSuccess()) {
                LOG.info("{}: session open", target.label());
                return session;
            }
            if (!done) {
                throw failure(target, hostKey, Reason.TIMEOUT, "no authentication by " + where + " within "
                    + target.authTimeout(), null);
            }
            final String method = target.credentials() instanceof Credentials.Password ? "password" : "public key";
            throw failure(target, hostKey, Reason.AUTHENTICATION, "authentication as " + target.username() + " at "
                + where + " failed (" + method + "): " + describe(auth.getException()), auth.getException());
        } catch (IOException e) {
            throw failure(target, hostKey, Reason.CONNECT, "SSH handshake with " + where + " failed: "
                + e.getMessage(), e);
        } finally {
            if (!session.isAuthenticated()) {
                session.close(true);
            }
        }
    }

    /** Stops the client. */
    void stop() {
        client.stop();
    }

    // a refused host key is the one cause of a failed connect: MINA reports it as whatever broke next
    private static NodeUnreachableException failure(final SshTarget target, final KnownHostsVerifier.Check hostKey,
            final Reason reason, final String message, final @Nullable Throwable cause) {
        final NodeUnreachableException refused = hostKey.rejection();
        if (refused != null) {
            LOG.warn("{}: {}", target.label(), refused.getMessage());
            return refused;
        }
        return NodeSessions.failure(target, reason, message, cause);
    }

    private static String describe(final @Nullable Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
        }
        return cause == null ? "unknown reason" : String.valueOf(cause.getMessage());
    }
}
