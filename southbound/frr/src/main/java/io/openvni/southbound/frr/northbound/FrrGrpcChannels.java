package io.openvni.southbound.frr.northbound;

import static java.util.Objects.requireNonNull;

import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.compile.Platform.NodePlatform;
import io.openvni.southbound.frr.grpc.FrrCapabilities;
import io.openvni.southbound.frr.grpc.FrrNorthboundClient;
import io.openvni.southbound.ssh.NodeUnreachableException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One northbound gRPC connection per node router whose intent names a gRPC port: the way there
 * ({@link GrpcEndpoint}, an SSH forward in production), an {@link FrrNorthboundClient} on its local end and the
 * capabilities read once per connection. The connection is cached and opened again when its tunnel died or a call
 * reported it unavailable ({@link #invalidate}). A node without a port, or whose FRR does not answer (module not
 * loaded, port closed), runs on vtysh alone; that is logged once per node and reason, not per pass, and a failed
 * node is tried again only after {@code retryAfter}, so that a node without the module costs no SSH forward per pass.
 */
public final class FrrGrpcChannels implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FrrGrpcChannels.class);

    private final GrpcEndpoint endpoint;
    private final Duration deadline;
    private final Duration retryAfter;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    /**
     * Channels.
     *
     * @param endpoint how a node's gRPC port is reached
     * @param deadline bound of every gRPC call
     * @param retryAfter how long a node whose gRPC failed runs on vtysh before gRPC is tried again
     */
    public FrrGrpcChannels(final GrpcEndpoint endpoint, final Duration deadline, final Duration retryAfter) {
        this.endpoint = requireNonNull(endpoint);
        this.deadline = requireNonNull(deadline);
        this.retryAfter = requireNonNull(retryAfter);
    }

    /**
     * A node's FRR northbound connection.
     *
     * @param client the client on the tunnel's local end
     * @param capabilities what the daemon (zebra) reported when the connection was opened
     */
    public record Connection(FrrNorthboundClient client, FrrCapabilities capabilities) {
        /** The first FRR release whose zebra takes its configuration from mgmtd. */
        static final int MGMTD_OWNS_ZEBRA = 10;

        public Connection {
            requireNonNull(client);
            requireNonNull(capabilities);
        }

        /** Whether the VRF to L3VNI binding can be written through this connection (see the static one). */
        public boolean writesL3vni() {
            return writesL3vni(capabilities);
        }

        /**
         * Whether the VRF to L3VNI binding can be written through the northbound of a daemon that reports these
         * capabilities: zebra's YANG modules, and an FRR before 10. From FRR 10 on mgmtd owns zebra's configuration:
         * a commit through zebra's own northbound binds the VNI in zebra but not in mgmtd's datastore, so
         * {@code show running-config} (mgmtd's) never shows it and the node never looks converged; vtysh (through
         * mgmtd) writes it there.
         */
        public static boolean writesL3vni(final FrrCapabilities capabilities) {
            return capabilities.hasModule("frr-vrf") && capabilities.hasModule("frr-zebra")
                && major(capabilities.frrVersion()) < MGMTD_OWNS_ZEBRA;
        }

        // "8.4.4" -> 8, "10.3" -> 10; a version that does not start with a number counts as new
        private static int major(final String version) {
            final var digits = version.strip().split("[^0-9]", 2)[0];
            return digits.isEmpty() || digits.length() > 4 ? Integer.MAX_VALUE : Integer.parseInt(digits);
        }

        /** FRR's version as status reports it, e.g. {@code FRR 8.4.4}. */
        public String software() {
            return "FRR " + capabilities.frrVersion();
        }
    }

    /**
     * The node's connection, opened when needed; empty when the node runs on vtysh alone.
     *
     * @param intent the node's intent: its platform says whether and on which port FRR serves gRPC
     * @return the connection, if gRPC is in use
     */
    public Optional<Connection> connection(final DeviceIntent intent) {
        final Integer port = intent.platform() instanceof NodePlatform node ? node.grpcPort() : null;
        final Slot slot = slots.computeIfAbsent(intent.name(), Slot::new);
        synchronized (slot) {
            if (port == null) {
                slot.drop();
                slot.fallBack("no grpc-port is configured");
                return Optional.empty();
            }
            if (slot.connection != null && slot.port == port && slot.tunnel != null && slot.tunnel.isOpen()) {
                return Optional.of(slot.connection);
            }
            slot.drop();
            if (slot.failedAt != 0 && System.nanoTime() - slot.failedAt < retryAfter.toNanos() && slot.port == port) {
                return Optional.empty();
            }
            slot.port = port;
            return Optional.ofNullable(slot.open(port));
        }
    }

    /**
     * Drops a node's connection after a call found it broken; the next {@link #connection} opens a new one.
     *
     * @param device the node router's name
     */
    public void invalidate(final String device) {
        final Slot slot = slots.get(device);
        if (slot != null) {
            synchronized (slot) {
                slot.drop();
            }
        }
    }

    @Override
    public void close() {
        slots.values().forEach(slot -> {
            synchronized (slot) {
                slot.drop();
            }
        });
        slots.clear();
    }

    private final class Slot {
        private final String device;
        private GrpcEndpoint.@Nullable Tunnel tunnel;
        private @Nullable Connection connection;
        private int port;
        private long failedAt;
        private @Nullable String loggedFallback;

        Slot(final String device) {
            this.device = device;
        }

        @Nullable Connection open(final int remotePort) {
            FrrNorthboundClient client = null;
            try {
                tunnel = endpoint.open(device, remotePort);
                client = new FrrNorthboundClient(tunnel.host(), tunnel.port(), deadline);
                final var capabilities = client.capabilities();
                connection = new Connection(client, capabilities);
                failedAt = 0;
                LOG.info("{}: FRR northbound gRPC in use (port {} on the node, {}, L3VNI writes: {})", device,
                    remotePort, connection.software(), connection.writesL3vni());
                loggedFallback = null;
                return connection;
            } catch (NodeUnreachableException | RuntimeException e) {
                if (client != null) {
                    client.close();
                }
                drop();
                failedAt = System.nanoTime();
                fallBack("gRPC port " + remotePort + " does not answer (" + e.getMessage() + ")");
                return null;
            }
        }

        void fallBack(final String reason) {
            if (!reason.equals(loggedFallback)) {
                loggedFallback = reason;
                LOG.info("{}: FRR driven through vtysh alone: {}", device, reason);
            }
        }

        void drop() {
            if (connection != null) {
                connection.client().close();
                connection = null;
            }
            if (tunnel != null) {
                tunnel.close();
                tunnel = null;
            }
        }
    }
}
