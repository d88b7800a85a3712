package io.openvni.southbound.ssh;

import static java.util.Objects.requireNonNull;

import io.openvni.southbound.ssh.NodeUnreachableException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller's SSH sessions to node routers: one shared MINA client ({@link SessionConnector}), one cached
 * authenticated session per {@link SshTarget} ({@link SessionSlot}), reopened transparently when it was closed (node
 * restarted, idle timeout). Host keys are checked against an OpenSSH {@code known_hosts} file
 * ({@link KnownHostsVerifier}): pinned there on first contact, refused when changed or revoked until an operator
 * edits the file. Thread-safe; commands to one node share its session (one channel each), and connecting to one node
 * never blocks work on another.
 */
public final class NodeSessions implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeSessions.class);
    private static final int MAX_COMMAND_IN_MESSAGE = 80;

    private final SessionConnector connector;
    private final ConcurrentMap<SshTarget, SessionSlot> slots = new ConcurrentHashMap<>();
    private final AtomicLong sessionIds = new AtomicLong();
    private final Consumer<SshTarget> reconnected;
    private volatile boolean closed;

    /**
     * Start the SSH client.
     *
     * @param knownHosts the OpenSSH {@code known_hosts} file of node host keys, created at the first pin; its folder
     *     must exist
     */
    public NodeSessions(final Path knownHosts) {
        this(knownHosts, target -> { });
    }

    /**
     * Start the SSH client, telling of every reconnect.
     *
     * @param knownHosts the OpenSSH {@code known_hosts} file of node host keys, created at the first pin; its folder
     *     must exist
     * @param reconnected called with the target each time a session opens to a target that had one before (it
     *     was lost or closed); must return at once
     */
    public NodeSessions(final Path knownHosts, final Consumer<SshTarget> reconnected) {
        this.reconnected = requireNonNull(reconnected);
        connector = new SessionConnector(knownHosts);
    }

    /**
     * Run a command with the target's default command timeout and no input.
     *
     * @param target the node
     * @param command the command line, run by the login user's shell
     * @return its exit status and output
     * @throws NodeUnreachableException when the node could not be reached or the command did not finish in time
     */
    public ExecResult exec(final SshTarget target, final String command) throws NodeUnreachableException {
        return exec(target, command, null, target.commandTimeout());
    }

    /**
     * Run a command. The timeout bounds opening the channel and running the command; connecting and authenticating
     * (when there is no open session) are bounded by the target's own timeouts. On timeout the channel is closed;
     * the remote process may outlive it until it next writes. Keep the command line short and fixed and send what
     * grows on {@code stdin}: the whole command line travels in one SSH packet, which sshd limits (256 KiB for
     * OpenSSH, which drops the connection on a larger one), and the shell it runs in limits one argument to 128 KiB.
     *
     * <p>Whatever the command itself does is a result, not an exception: a non-zero exit, death by a signal
     * (exit status -1, the signal named on standard error), ending without reading all of {@code stdin}, and a
     * channel the node closes without an exit status while the session stays up (-1, said on standard error).
     * Only a session that is lost, cannot be opened or opens no channel, and a command that runs out of time,
     * throw.
     *
     * @param target the node
     * @param command the command line, run by the login user's shell
     * @param stdin what to write to the command's standard input (then end of file), or {@code null} for nothing
     * @param timeout bound on the command
     * @return its exit status and output
     * @throws NodeUnreachableException when the node could not be reached, the session was lost before the command
     *     ended, or the command did not finish in time
     */
    public ExecResult exec(final SshTarget target, final String command, final @Nullable String stdin,
            final Duration timeout) throws NodeUnreachableException {
        requireNonNull(command);
        requireNonNull(timeout);
        final long deadline = System.nanoTime() + timeout.toNanos();
        final var stdout = new ByteArrayOutputStream();
        final var stderr = new ByteArrayOutputStream();
        final Opened opened = openExec(target, command, stdout, stderr, deadline, timeout);
        final ChannelExec channel = opened.channel();
        try (channel) {
            IOException unsent = null;
            try (OutputStream in = channel.getInvertedIn()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // the command may have ended without reading all of its input: its exit status tells
                unsent = e;
            }
            final Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED),
                remainingMillis(deadline));
            if (events.contains(ClientChannelEvent.TIMEOUT)) {
                channel.close(true);
                throw failure(target, Reason.TIMEOUT, "command on " + target.hostPort() + " did not finish within "
                    + timeout + ": " + abbreviate(command), null);
            }
            final var ended = ChannelEnding.of(channel.getExitStatus(), channel.getExitSignal(),
                SessionSlot.isOpen(opened.session()));
            if (ended == null) {
                throw failure(target, Reason.CHANNEL, "session to " + target.hostPort()
                    + " closed before the command ended: " + abbreviate(command), unsent);
            }
            final var result = new ExecResult(ended.status(), stdout.toString(StandardCharsets.UTF_8),
                stderr.toString(StandardCharsets.UTF_8) + ended.note());
            LOG.debug("{}: '{}' exited {}", target.label(), abbreviate(command), result.exitStatus());
            return result;
        } catch (IOException e) {
            throw failure(target, Reason.CHANNEL, "command on " + target.hostPort() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The session a command would run in now, without connecting: an id that no other session of this instance
     * ever had, so that a caller can tell whether something it saw was seen in the node's current session.
     *
     * @param target the node
     * @return the id of the target's open session, or empty when it has none open
     */
    public OptionalLong session(final SshTarget target) {
        final SessionSlot slot = slots.get(requireNonNull(target));
        return slot == null ? OptionalLong.empty() : slot.openId();
    }

    /**
     * Forward a local port on 127.0.0.1 to {@code remoteHost:remotePort} as seen from the node, over the node's
     * session. Used to reach services the node must not expose (FRR's gRPC port on its loopback).
     *
     * @param target the node
     * @param remoteHost the host to reach, resolved on the node ({@code 127.0.0.1} for the node itself)
     * @param remotePort the port to reach
     * @return the forward; close it when done
     * @throws NodeUnreachableException when the node could not be reached or the local port not bound
     */
    public LocalForward forwardLocal(final SshTarget target, final String remoteHost, final int remotePort)
            throws NodeUnreachableException {
        requireNonNull(remoteHost);
        final String remote = remoteHost + ":" + remotePort;
        final SessionSlot slot = slot(target);
        for (int attempt = 1; ; attempt++) {
            final ClientSession session = slot.session();
            try {
                final SshdSocketAddress bound = session.startLocalPortForwarding(
                    new SshdSocketAddress("127.0.0.1", 0), new SshdSocketAddress(remoteHost, remotePort));
                final var forward = new LocalForward(target, session, bound, remote);
                LOG.info("{}: forwarding 127.0.0.1:{} to {}", target.label(), forward.localPort(), remote);
                return forward;
            } catch (IOException e) {
                if (attempt == 1 && slot.discardIfDead(session)) {
                    continue;
                }
                throw failure(target, Reason.CHANNEL, "cannot forward a local port to " + remote + " via "
                    + target.hostPort() + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Close every session and stop the client. Later calls fail with {@link IllegalStateException}.
     */
    @Override
    public void close() {
        closed = true;
        slots.values().forEach(SessionSlot::discard);
        slots.clear();
        try {
            connector.stop();
        } catch (RuntimeException e) {
            LOG.warn("stopping the SSH client failed", e);
        }
    }

    private record Opened(ClientSession session, ChannelExec channel) {
    }

    private Opened openExec(final SshTarget target, final String command, final OutputStream stdout,
            final OutputStream stderr, final long deadline, final Duration timeout) throws NodeUnreachableException {
        final SessionSlot slot = slot(target);
        for (int attempt = 1; ; attempt++) {
            final ClientSession session = slot.session();
            ChannelExec channel = null;
            try {
                channel = session.createExecChannel(command);
                channel.setOut(stdout);
                channel.setErr(stderr);
                final OpenFuture opened = channel.open();
                if (!opened.await(remainingMillis(deadline))) {
                    // a slow node is not a dead one: keepalives close dead sessions, the next call reconnects then
                    channel.close(true);
                    throw failure(target, Reason.TIMEOUT, "no channel from " + target.hostPort() + " within "
                        + timeout, null);
                }
                if (!opened.isOpened()) {
                    final Throwable cause = opened.getException();
                    throw cause instanceof IOException io ? io : new IOException("channel not opened", cause);
                }
                return new Opened(session, channel);
            } catch (IOException e) {
                if (channel != null) {
                    channel.close(true);
                }
                // the command did not start, so a retry on a fresh session cannot run it twice
                if (attempt == 1 && !(e instanceof SshChannelOpenException) && slot.discardIfDead(session)) {
                    LOG.info("{}: session was closed, reconnecting", target.label());
                    continue;
                }
                throw failure(target, Reason.CHANNEL, "cannot open a channel to " + target.hostPort() + ": "
                    + e.getMessage(), e);
            }
        }
    }

    private SessionSlot slot(final SshTarget target) {
        requireNonNull(target);
        if (closed) {
            throw new IllegalStateException("NodeSessions closed");
        }
        return slots.computeIfAbsent(target, key -> new SessionSlot(key, connector, sessionIds, reconnected));
    }

    /** A failure to do something on a node, logged with the node's label. */
    static NodeUnreachableException failure(final SshTarget target, final Reason reason,
            final String message, final @Nullable Throwable cause) {
        LOG.warn("{}: {}", target.label(), message);
        return new NodeUnreachableException(reason, message, cause);
    }

    private static String abbreviate(final String command) {
        final String line = command.replace('\n', ' ');
        return line.length() <= MAX_COMMAND_IN_MESSAGE ? line : line.substring(0, MAX_COMMAND_IN_MESSAGE) + "...";
    }

    private static long remainingMillis(final long deadline) {
        return Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
    }
}
