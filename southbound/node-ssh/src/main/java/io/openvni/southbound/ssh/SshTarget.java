package io.openvni.southbound.ssh;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * A node router as the controller reaches it over SSH. {@link #toString()} never prints the credentials' secrets.
 *
 * @param host the node's address or host name
 * @param port the SSH port
 * @param username the user to log in as
 * @param credentials how to authenticate
 * @param connectTimeout bound on the TCP connect
 * @param authTimeout bound on key exchange plus authentication
 * @param commandTimeout default bound on a command, for {@link NodeSessions#exec(SshTarget, String)}
 */
public record SshTarget(String host, int port, String username, Credentials credentials, Duration connectTimeout,
        Duration authTimeout, Duration commandTimeout) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_AUTH_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(30);

    public SshTarget {
        requireNonNull(host);
        requireNonNull(username);
        requireNonNull(credentials);
        if (host.isBlank() || username.isBlank()) {
            throw new IllegalArgumentException("host and username must not be blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(authTimeout, "authTimeout");
        requirePositive(commandTimeout, "commandTimeout");
    }

    /**
     * A target with the default timeouts.
     *
     * @param host the node's address or host name
     * @param port the SSH port
     * @param username the user to log in as
     * @param credentials how to authenticate
     * @return the target
     */
    public static SshTarget of(final String host, final int port, final String username,
            final Credentials credentials) {
        return new SshTarget(host, port, username, credentials, DEFAULT_CONNECT_TIMEOUT, DEFAULT_AUTH_TIMEOUT,
            DEFAULT_COMMAND_TIMEOUT);
    }

    /**
     * This target with other timeouts.
     *
     * @param connect bound on the TCP connect
     * @param auth bound on key exchange plus authentication
     * @param command default bound on a command
     * @return the new target
     */
    public SshTarget withTimeouts(final Duration connect, final Duration auth, final Duration command) {
        return new SshTarget(host, port, username, credentials, connect, auth, command);
    }

    /**
     * The node's SSH endpoint, also the key of its pinned host key.
     *
     * @return {@code host:port}
     */
    public String hostPort() {
        return host + ":" + port;
    }

    /**
     * The prefix of log lines and messages about this target.
     *
     * @return {@code user@host:port}
     */
    public String label() {
        return username + "@" + hostPort();
    }

    @Override
    public String toString() {
        return "SshTarget[" + label() + ", " + credentials + ", connect " + connectTimeout + ", auth " + authTimeout
            + ", command " + commandTimeout + "]";
    }

    private static void requirePositive(final Duration duration, final String name) {
        requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
