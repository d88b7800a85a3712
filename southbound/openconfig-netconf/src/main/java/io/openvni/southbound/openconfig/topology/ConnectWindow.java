package io.openvni.southbound.openconfig.topology;

import java.util.Collection;
import java.util.List;

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
}
