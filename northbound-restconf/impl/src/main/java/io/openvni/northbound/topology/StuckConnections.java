package io.openvni.northbound.topology;

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
 * ODL's attempts; starting over every {@code patience} then only adds an attempt, as ODL's own backoff does. Pure;
 * used on one thread.
 */
final class StuckConnections {
    private final Duration patience;
    private final Map<String, Instant> connectingSince = new HashMap<>();

    /**
     * A tracker.
     *
     * @param patience how long a node may stay {@code connecting} before it is started over
     */
    StuckConnections(final Duration patience) {
        this.patience = requireNonNull(patience);
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
        connectingSince.keySet().retainAll(connecting);
        connecting.forEach(node -> connectingSince.putIfAbsent(node, now));
        final var stuck = connectingSince.entrySet().stream()
            .filter(entry -> !now.isBefore(entry.getValue().plus(patience)))
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
        stuck.forEach(node -> connectingSince.put(node, now));
        return stuck;
    }
}
