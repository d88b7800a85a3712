package io.openvni.southbound.openconfig.topology;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds NETCONF nodes that ODL has been connecting for too long. ODL's connector (netconf 10.0.2) can hang for good
 * after the SSH handshake: seen against a netconfd leaf that had just restarted, the session was authenticated, no
 * hello followed, and neither a timeout nor another attempt came; the node stayed {@code connecting}. Deleting the
 * node and writing it again makes ODL start over. A device that is really down shows {@code connecting} too, between
 * ODL's attempts; starting over then only adds an attempt, as ODL's own backoff does. The hangs are upstream bugs
 * fixed in netconf 10.0.3, which is not obtainable here: NETCONF-1416 (the negotiation timeout never fails the
 * session future) and NETCONF-1501 ({@code get-schema} sent without a timeout, so a leaf that never answers it keeps
 * its node connecting). Keep this until the connector is upgraded past them.
 *
 * <p>The patience grows with the number of nodes connecting at once (the most seen while a node waits): ODL connects
 * one leaf in about a second, but 200 simulated leaves at once took it 55 s here (2 cores). Pure; used on one thread.
 */
final class StuckConnections {
    private final Duration base;
    private final Duration perNode;
    private final Map<String, Wait> waiting = new HashMap<>();

    /** A node's wait: since when, and the most nodes seen connecting meanwhile. */
    private record Wait(Instant since, int crowd) {
        Wait seen(final int connecting) {
            return connecting > crowd ? new Wait(since, connecting) : this;
        }
    }

    /**
     * A tracker.
     *
     * @param base how long a node may stay {@code connecting} before it is started over, when it is the only one
     * @param perNode how much longer for each node that is {@code connecting} at the same time
     */
    StuckConnections(final Duration base, final Duration perNode) {
        this.base = requireNonNull(base);
        this.perNode = requireNonNull(perNode);
    }

    /**
     * Records what the NETCONF topology shows now.
     *
     * @param connecting the managed nodes that are {@code connecting} now (others are connected, failing in a way
     *     ODL reports, or gone)
     * @param now the time of the observation
     * @return the nodes to start over; they count as connecting anew from {@code now}
     */
    List<String> observe(final Set<String> connecting, final Instant now) {
        waiting.keySet().retainAll(connecting);
        connecting.forEach(node -> waiting.merge(node, new Wait(now, connecting.size()),
            (wait, fresh) -> wait.seen(connecting.size())));
        final var stuck = waiting.entrySet().stream()
            .filter(entry -> !now.isBefore(entry.getValue().since().plus(patience(entry.getValue().crowd()))))
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
        stuck.forEach(node -> waiting.put(node, new Wait(now, connecting.size())));
        return stuck;
    }

    /** How long a node may be connecting while {@code connecting} nodes are. */
    Duration patience(final int connecting) {
        return base.plus(perNode.multipliedBy(connecting));
    }
}
