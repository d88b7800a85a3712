package io.openvni.southbound.openconfig.topology;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opendaylight.yang.gen.v1.urn.opendaylight.netconf.device.rev251028.ConnectionOper.ConnectionStatus;

/**
 * Which new leaves go into ODL's NETCONF topology now. ODL's connector starts connecting every node the moment it is
 * written, and each connection must finish its SSH handshake and NETCONF hello within the node's connection timeout
 * (20 s). Hundreds written at once on a busy machine all miss it, fail, and try again together: with 200
 * netconf-testtool leaves on 2 busy cores, none had connected after 260 s. Keeping at most a window of nodes
 * connecting at a time keeps each handshake short; the next leaves go in as earlier ones connect, and the crowd that
 * {@link StuckConnections} sizes its patience by stays within the window. Pure.
 *
 * @param size how many managed nodes may be connecting at once
 */
record ConnectWindow(int size) {
    /** The window OpenVNI uses: ODL connected about 4 leaves a second here, so 32 keep it busy for ~8 s. */
    static final ConnectWindow DEFAULT = new ConnectWindow(32);
    private static final Set<ConnectionStatus> ENDED =
        EnumSet.of(ConnectionStatus.Connected, ConnectionStatus.UnableToConnect);

    ConnectWindow {
        if (size < 1) {
            throw new IllegalArgumentException("a connect window of " + size + " admits nothing");
        }
    }

    /**
     * The new nodes to write now.
     *
     * @param waiting the nodes not yet in the topology, in the order they should go in
     * @param connecting how many managed nodes are connecting now (written, not yet connected or failed)
     * @return the first of {@code waiting} that fit into the window
     */
    List<String> admit(final Collection<String> waiting, final int connecting) {
        return waiting.stream().limit(Math.max(0, size - connecting)).toList();
    }

    /**
     * How many of the nodes in the topology are connecting: neither connected nor given up on by ODL. A node just
     * written has no operational entry yet, and counts as connecting.
     *
     * @param inTopology the managed nodes written to the topology
     * @param status the connection status of the nodes ODL shows in the operational topology
     * @return how many are connecting
     */
    static int connecting(final Collection<String> inTopology, final Map<String, ConnectionStatus> status) {
        return (int) inTopology.stream().filter(node -> {
            final var now = status.get(node);
            return now == null || !ENDED.contains(now);
        }).count();
    }
}
