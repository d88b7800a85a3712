package io.openvni.southbound.ssh;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.sshd.client.session.ClientSession;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One target's cached session: connecting under its lock makes concurrent callers share one connect. Each session
 * gets an id no other session of its {@link NodeSessions} had ({@link NodeSessions#session(SshTarget)}).
 */
final class SessionSlot {
    private static final Logger LOG = LoggerFactory.getLogger(SessionSlot.class);

    private final SshTarget target;
    private final SessionConnector connector;
    private final AtomicLong sessionIds;
    private final Consumer<SshTarget> reconnected;
    private @Nullable ClientSession session;
    private long id;

    /**
     * A slot with no session yet.
     *
     * @param target the node
     * @param connector opens its sessions
     * @param sessionIds the ids of all slots' sessions, shared so that no two sessions get the same
     * @param reconnected told when a session opens to a target that had one before
     */
    SessionSlot(final SshTarget target, final SessionConnector connector, final AtomicLong sessionIds,
            final Consumer<SshTarget> reconnected) {
        this.target = requireNonNull(target);
        this.connector = requireNonNull(connector);
        this.sessionIds = requireNonNull(sessionIds);
        this.reconnected = requireNonNull(reconnected);
    }

    /** The open session, connecting first when there is none (or it was closed). */
    synchronized ClientSession session() throws NodeUnreachableException {
        final ClientSession current = session;
        if (current != null && isOpen(current)) {
            return current;
        }
        if (current != null) {
            LOG.info("{}: session was closed, reconnecting", target.label());
            current.close(true);
            session = null;
        }
        final boolean hadOne = id != 0;
        final ClientSession opened = connector.connect(target);
        session = opened;
        id = sessionIds.incrementAndGet();
        if (hadOne) {
            reconnected.accept(target);
        }
        return opened;
    }

    /** The id of the open session, without connecting. */
    synchronized OptionalLong openId() {
        final ClientSession current = session;
        return current != null && isOpen(current) ? OptionalLong.of(id) : OptionalLong.empty();
    }

    /** Forgets a session a call failed on if it is closed; false while it is open (then the failure is real). */
    synchronized boolean discardIfDead(final ClientSession dead) {
        if (isOpen(dead)) {
            return false;
        }
        if (session == dead) {
            session = null;
        }
        return true;
    }

    /** Closes the session, if any. */
    synchronized void discard() {
        final ClientSession current = session;
        session = null;
        if (current != null) {
            current.close(true);
        }
    }

    static boolean isOpen(final ClientSession session) {
        return session.isOpen() && !session.isClosing();
    }
}
