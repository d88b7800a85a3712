package io.openvni.southbound.openconfig.topology;

import io.openvni.core.intent.LeafSwitch;
import java.util.LinkedHashSet;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IetfInetUtil;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.PortNumber;
import org.opendaylight.yang.gen.v1.urn.opendaylight.netconf.device.rev251028.connection.parameters.YangModuleCapabilitiesBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.netconf.device.rev251028.credentials.credentials.LoginPwBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.netconf.device.rev251028.credentials.credentials.login.pw.LoginPasswordBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.netconf.node.topology.rev251103.NetconfNodeAugment;
import org.opendaylight.yang.gen.v1.urn.opendaylight.netconf.node.topology.rev251103.NetconfNodeAugmentBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.netconf.node.topology.rev251103.netconf.node.augment.NetconfNodeBuilder;
import org.opendaylight.yang.gen.v1.urn.tbd.params.xml.ns.yang.network.topology.rev131021.NetworkTopology;
import org.opendaylight.yang.gen.v1.urn.tbd.params.xml.ns.yang.network.topology.rev131021.NodeId;
import org.opendaylight.yang.gen.v1.urn.tbd.params.xml.ns.yang.network.topology.rev131021.TopologyId;
import org.opendaylight.yang.gen.v1.urn.tbd.params.xml.ns.yang.network.topology.rev131021.network.topology.Topology;
import org.opendaylight.yang.gen.v1.urn.tbd.params.xml.ns.yang.network.topology.rev131021.network.topology.TopologyKey;
import org.opendaylight.yang.gen.v1.urn.tbd.params.xml.ns.yang.network.topology.rev131021.network.topology.topology.Node;
import org.opendaylight.yang.gen.v1.urn.tbd.params.xml.ns.yang.network.topology.rev131021.network.topology.topology.NodeBuilder;
import org.opendaylight.yang.gen.v1.urn.tbd.params.xml.ns.yang.network.topology.rev131021.network.topology.topology.NodeKey;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.yang.common.Decimal64;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;

/**
 * Pure mapping of a leaf switch's intent to its node in ODL's NETCONF topology ({@code topology-netconf}, model
 * {@code netconf-node-topology@2025-11-03} of netconf 10.0.2). The node's id is the leaf's name. The leaf's password
 * goes in as the encrypted {@code login-password} case, which ODL's NETCONF topology decrypts with the same AAA
 * encryption service that sealed it; so neither the node's configuration nor its operational copy shows it.
 */
public final class NetconfNodeMapping {
    /** The id of ODL's NETCONF topology. */
    public static final String TOPOLOGY_ID = "topology-netconf";
    /** Seconds between keepalive RPCs; a dead session is noticed and reconnected. */
    static final long KEEPALIVE_DELAY_SECONDS = 30;
    /** Time allowed to establish a connection. */
    static final long CONNECTION_TIMEOUT_MILLIS = 20_000;
    /**
     * Time allowed for one RPC, the leaf driver's writes included; the connector ends the session when it passes.
     * Half an hour (ODL's default is a minute): committing thousands of entries takes strict devices minutes
     * (yuma123 netconfd validates the whole candidate at each commit: 14 s of CPU for 800 L2 networks, 95 s for
     * 1,600, about 13 minutes for 3,500). The leaf driver waits a minute longer, so that this timeout, which
     * releases the device's lock with the session, comes first.
     */
    static final long REQUEST_TIMEOUT_MILLIS = 1_800_000;
    /** First reconnect delay; grows by ODL's default multiplier up to {@link #MAX_BACKOFF_MILLIS}. */
    static final int MIN_BACKOFF_MILLIS = 2_000;
    /** Longest reconnect delay: a switch that comes back is found within a minute. */
    static final long MAX_BACKOFF_MILLIS = 60_000;

    /** ODL's shared schema cache directory (the model's default). */
    static final String DEFAULT_SCHEMA_CACHE_DIRECTORY = "schema";

    private static final Uint16 DEFAULT_ACTOR_RESPONSE_WAIT_TIME = Uint16.valueOf(5);
    private static final Decimal64 DEFAULT_BACKOFF_JITTER = Decimal64.valueOf("0.1");
    private static final Decimal64 DEFAULT_BACKOFF_MULTIPLIER = Decimal64.valueOf("1.5");
    private static final QName TOPOLOGY_ID_QNAME = QName.create(Topology.QNAME, "topology-id");
    private static final QName NODE_ID_QNAME = QName.create(Node.QNAME, "node-id");
    private static final DataObjectIdentifier<Topology> TOPOLOGY = DataObjectIdentifier.builder(NetworkTopology.class)
        .child(Topology.class, new TopologyKey(new TopologyId(TOPOLOGY_ID))).build();

    private NetconfNodeMapping() {
        // static mapping
    }

    /**
     * The path of ODL's NETCONF topology.
     */
    public static DataObjectIdentifier<Topology> topologyPath() {
        return TOPOLOGY;
    }

    /**
     * Where ODL mounts a leaf switch: its node's path, as the mount point service knows it.
     *
     * @param leaf the leaf's name (its node's id)
     * @return the mount point's path
     */
    public static YangInstanceIdentifier mountPath(final String leaf) {
        return YangInstanceIdentifier.builder()
            .node(NetworkTopology.QNAME)
            .node(Topology.QNAME).nodeWithKey(Topology.QNAME, TOPOLOGY_ID_QNAME, TOPOLOGY_ID)
            .node(Node.QNAME).nodeWithKey(Node.QNAME, NODE_ID_QNAME, leaf)
            .build();
    }

    /**
     * The path of a leaf switch's node.
     */
    public static DataObjectIdentifier<Node> nodePath(final String leaf) {
        return DataObjectIdentifier.builder(NetworkTopology.class)
            .child(Topology.class, new TopologyKey(new TopologyId(TOPOLOGY_ID)))
            .child(Node.class, new NodeKey(new NodeId(leaf))).build();
    }

    /**
     * Whether a leaf switch can be connected at all: it has a NETCONF host.
     */
    public static boolean isConnectable(final LeafSwitch leaf) {
        return !leaf.netconf().host().isBlank() && !leaf.netconf().username().isBlank();
    }

    /**
     * The node of a leaf switch.
     *
     * @param leaf the leaf switch; see {@link #isConnectable(LeafSwitch)}
     * @param encryptedPassword the leaf's password encrypted with the AAA encryption service, null if it has none
     *        (its plaintext in {@code leaf} is not used)
     * @param schemaCacheDirectory the node's {@code schema-cache-directory} (relative to ODL's cache directory),
     *        or null for ODL's shared default
     * @return the node, keyed by the leaf's name, with the {@code netconf-node} augmentation
     */
    public static Node toNode(final LeafSwitch leaf, final byte @Nullable [] encryptedPassword,
            final @Nullable String schemaCacheDirectory) {
        final var access = leaf.netconf();
        final var netconf = new NetconfNodeBuilder()
            .setHost(IetfInetUtil.hostFor(access.host()))
            .setPort(new PortNumber(Uint16.valueOf(access.port())))
            .setCredentials(new LoginPwBuilder()
                .setLoginPassword(new LoginPasswordBuilder()
                    .setUsername(access.username())
                    .setPassword(encryptedPassword)
                    .build())
                .build())
            .setTcpOnly(false)
            .setKeepaliveDelay(Uint32.valueOf(KEEPALIVE_DELAY_SECONDS))
            .setConnectionTimeoutMillis(Uint32.valueOf(CONNECTION_TIMEOUT_MILLIS))
            .setDefaultRequestTimeoutMillis(Uint32.valueOf(REQUEST_TIMEOUT_MILLIS))
            .setMaxConnectionAttempts(Uint32.ZERO)
            .setMinBackoffMillis(Uint16.valueOf(MIN_BACKOFF_MILLIS))
            .setMaxBackoffMillis(Uint32.valueOf(MAX_BACKOFF_MILLIS))
            // The model's defaults, spelled out: reads of the stored node return them, and the manager compares
            // the stored node with this one to skip unchanged writes (each write makes ODL reconnect).
            .setActorResponseWaitTime(DEFAULT_ACTOR_RESPONSE_WAIT_TIME)
            .setBackoffJitter(DEFAULT_BACKOFF_JITTER)
            .setBackoffMultiplier(DEFAULT_BACKOFF_MULTIPLIER)
            .setConcurrentRpcLimit(Uint16.ZERO)
            .setLockDatastore(true)
            .setReconnectOnChangedSchema(false)
            .setSchemaless(false)
            .setSchemaCacheDirectory(DEFAULT_SCHEMA_CACHE_DIRECTORY);
        if (!access.extraCapabilities().isEmpty()) {
            netconf.setYangModuleCapabilities(new YangModuleCapabilitiesBuilder()
                .setOverride(false)
                .setCapability(new LinkedHashSet<>(access.extraCapabilities()))
                .build());
        }
        if (schemaCacheDirectory != null) {
            netconf.setSchemaCacheDirectory(schemaCacheDirectory);
        }
        return new NodeBuilder()
            .setNodeId(new NodeId(leaf.name()))
            .addAugmentation(new NetconfNodeAugmentBuilder().setNetconfNode(netconf.build()).build())
            .build();
    }

    /**
     * The {@code netconf-node} of a node, if it has one.
     */
    static org.opendaylight.yang.gen.v1.urn.opendaylight.netconf.node.topology.rev251103.netconf.node.augment
            .@Nullable NetconfNode netconfNode(final Node node) {
        final var augment = node.augmentation(NetconfNodeAugment.class);
        return augment == null ? null : augment.getNetconfNode();
    }
}
