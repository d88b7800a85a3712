package io.openvni.southbound.frr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openvni.core.compile.DeviceIntent;
import io.openvni.southbound.frr.northbound.FrrGrpcChannels;
import io.openvni.southbound.frr.northbound.GrpcEndpoint;
import io.openvni.southbound.spi.ChangeSet;
import io.openvni.southbound.spi.ApplyProgress;
import io.openvni.southbound.spi.DeviceFailure;
import io.openvni.southbound.spi.DeviceStateReader.StateResult;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The driver on a real FRR 8.4 node whose zebra loads the northbound gRPC module ({@link FrrNode#startWithGrpc}).
 * The node has no sshd, so the test's {@link GrpcEndpoint} connects over the fixture's veth to the node's address
 * instead of forwarding through SSH (production: {@code SshGrpcEndpoint}); everything from the client on is the
 * production path. OPENVNI_SKIP_FRR_GRPC=1 skips these tests.
 */
@Timeout(90)
class FrrNodeGrpcTest {
    // a VRF block's L3VNI line as vtysh would write it (L2 VNIs are nested deeper, under address-family)
    private static final Pattern VRF_VNI_LINE = Pattern.compile(" (no )?vni \\d+");

    private FrrNode node;
    private FrrGrpcChannels channels;
    private FrrNodeDriver driver;
    private FrrStateReader state;

    @BeforeAll
    static void requireFrr() {
        assumeFalse("1".equals(System.getenv(FrrNode.SKIP_GRPC_ENV)), "FRR gRPC tests skipped");
        assumeTrue(FrrNode.available(), "FRR, nsenter/unshare or root missing");
    }

    @AfterEach
    void stop() {
        if (channels != null) {
            channels.close();
        }
        if (node != null) {
            node.close();
        }
    }

    private void start(final boolean withModule) throws Exception {
        node = withModule ? FrrNode.startWithGrpc() : FrrNode.start();
        final GrpcEndpoint overVeth = (device, port) -> new GrpcEndpoint.Tunnel() {
            @Override
            public String host() {
                // a node without the module has no veth: 127.0.0.1 on the test's side has no zebra either
                return withModule ? node.grpcAddress() : "127.0.0.1";
            }

            @Override
            public int port() {
                return withModule ? port : freePort();
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
                // nothing to tear down
            }
        };
        channels = new FrrGrpcChannels(overVeth, Duration.ofSeconds(5), Duration.ofMinutes(1));
        driver = new FrrNodeDriver(device -> node.shell(), FrrNodeSettings.DEFAULT, channels);
        state = new FrrStateReader(device -> node.shell(), FrrNodeSettings.DEFAULT, Clock.systemUTC(), channels);
    }

    @Test
    void fullApplyWritesTheL3vnisThroughGrpcAndEndsInSync() throws Exception {
        start(true);
        final var intent = NodeIntents.withGrpcPort(NodeIntents.netnsVrf(), FrrNode.GRPC_PORT);

        final var changes = sync(intent, null);
        assertEquals(List.of(new NodeChange.Binding("ovrf50000", 50000L), new NodeChange.Binding("ovrf9000", 9000L)),
            bindings(changes), changes.describe(1000));
        assertEquals(List.of(), vtyshVrfVniLines(changes), changes.describe(1000));

        final String running = node.runningConfig();
        assertTrue(running.contains("vrf ovrf50000\n vni 50000\n netns /run/netns/ovrf50000\nexit-vrf"), running);
        assertTrue(running.contains("vrf ovrf9000\n vni 9000\n"), running);
        try (var client = new io.openvni.southbound.frr.grpc.FrrNorthboundClient(node.grpcAddress(),
                FrrNode.GRPC_PORT)) {
            assertEquals(OptionalLong.of(50000), client.vrfL3vni("ovrf50000"));
        }
        // bgpd took the L3VNI zebra got through gRPC
        final String vni = node.vtysh("show evpn vni 50000");
        assertTrue(vni.contains("ovrf50000") && vni.contains("L3"), vni);
        assertEquals(List.of(), diff(intent, intent).changes());

        final var read = assertInstanceOf(StateResult.Read.class, state.read(intent));
        assertEquals("vtysh+grpc", read.state().management());
        assertTrue(read.state().software().startsWith("FRR 8."), read.state().software());
        assertTrue(read.state().vnis().stream().anyMatch(v -> v.vni() == 50000), read.state().vnis().toString());
    }

    @Test
    void removingAVrfRemovesItsL3vniThroughGrpc() throws Exception {
        start(true);
        final var before = NodeIntents.withGrpcPort(NodeIntents.netnsVrf(), FrrNode.GRPC_PORT);
        sync(before, null);
        final var after = NodeIntents.withVrfs(NodeIntents.withSegments(before,
            segments -> segments.stream().filter(s -> s.vni() != 10200).toList()), List.of(before.vrfs().getFirst()));

        final var changes = sync(after, before);
        assertEquals(List.of(new NodeChange.Binding("ovrf9000", null)), bindings(changes), changes.describe(1000));
        assertEquals(List.of(), vtyshVrfVniLines(changes), changes.describe(1000));
        final String script = changes.describe(1000);
        // the binding goes first (gRPC; bgpd refuses to delete the instance of a VRF whose L3 VNI is up), then the
        // VRF's BGP instance (vtysh), then the namespace (iproute2)
        assertTrue(script.indexOf("grpc: vrf ovrf9000 no l3vni") < script.indexOf("no router bgp 65201 vrf ovrf9000")
            && script.indexOf("no router bgp 65201 vrf ovrf9000") < script.indexOf("netns del ovrf9000"), script);
        final String running = node.runningConfig();
        assertFalse(running.contains("ovrf9000"), running);
        assertTrue(running.contains("vrf ovrf50000\n vni 50000"), running);
        assertEquals(List.of(), diff(after, before).changes());
    }

    @Test
    void zebrasRefusalIsARejectionWithFrrsText() throws Exception {
        start(true);
        final var intent = NodeIntents.withGrpcPort(NodeIntents.netnsVrf(), FrrNode.GRPC_PORT);
        sync(intent, null);
        final var second = new ChangeSet<NodeChange>(List.of(new NodeChange.GrpcL3vni(
            List.of(new NodeChange.Binding("ovrf50000", 50001L)))));
        final var rejected = assertInstanceOf(DeviceFailure.Rejected.class,
            DriverPasses.failure(driver.apply(intent, second, ApplyProgress.NONE)));
        assertTrue(rejected.deviceError().startsWith("vrf ovrf50000 l3vni 50001 -> ")
            && rejected.deviceError().length() > "vrf ovrf50000 l3vni 50001 -> ".length(), rejected.deviceError());
    }

    @Test
    void aNodeWithoutTheModuleRunsOnVtyshAloneAndConverges() throws Exception {
        start(false);
        final var intent = NodeIntents.withGrpcPort(NodeIntents.netnsVrf(), FrrNode.GRPC_PORT);

        final var changes = sync(intent, null);
        assertEquals(List.of(), bindings(changes));
        assertEquals(List.of(" vni 50000", " vni 9000"), vtyshVrfVniLines(changes), changes.describe(1000));
        assertTrue(node.runningConfig().contains("vrf ovrf50000\n vni 50000"));
        assertEquals(List.of(), diff(intent, intent).changes());
        final var read = assertInstanceOf(StateResult.Read.class, state.read(intent));
        assertEquals("vtysh", read.state().management());
        assertTrue(read.state().software().startsWith("FRR 8."), read.state().software());
    }

    private static List<NodeChange.Binding> bindings(final ChangeSet<NodeChange> changes) {
        return changes.changes().stream().filter(NodeChange.GrpcL3vni.class::isInstance)
            .flatMap(change -> ((NodeChange.GrpcL3vni) change).bindings().stream()).toList();
    }

    private static List<String> vtyshVrfVniLines(final ChangeSet<NodeChange> changes) {
        return changes.changes().stream().filter(NodeChange.Vtysh.class::isInstance)
            .flatMap(change -> ((NodeChange.Vtysh) change).commands().stream())
            .filter(line -> VRF_VNI_LINE.matcher(line).matches()).toList();
    }

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ChangeSet<NodeChange> sync(final DeviceIntent intent, final @Nullable DeviceIntent previous)
            throws Exception {
        return DriverPasses.sync(driver, node, intent, previous);
    }

    private ChangeSet<NodeChange> diff(final DeviceIntent intent, final @Nullable DeviceIntent previous) {
        return DriverPasses.diff(driver, intent, previous);
    }
}
