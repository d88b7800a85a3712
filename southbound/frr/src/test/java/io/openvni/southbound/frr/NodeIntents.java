package io.openvni.southbound.frr;

import io.openvni.core.compile.BgpNeighbor;
import io.openvni.core.compile.BgpNeighbor.AddressFamily;
import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.compile.DeviceRole;
import io.openvni.core.compile.EvpnSegment;
import io.openvni.core.compile.EvpnVrf;
import io.openvni.core.compile.Platform.NodePlatform;
import io.openvni.core.compile.Underlay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;

/**
 * Node router intents for the driver tests. {@link #netnsVrf()} is core's {@code node-netns-vrf} render fixture
 * (same segments, VRFs and neighbors) on the test node's FRR pathspace, so its rendering is core's golden file.
 */
public final class NodeIntents {
    static final Path GOLDEN_DIR = Path.of("../../core/src/test/resources/golden");

    private static final Set<AddressFamily> EVPN_IPV4 = Set.of(AddressFamily.L2VPN_EVPN, AddressFamily.IPV4_UNICAST);
    private static final Underlay NODE1 = new Underlay(65201, "10.0.2.1", "10.0.3.1");
    private static final List<BgpNeighbor> NEIGHBORS = List.of(
        new BgpNeighbor("192.168.0.1", 64512, "bgp-peer", Set.of(AddressFamily.IPV4_UNICAST)),
        new BgpNeighbor("10.0.0.12", 65102, "leaf2", EVPN_IPV4),
        new BgpNeighbor("10.0.0.11", 65101, "leaf1", EVPN_IPV4));

    private NodeIntents() {
        // factory
    }

    public static DeviceIntent netnsVrf() {
        return intent(List.of(
                routed("web", 10100, "10.0.2.1:101", 50000, "10.1.0.1/24"),
                routed("db", 10200, "10.0.2.1:102", 9000, "10.2.0.1/24"),
                pureL2(10300, "10.0.2.1:103")),
            List.of(vrf("main", 50000, "10.0.2.1:100"), vrf("legacy", 9000, "10.0.2.1:104")));
    }

    /** Only neighbors and {@code count} pure L2 VNIs from 20001. */
    public static DeviceIntent pureL2(final int count) {
        return intent(LongStream.range(20001, 20001 + count).mapToObj(vni -> pureL2(vni, "10.0.2.1:" + (vni - 20000)))
            .toList(), List.of());
    }

    public static DeviceIntent intent(final List<EvpnSegment> segments, final List<EvpnVrf> vrfs) {
        return new DeviceIntent("node1", DeviceRole.NODE_ROUTER, NODE1, new NodePlatform(true, FrrNode.PATHSPACE),
            "00:00:5e:00:01:01", segments, vrfs, NEIGHBORS);
    }

    public static DeviceIntent withSegments(final DeviceIntent intent, final UnaryOperator<List<EvpnSegment>> change) {
        return new DeviceIntent(intent.name(), intent.role(), intent.underlay(), intent.platform(),
            intent.anycastGatewayMac(), change.apply(intent.segments()), intent.vrfs(), intent.neighbors());
    }

    public static DeviceIntent withVrfs(final DeviceIntent intent, final List<EvpnVrf> vrfs) {
        return new DeviceIntent(intent.name(), intent.role(), intent.underlay(), intent.platform(),
            intent.anycastGatewayMac(), intent.segments(), vrfs, intent.neighbors());
    }

    public static DeviceIntent withNeighbors(final DeviceIntent intent, final List<BgpNeighbor> neighbors) {
        return new DeviceIntent(intent.name(), intent.role(), intent.underlay(), intent.platform(),
            intent.anycastGatewayMac(), intent.segments(), intent.vrfs(), neighbors);
    }

    public static String golden(final String name) throws IOException {
        return Files.readString(GOLDEN_DIR.resolve(name));
    }

    public static EvpnSegment routed(final String network, final long vni, final String rd, final long vrf,
            final String gateway) {
        final var rt = List.of("65000:" + vni);
        return new EvpnSegment("acme", network, vni, (int) (vni / 100), rd, rt, rt, true, vrf, List.of(gateway),
            null);
    }

    public static EvpnSegment pureL2(final long vni, final String rd) {
        final var rt = List.of("65000:" + vni);
        return new EvpnSegment("acme", "l2-" + vni, vni, (int) (vni % 4000) + 1, rd, rt, rt, false, null, List.of(),
            null);
    }

    public static EvpnVrf vrf(final String name, final long vni, final String rd) {
        return new EvpnVrf("acme", name, vni, rd, List.of("65000:" + vni, "65000:1"), List.of("65000:" + vni));
    }
}
