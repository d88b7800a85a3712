package io.openvni.southbound.openconfig.topology;

import io.openvni.core.intent.LeafSwitch;
import io.openvni.odl.ClusterSingleton;
import io.openvni.odl.CoalescingPassRunner;
import io.openvni.odl.SecretBox;
import io.openvni.southbound.spi.CommittedFabric;
import io.openvni.southbound.spi.ForwardingRecorder;
import io.openvni.southbound.spi.MetricsRecorder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.aaa.encrypt.AAAEncryptionService;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.RpcService;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.mdsal.dom.api.DOMMountPointService;
import org.opendaylight.mdsal.singleton.api.ClusterSingletonServiceProvider;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.Fabric;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.LeafSwitchKey;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.ManagedNetconfNodes;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.ManagedNetconfNodesBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.types.rev261126.DeviceName;
import org.opendaylight.yang.gen.v1.urn.opendaylight.netconf.device.rev251028.ConnectionOper.ConnectionStatus;
import org.opendaylight.yang.gen.v1.urn.tbd.params.xml.ns.yang.network.topology.rev131021.network.topology.Topology;
import org.opendaylight.yang.gen.v1.urn.tbd.params.xml.ns.yang.network.topology.rev131021.network.topology.topology.Node;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps ODL's NETCONF topology ({@code topology=topology-netconf}) in line with the fabric's leaf switches: one node
 * per leaf switch (node-id = the leaf's name), created, updated and removed as the fabric changes. Runs on the
 * cluster node that owns the OpenVNI singleton (the same service group as the controller), on one worker thread,
 * after each fabric the controller takes in ({@link CommittedFabric}, decoded once for both); rapid changes
 * coalesce into one pass over the latest fabric. A node is written only when it differs from the stored one,
 * because ODL reconnects a node on every write.
 *
 * <p>The nodes it created are recorded in {@code openvni-status:managed-netconf-nodes} in the same transaction, so
 * only those are ever removed, also after a restart; nodes others made in the NETCONF topology are left alone. A
 * failed pass is retried with a growing delay. Nodes carry the leaves' passwords encrypted (the fabric's sealed
 * ciphertext as it is, so the node stays unchanged when the fabric does); node contents are never logged.
 *
 * <p>New nodes go in a {@link ConnectWindow} at a time (32 connecting at once), so that a fabric of hundreds of
 * leaves does not make every connection miss its hello timeout; the rest follow, by name, as those connect. Every
 * {@value #CHECK_SECONDS} s a pass also looks for nodes ODL has been connecting for too long (30 s, plus 0.3 s for
 * each node connecting at the same time) and starts them over ({@link StuckConnections}); each node started over
 * counts for monitoring ({@link MetricsRecorder#stuckConnectionRestarted}).
 *
 * <p>In a cluster, ODL's NETCONF topology connects nodes only on the member leading the datastore shard that holds
 * the topology, while the leaf driver needs the mount points on the member running OpenVNI's controller, this one.
 * So every pass, once the leaves' schema caches are prepared, makes this member lead that shard
 * ({@link TopologyShardLeadership}); ODL then connects the nodes here. A node ODL still shows connected after
 * {@value #ELSEWHERE_SECONDS} s without a mount point here (connected by the member that ran the controller before)
 * is started over. A single controller never needs either.
 *
 * <p>A leaf whose {@code schema-directory} cannot be used gets no node (an existing one is removed): ODL would
 * otherwise mount it with its shared schema, not the one the operator gave. Why is recorded in
 * {@link LeafSchemaProblems}, which the leaf driver reports as the device's failure; every pass (at least every
 * {@value #CHECK_SECONDS} s) tries the directory again, so fixing it heals the leaf.
 */
@Component(service = { })
public final class LeafTopologyManager implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeafTopologyManager.class);
    private static final DataObjectIdentifier<Fabric> FABRIC = DataObjectIdentifier.builder(Fabric.class).build();
    private static final long TIMEOUT_SECONDS = 30;

    private final DataBroker broker;
    private final SchemaCache schemaCache;
    private final SecretBox secrets;
    private final CommittedFabric committed;
    private final LeafSchemaProblems schemaProblems;
    private final TopologyShardLeadership leadership;
    private final Predicate<String> mountedHere;
    private final ClusterSingleton singleton;
    private final CoalescingPassRunner runner = new CoalescingPassRunner("openvni-leaf-topology-%d", this::pass);
    /** Monitoring: the recorder of the moment, which forwards to the Prometheus endpoint while there is one. */
    private final MetricsRecorder metrics;

    private static final DataObjectIdentifier<ManagedNetconfNodes> MANAGED =
        DataObjectIdentifier.builder(ManagedNetconfNodes.class).build();
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(60);
    private static final long CHECK_SECONDS = 10;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration PATIENCE_PER_NODE = Duration.ofMillis(300);
    private static final Duration WINDOW_POLL = Duration.ofSeconds(1);
    private static final long ELSEWHERE_SECONDS = 10;
    private static final Duration ELSEWHERE_PATIENCE = Duration.ofSeconds(ELSEWHERE_SECONDS);

    // Touched only on the worker thread: the delay before retrying a failed pass, nodes connecting since when.
    private Duration retry = FIRST_RETRY;
    private StuckConnections stuck = new StuckConnections(PATIENCE, PATIENCE_PER_NODE);
    // nodes the topology shows connected without a mount point here, since when (a member that ran the controller
    // before connected them)
    private Map<String, Instant> connectedElsewhereSince = new HashMap<>();
    private final ConnectWindow window = ConnectWindow.DEFAULT;
    // guarded by this
    private CommittedFabric.@Nullable Subscription subscription;

    @Activate
    public LeafTopologyManager(@Reference final DataBroker broker,
            @Reference final ClusterSingletonServiceProvider singletons,
            @Reference final AAAEncryptionService aaa, @Reference final CommittedFabric committed,
            @Reference final LeafSchemaProblems schemaProblems, @Reference final ForwardingRecorder metrics,
            @Reference final RpcService rpcs, @Reference final DOMMountPointService mounts) {
        this(broker, singletons, SchemaCache.odlDefault(), new SecretBox(aaa), committed, schemaProblems, metrics,
            new TopologyShardLeadership(rpcs),
            node -> mounts.getMountPoint(NetconfNodeMapping.mountPath(node)).isPresent());
    }

    LeafTopologyManager(final DataBroker broker, final ClusterSingletonServiceProvider singletons,
            final SchemaCache schemaCache, final SecretBox secrets, final CommittedFabric committed,
            final LeafSchemaProblems schemaProblems, final MetricsRecorder metrics,
            final TopologyShardLeadership leadership, final Predicate<String> mountedHere) {
        this.broker = broker;
        this.metrics = metrics;
        this.leadership = leadership;
        this.mountedHere = mountedHere;
        this.schemaProblems = schemaProblems;
        this.schemaCache = schemaCache;
        this.secrets = secrets;
        this.committed = committed;
        singleton = new ClusterSingleton(singletons, ClusterSingleton.CONTROLLER_GROUP, "leaf topology manager",
            this::start, this::stop);
    }

    @Deactivate
    @Override
    public void close() {
        singleton.close();
    }

    private synchronized void start() {
        stuck = new StuckConnections(PATIENCE, PATIENCE_PER_NODE);
        connectedElsewhereSince = new HashMap<>();
        runner.start(broker, List.of());
        subscription = committed.subscribe(runner::schedulePass);
        runner.schedulePass();
        runner.schedulePasses(Duration.ofSeconds(CHECK_SECONDS));
    }

    private synchronized void stop() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        runner.stop();
    }

    /** One pass over the latest fabric. Runs only on the worker thread. */
    private void pass() {
        final List<LeafSwitch> leaves = committed.fabric().map(taken -> taken.leafSwitches()).orElse(null);
        if (leaves == null) {
            // the controller has taken in no fabric yet here: its first one queues the next pass
            return;
        }
        try {
            final Fabric fabric;
            final Map<String, Node> stored = new HashMap<>();
            final Set<String> managed;
            final Map<String, ConnectionStatus> connection = new HashMap<>();
            try (var tx = broker.newReadOnlyTransaction()) {
                fabric = tx.read(LogicalDatastoreType.CONFIGURATION, FABRIC).get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .orElse(null);
                managed = tx.read(LogicalDatastoreType.CONFIGURATION, MANAGED).get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .map(ManagedNetconfNodes::getNodeId).map(Set::copyOf).orElse(Set.of());
                final var topology = tx.read(LogicalDatastoreType.CONFIGURATION, NetconfNodeMapping.topologyPath())
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                if (topology.isPresent() && topology.orElseThrow().getNode() != null) {
                    topology.orElseThrow().getNode().values()
                        .forEach(node -> stored.put(node.getNodeId().getValue(), node));
                }
            }
            // a read-only transaction is bound to the first datastore it reads
            try (var tx = broker.newReadOnlyTransaction()) {
                tx.read(LogicalDatastoreType.OPERATIONAL, NetconfNodeMapping.topologyPath())
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .map(Topology::nonnullNode).orElse(Map.of()).values().forEach(node -> {
                        final var netconf = NetconfNodeMapping.netconfNode(node);
                        if (netconf != null && netconf.getConnectionStatus() != null) {
                            connection.put(node.getNodeId().getValue(), netconf.getConnectionStatus());
                        }
                    });
            }
            // the leaves as decoded by the controller; the stored fabric only for the passwords' ciphertext
            final var desired = desiredNodes(leaves, fabric);
            // only now, with the schema caches of the nodes prepared here: ODL connects them once this member leads
            final boolean leadsTopology = leadership.takeOver();

            final var tx = broker.newWriteOnlyTransaction();
            final var written = new ArrayList<String>();
            final var removed = new ArrayList<String>();
            final var waiting = new ArrayList<String>();
            for (var entry : new TreeMap<>(desired).entrySet()) {
                final var node = stored.get(entry.getKey());
                if (node == null) {
                    waiting.add(entry.getKey());
                } else if (!entry.getValue().equals(node)) {
                    written.add(entry.getKey());
                }
            }
            final int connecting = ConnectWindow.connecting(desired.keySet().stream().filter(stored::containsKey)
                .toList(), connection);
            final var admitted = window.admit(waiting, connecting);
            written.addAll(admitted);
            for (String node : written) {
                tx.mergeParentStructurePut(LogicalDatastoreType.CONFIGURATION, NetconfNodeMapping.nodePath(node),
                    desired.get(node));
            }
            if (admitted.size() < waiting.size()) {
                LOG.info("NETCONF topology: {} leaf switches connecting, {} waiting for their turn", connecting
                    + admitted.size(), waiting.size() - admitted.size());
                runner.schedulePass(WINDOW_POLL);
            }
            for (String leaf : managed) {
                if (!desired.containsKey(leaf) && stored.containsKey(leaf)) {
                    tx.delete(LogicalDatastoreType.CONFIGURATION, NetconfNodeMapping.nodePath(leaf));
                    removed.add(leaf);
                }
            }
            final boolean managedChanged = !managed.equals(desired.keySet());
            if (managedChanged) {
                tx.put(LogicalDatastoreType.CONFIGURATION, MANAGED, new ManagedNetconfNodesBuilder()
                    .setNodeId(desired.isEmpty() ? null : Set.copyOf(desired.keySet())).build());
            }
            if (written.isEmpty() && removed.isEmpty() && !managedChanged) {
                tx.cancel();
            } else {
                tx.commit().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                LOG.info("NETCONF topology: wrote nodes {}, removed nodes {}", written, removed);
            }
            final var unchanged = new HashMap<>(desired);
            written.forEach(unchanged::remove);
            waiting.forEach(unchanged::remove);
            startOver(unchanged, connection, leadsTopology);
            retry = FIRST_RETRY;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.error("Failed to update the NETCONF topology for the fabric's leaf switches, retrying in {}", retry,
                e);
            runner.schedulePass(retry);
            retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
        }
    }

    // Deleting a node and writing it again makes ODL close its connection attempt and start a new one, on the member
    // leading the topology's shard.
    private void startOver(final Map<String, Node> nodes, final Map<String, ConnectionStatus> connection,
            final boolean leadsTopology) throws Exception {
        final var connecting = new HashSet<String>();
        connection.forEach((node, status) -> {
            if (status == ConnectionStatus.Connecting && nodes.containsKey(node)) {
                connecting.add(node);
            }
        });
        final var stuckNodes = stuck.observe(connecting, Instant.now());
        final var restart = new TreeSet<>(stuckNodes);
        if (!stuckNodes.isEmpty()) {
            // INFO, not WARN: a switch that is simply down gets here too, every half minute or so
            LOG.info("NETCONF topology: nodes {} have been connecting for over {} s, starting them over", stuckNodes,
                stuck.patience(connecting.size()).toSeconds());
        }
        if (leadsTopology) {
            final var now = Instant.now();
            final var elsewhere = new TreeSet<String>();
            final var seen = new HashMap<String, Instant>();
            for (String node : nodes.keySet()) {
                if (connection.get(node) == ConnectionStatus.Connected && !mountedHere.test(node)) {
                    // ODL reconnects a node itself when its member becomes the leader; this is the fallback
                    final var since = connectedElsewhereSince.getOrDefault(node, now);
                    seen.put(node, since);
                    if (Duration.between(since, now).compareTo(ELSEWHERE_PATIENCE) >= 0) {
                        elsewhere.add(node);
                        seen.remove(node);
                    }
                }
            }
            connectedElsewhereSince = seen;
            if (!elsewhere.isEmpty()) {
                LOG.info("NETCONF topology: nodes {} are shown connected, but not on this member, which runs the "
                    + "controller; starting them over here", elsewhere);
                restart.addAll(elsewhere);
            }
        }
        if (restart.isEmpty()) {
            return;
        }
        final var delete = broker.newWriteOnlyTransaction();
        restart.forEach(node -> delete.delete(LogicalDatastoreType.CONFIGURATION, NetconfNodeMapping.nodePath(node)));
        delete.commit().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        final var write = broker.newWriteOnlyTransaction();
        restart.forEach(node -> write.put(LogicalDatastoreType.CONFIGURATION, NetconfNodeMapping.nodePath(node),
            nodes.get(node)));
        write.commit().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        stuckNodes.forEach(node -> metrics.stuckConnectionRestarted());
    }

    private Map<String, Node> desiredNodes(final List<LeafSwitch> leaves, final @Nullable Fabric fabric) {
        final var result = new HashMap<String, Node>();
        final var problems = new HashMap<String, String>();
        for (var leaf : leaves) {
            if (!NetconfNodeMapping.isConnectable(leaf)) {
                continue;
            }
            final var cacheDirectory = schemaDirectory(schemaCache, leaf);
            if (cacheDirectory instanceof SchemaDirectory.Unusable(var reason)) {
                if (schemaProblems.of(leaf.name()).filter(reason::equals).isEmpty()) {
                    LOG.warn("{}; retrying every {} s", reason, CHECK_SECONDS);
                }
                problems.put(leaf.name(), reason);
                continue;
            }
            result.put(leaf.name(), NetconfNodeMapping.toNode(leaf, encryptedPassword(fabric, leaf.name()),
                ((SchemaDirectory.Usable) cacheDirectory).cacheDirectory()));
        }
        schemaProblems.replace(problems);
        return result;
    }

    /** Where ODL finds a leaf's schema: its own prepared cache directory, ODL's shared one, or nowhere usable. */
    sealed interface SchemaDirectory {
        /** @param cacheDirectory the prepared directory, {@code null} for ODL's shared one */
        record Usable(@Nullable String cacheDirectory) implements SchemaDirectory {
        }

        /** @param reason why not, naming the leaf and the directory */
        record Unusable(String reason) implements SchemaDirectory {
        }
    }

    static SchemaDirectory schemaDirectory(final SchemaCache cache, final LeafSwitch leaf) {
        final String sources = leaf.netconf().schemaDirectory();
        if (sources == null || sources.isBlank()) {
            return new SchemaDirectory.Usable(null);
        }
        try {
            return new SchemaDirectory.Usable(cache.prepare(Path.of(sources)));
        } catch (IOException | RuntimeException e) {
            return new SchemaDirectory.Unusable("leaf switch " + leaf.name() + " is not connected: its schema-directory "
                + sources + " cannot be used (" + e.getMessage() + "); fix the directory or remove schema-directory");
        }
    }

    /**
     * The leaf's sealed password; one still in plaintext (the moment before the sealer runs) is encrypted here, and
     * the node is rewritten once the sealed value arrives if the AAA cipher does not encrypt deterministically.
     */
    private byte @Nullable [] encryptedPassword(final @Nullable Fabric fabric, final String leaf) {
        final var entry = fabric == null || fabric.getLeafSwitch() == null ? null
            : fabric.getLeafSwitch().get(new LeafSwitchKey(new DeviceName(leaf)));
        final var netconf = entry == null ? null : entry.getNetconf();
        if (netconf == null) {
            return null;
        }
        if (netconf.getEncryptedPassword() != null) {
            return netconf.getEncryptedPassword();
        }
        return netconf.getPassword() == null ? null : secrets.seal(netconf.getPassword());
    }
}
