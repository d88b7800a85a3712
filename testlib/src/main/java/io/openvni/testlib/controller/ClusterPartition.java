package io.openvni.testlib.controller;

import io.openvni.testlib.Commands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One member of a {@link ControllerCluster} cut off from the others' cluster traffic (Pekko remoting), as a
 * firewall or a broken link would cut it, with nftables: a table of its own, {@value #TABLE}, whose input chain
 * drops, on the loopback, every packet to or from the member's remoting port (the others' connections to it) and
 * every packet of the connections the member opened to the others' remoting ports, matched by their pair of ports
 * (Artery TCP sends each direction over the sender's own connection, so both must go, or the member would still
 * talk to the others while hearing nothing back). Those connections are found in {@code /proc} and looked for
 * again every {@value #REFRESH_MS} ms, so one the member opens later (or its next JVM, if it restarts) is cut too,
 * after the few packets that fit in that time. Packets are dropped on input, not on
 * output, so that senders see silence, as over a real network, not a local error.
 *
 * <p>Nothing else is touched: the member's RESTCONF, console and NETCONF sessions to the leaves go on. {@link
 * #close} heals the partition by deleting the table; so does a shutdown hook if the test JVM exits first.
 */
public final class ClusterPartition implements AutoCloseable {
    /** The nftables table (family {@code inet}) the partition lives in. */
    public static final String TABLE = "openvni_partition";
    private static final String NFT = "/usr/sbin/nft";
    private static final long REFRESH_MS = 250;
    private static final Duration NFT_TIMEOUT = Duration.ofSeconds(20);

    private final ControllerDistribution member;
    private final Set<Integer> peerPorts;
    private final Set<ProcessSockets.Connection> cut = new HashSet<>();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
        runnable -> Thread.ofPlatform().daemon().name("openvni-it-partition").unstarted(runnable));
    private final Thread healOnExit = new Thread(ClusterPartition::deleteTable, "openvni-it-heal-partition");
    private boolean healed;

    private ClusterPartition(final ControllerDistribution member, final Set<Integer> peerPorts) {
        this.member = member;
        this.peerPorts = Set.copyOf(peerPorts);
    }

    /**
     * Why a partition cannot be made here, if it cannot: nftables is missing, or this is not root.
     *
     * @return the reason, or null if it can
     */
    public static @Nullable String missingPrerequisite() {
        if (!Files.isExecutable(Path.of(NFT))) {
            return NFT + " is not installed";
        }
        return Commands.isRoot() ? null : "nftables needs root";
    }

    /**
     * Cuts a member off from the other members of its cluster.
     *
     * @param cluster the cluster
     * @param member one of its running members
     * @return the partition, in force until closed
     * @throws IOException if nftables refuses the rules (then nothing is left behind)
     */
    public static ClusterPartition isolate(final ControllerCluster cluster, final ControllerDistribution member)
            throws IOException {
        if (!cluster.members().contains(member)) {
            throw new IllegalArgumentException("not a member of this cluster: " + member.home());
        }
        final Set<Integer> peers = cluster.members().stream().filter(other -> other != member)
            .map(other -> other.ports().pekko()).collect(Collectors.toSet());
        final var partition = new ClusterPartition(member, peers);
        Runtime.getRuntime().addShutdownHook(partition.healOnExit);
        try {
            deleteTable();
            partition.cutOpenConnections();
            nft(partition.ruleset());
        } catch (IOException | RuntimeException e) {
            partition.close();
            throw e;
        }
        partition.refresher.scheduleWithFixedDelay(partition::refresh, REFRESH_MS, REFRESH_MS, TimeUnit.MILLISECONDS);
        ControllerDistribution.log(member.home().getFileName() + " cut off from the cluster: nft table inet " + TABLE
            + " drops 127.0.0.1:" + member.ports().pekko() + " and its " + partition.cut.size() + " connections to "
            + peers);
        return partition;
    }

    private String ruleset() {
        final int own = member.ports().pekko();
        final String elements = cut.isEmpty() ? "" : " elements = { " + elements(cut) + " }";
        return "table inet " + TABLE + " {\n"
            // the connections the member opened to the others' remoting ports, as member's port . other's port
            + "  set member_connections { type inet_service . inet_service;" + elements + " }\n"
            + "  chain input {\n"
            + "    type filter hook input priority filter; policy accept;\n"
            + "    iifname \"lo\" tcp dport " + own + " drop\n"
            + "    iifname \"lo\" tcp sport " + own + " drop\n"
            + "    iifname \"lo\" tcp sport . tcp dport @member_connections drop\n"
            + "    iifname \"lo\" tcp dport . tcp sport @member_connections drop\n"
            + "  }\n"
            + "}\n";
    }

    // the member's connections to the others, before the table exists
    private void cutOpenConnections() throws IOException {
        cut.addAll(ProcessSockets.connectionsTo(member.pid(), peerPorts));
    }

    @SuppressWarnings("checkstyle:IllegalCatch") // a failed look must not end the refresher; the next one retries
    private void refresh() {
        final Set<ProcessSockets.Connection> found;
        try {
            found = new HashSet<>(ProcessSockets.connectionsTo(member.pid(), peerPorts));
        } catch (IOException e) {
            return; // between two JVMs of a restarting member: nothing to cut
        }
        try {
            synchronized (this) {
                found.removeAll(cut);
                if (found.isEmpty() || healed) {
                    return;
                }
                nft(List.of("add", "element", "inet", TABLE, "member_connections", "{ " + elements(found) + " }"));
                cut.addAll(found);
            }
            ControllerDistribution.log(member.home().getFileName() + " opened new cluster connections " + found
                + "; cut those too");
        } catch (IOException | RuntimeException e) {
            ControllerDistribution.log("partition: cannot cut new connections of " + member.home().getFileName()
                + ": " + e);
        }
    }

    private static String elements(final Set<ProcessSockets.Connection> connections) {
        return connections.stream().map(connection -> connection.localPort() + " . " + connection.remotePort())
            .sorted().collect(Collectors.joining(", "));
    }

    /**
     * Heals the partition: deletes the table. Safe to call twice.
     */
    @Override
    public void close() {
        refresher.shutdownNow();
        synchronized (this) {
            if (healed) {
                return;
            }
            healed = true;
        }
        deleteTable();
        try {
            Runtime.getRuntime().removeShutdownHook(healOnExit);
        } catch (IllegalStateException e) {
            // the JVM is exiting: the hook deletes the table anyway
        }
        ControllerDistribution.log(member.home().getFileName() + " back in reach of the cluster (nft table inet "
            + TABLE + " deleted)");
    }

    /** Deletes the table if it is there; a failure is only told (there is nothing else to do about it). */
    private static void deleteTable() {
        try {
            final var listed = Commands.run(List.of(NFT, "list", "table", "inet", TABLE), null, NFT_TIMEOUT);
            if (listed.ok()) {
                nft(List.of("delete", "table", "inet", TABLE));
            }
        } catch (IOException e) {
            ControllerDistribution.log("cannot delete nft table inet " + TABLE + ": " + e);
        }
    }

    private static void nft(final String ruleset) throws IOException {
        check(Commands.run(List.of(NFT, "-f", "-"), ruleset, NFT_TIMEOUT), ruleset);
    }

    private static void nft(final List<String> command) throws IOException {
        final var full = new ArrayList<String>();
        full.add(NFT);
        full.addAll(command);
        check(Commands.run(full, null, NFT_TIMEOUT), String.join(" ", command));
    }

    private static void check(final Commands.Result result, final String what) throws IOException {
        if (!result.ok()) {
            throw new IOException("nft refused " + what + ": " + result.output());
        }
    }
}
