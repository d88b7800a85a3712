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
    /** First RD index of the generated VNIs: like allocation, clear of bgpd's automatic RDs router-id:1, :2, ... */
    private static final long RD_BASE = 10_000;
    private static final long ROUTE_TARGET_ASN = 65000;
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
        return intent(LongStream.range(20001, 20001 + count)
            .mapToObj(vni -> pureL2(vni, "10.0.2.1:" + (RD_BASE + vni - 20000))).toList(), List.of());
    }

    /**
     * A node in the route-target ASN with iBGP neighbors, so that every route target ASN:VNI is also the one bgpd
     * derives itself: a routed network in VRF main, a pure L2 network, and main's extra import target 65000:1.
     */
    public static DeviceIntent ibgp() {
        final var underlay = new Underlay(ROUTE_TARGET_ASN, "10.0.2.1", "10.0.3.1");
        return new DeviceIntent("node1", DeviceRole.NODE_ROUTER, underlay, new NodePlatform(true, FrrNode.PATHSPACE),
            "00:00:5e:00:01:01", List.of(routed("web", 10100, "10.0.2.1:10101", 50000, "10.1.0.1/24"),
                pureL2(10300, "10.0.2.1:10103")), List.of(vrf("main", 50000, "10.0.2.1:10100")),
            List.of(new BgpNeighbor("10.0.0.11", ROUTE_TARGET_ASN, "leaf1", EVPN_IPV4),
                new BgpNeighbor("10.0.0.12", ROUTE_TARGET_ASN, "leaf2", EVPN_IPV4)));
    }

    public static DeviceIntent intent(final List<EvpnSegment> segments, final List<EvpnVrf> vrfs) {
        return new DeviceIntent("node1", DeviceRole.NODE_ROUTER, NODE1, new NodePlatform(true, FrrNode.PATHSPACE),
            "00:00:5e:00:01:01", segments, vrfs, NEIGHBORS);
    }

    /** {@link #ibgp()} with the extra export target 65000:7 on VRF main and the extra import 65000:99 on 10300. */
    public static DeviceIntent ibgpWithExtraTargets() {
        final var base = ibgp();
        final var main = base.vrfs().getFirst();
        return withVrfs(withSegments(base, segments -> segments.stream()
                .map(s -> s.vni() != 10300 ? s : new EvpnSegment(s.tenant(), s.network(), s.vni(), s.vlan(),
                    s.routeDistinguisher(), List.of("65000:10300", "65000:99"), s.exportRouteTargets(),
                    s.arpSuppression(), s.vrf(), s.gateways(), s.mtu()))
                .toList()),
            List.of(new EvpnVrf(main.tenant(), main.vrf(), main.vni(), main.routeDistinguisher(),
                main.importRouteTargets(), List.of("65000:50000", "65000:7"))));
    }

    public static DeviceIntent withSegments(final DeviceIntent intent, final UnaryOperator<List<EvpnSegment>> change) {
        return new DeviceIntent(intent.name(), intent.role(), intent.underlay(), intent.platform(),
            intent.anycastGatewayMac(), change.apply(intent.segments()), intent.vrfs(), intent.neighbors());
    }

    public static DeviceIntent withVrfs(final DeviceIntent intent, final List<EvpnVrf> vrfs) {
        return new DeviceIntent(intent.name(), intent.role(), intent.underlay(), intent.platform(),
            intent.anycastGatewayMac(), intent.segments(), vrfs, intent.neighbors());
    }

    /** The intent on a node whose FRR serves northbound gRPC on the port. */
    public static DeviceIntent withGrpcPort(final DeviceIntent intent, final int port) {
        return new DeviceIntent(intent.name(), intent.role(), intent.underlay(),
            new NodePlatform(true, FrrNode.PATHSPACE, port), intent.anycastGatewayMac(), intent.segments(),
            intent.vrfs(), intent.neighbors());
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
        final var rt = List.of(ROUTE_TARGET_ASN + ":" + vni);
        return new EvpnSegment("acme", network, vni, (int) (vni / 100), rd, rt, rt, true, vrf, List.of(gateway),
            null);
    }

    public static EvpnSegment pureL2(final long vni, final String rd) {
        final var rt = List.of(ROUTE_TARGET_ASN + ":" + vni);
        return new EvpnSegment("acme", "l2-" + vni, vni, (int) (vni % 4000) + 1, rd, rt, rt, false, null, List.of(),
            null);
    }

    public static EvpnVrf vrf(final String name, final long vni, final String rd) {
        return new EvpnVrf("acme", name, vni, rd, List.of(ROUTE_TARGET_ASN + ":" + vni, ROUTE_TARGET_ASN + ":1"),
            List.of(ROUTE_TARGET_ASN + ":" + vni));
    }
}
