package io.openvni.core.render;

import io.openvni.core.compile.BgpNeighbor;
import io.openvni.core.compile.BgpNeighbor.AddressFamily;
import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.compile.DeviceRole;
import io.openvni.core.compile.EvpnSegment;
import io.openvni.core.compile.EvpnVrf;
import io.openvni.core.compile.Platform.LeafPlatform;
import io.openvni.core.compile.Platform.NodePlatform;
import io.openvni.core.compile.Underlay;
import io.openvni.core.intent.LeafSwitch.Dialect;
import java.util.List;
import java.util.Set;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Device intents the renderer tests share, built by hand the way the compiler would build them. Each one has a
 * golden file per rendering, named after it. Route targets use the fabric ASN 65000, which no device has: an RT
 * equal to FRR's auto-derived one (local ASN:VNI) would be hidden from FRR's running configuration.
 */
public final class RenderFixtures {
    /**
     * A named device intent.
     *
     * @param name golden file base name
     * @param intent the intent
     */
    public record Fixture(String name, DeviceIntent intent) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static final String ANYCAST_MAC = "00:00:5e:00:01:01";

    private static final Set<AddressFamily> EVPN = Set.of(AddressFamily.L2VPN_EVPN);
    private static final Set<AddressFamily> EVPN_IPV4 = Set.of(AddressFamily.L2VPN_EVPN, AddressFamily.IPV4_UNICAST);
    private static final Set<AddressFamily> IPV4 = Set.of(AddressFamily.IPV4_UNICAST);

    private static final Underlay LEAF1 = new Underlay(65101, "10.0.0.11", "10.0.1.11");
    private static final Underlay NODE1 = new Underlay(65201, "10.0.2.1", "10.0.3.1");
    private static final List<BgpNeighbor> LEAF_NEIGHBORS = List.of(
        new BgpNeighbor("10.0.2.2", 65202, "node2", EVPN_IPV4),
        new BgpNeighbor("10.0.2.1", 65201, "node1", EVPN));
    private static final List<BgpNeighbor> NODE_NEIGHBORS = List.of(
        new BgpNeighbor("192.168.0.1", 64512, "bgp-peer", IPV4),
        new BgpNeighbor("10.0.0.12", 65102, "leaf2", EVPN_IPV4),
        new BgpNeighbor("10.0.0.11", 65101, "leaf1", EVPN_IPV4));

    private RenderFixtures() {
        // constants and static methods only
    }

    /** Leaf switch intents. */
    public static List<Fixture> leaves() {
        return List.of(
            leaf("leaf-two-segments-one-vrf", List.of(
                    routed("web", 10100, 100, "10.0.0.11:101", 50000, List.of("10.1.0.1/24"), null),
                    routed("db", 10200, 200, "10.0.0.11:102", 50000, List.of("10.2.0.1/24"), null)),
                List.of(vrf("main", 50000, "10.0.0.11:100")), LEAF_NEIGHBORS),
            leaf("leaf-pure-l2", List.of(pureL2("storage", 10300, 300, "10.0.0.11:103", null)), List.of(),
                List.of(LEAF_NEIGHBORS.get(1))),
            leaf("leaf-ipv6-gateways", List.of(
                    routed("v6", 10400, 400, "10.0.0.11:104", 50001, List.of("10.4.0.1/24", "2001:DB8:4:0::1/64"),
                        null)),
                List.of(vrf("dual", 50001, "10.0.0.11:105")), LEAF_NEIGHBORS),
            leaf("leaf-mtu", List.of(
                    routed("jumbo", 10500, 500, "10.0.0.11:106", 50000, List.of("10.5.0.1/24"), 9000),
                    pureL2("jumbo-l2", 10600, 600, "10.0.0.11:107", 9216)),
                List.of(vrf("main", 50000, "10.0.0.11:100")), LEAF_NEIGHBORS));
    }

    /** SR Linux leaf switch intents: one route target each way per instance, as SR Linux's bgp-vpn takes. */
    public static List<Fixture> srlinuxLeaves() {
        final var ports = List.of("ethernet-1/1", "lag1");
        return List.of(
            srlinuxLeaf("srl-pure-l2", ports, List.of(
                    pureL2("storage", 10300, 300, "10.0.0.11:103", null),
                    pureL2("backup", 10301, 301, "10.0.0.11:108", 9216)),
                List.of()),
            srlinuxLeaf("srl-routed-dual-stack", ports, List.of(
                    routed("web", 10100, 100, "10.0.0.11:101", 50000, List.of("10.1.0.1/24"), null),
                    routed("v6", 10400, 400, "10.0.0.11:104", 50000,
                        List.of("10.4.0.1/24", "2001:DB8:4:0::1/64"), 9000)),
                List.of(singleTargetVrf("main", 50000, "10.0.0.11:100"))),
            srlinuxLeaf("srl-multi-vrf", List.of("ethernet-1/10", "ethernet-1/2"), List.of(
                    routed("web", 10100, 100, "10.0.0.11:101", 50000, List.of("10.1.0.1/24"), null),
                    routed("db", 10200, 200, "10.0.0.11:102", 50001, List.of("2001:db8:2::1/64"), null),
                    pureL2("storage", 10300, 300, "10.0.0.11:103", null)),
                List.of(singleTargetVrf("main", 50000, "10.0.0.11:100"),
                    singleTargetVrf("legacy", 50001, "10.0.0.11:105"))),
            srlinuxLeaf("srl-no-access-interfaces", List.of(), List.of(
                    routed("web", 10100, 100, "10.0.0.11:101", 50000, List.of("10.1.0.1/24"), null),
                    pureL2("storage", 10300, 300, "10.0.0.11:103", null)),
                List.of(singleTargetVrf("main", 50000, "10.0.0.11:100"))),
            srlinuxLeaf("srl-empty", ports, List.of(), List.of()));
    }

    /** An SR Linux leaf switch intent (as leaf1, without BGP neighbors, which the dialect leaves alone). */
    public static Fixture srlinuxLeaf(final String name, final List<String> accessInterfaces,
            final List<EvpnSegment> segments, final List<EvpnVrf> vrfs) {
        return new Fixture(name, new DeviceIntent("leaf1", DeviceRole.LEAF_SWITCH, LEAF1,
            new LeafPlatform(Dialect.SRLINUX, "system0.0", accessInterfaces), ANYCAST_MAC, segments, vrfs,
            List.of()));
    }

    /** A VRF of tenant acme with only the fabric's derived route target. */
    public static EvpnVrf singleTargetVrf(final String name, final long vni, final String rd) {
        final var rt = List.of("65000:" + vni);
        return new EvpnVrf("acme", name, vni, rd, rt, rt);
    }

    /** The same intent with its segments, VRFs and neighbors in reverse order: renderers must not care. */
    public static DeviceIntent reversedLists(final DeviceIntent intent) {
        return new DeviceIntent(intent.name(), intent.role(), intent.underlay(), intent.platform(),
            intent.anycastGatewayMac(), intent.segments().reversed(), intent.vrfs().reversed(),
            intent.neighbors().reversed());
    }

    /** Node router intents. */
    public static List<Fixture> nodes() {
        final var segments = List.of(
            routed("web", 10100, 100, "10.0.2.1:101", 50000, List.of("10.1.0.1/24"), null),
            routed("db", 10200, 200, "10.0.2.1:102", 9000, List.of("10.2.0.1/24"), null),
            pureL2("storage", 10300, 300, "10.0.2.1:103", null));
        // VNI 9000 names its VRF ovrf9000, which sorts after ovrf50000.
        final var vrfs = List.of(vrf("main", 50000, "10.0.2.1:100"), vrf("legacy", 9000, "10.0.2.1:104"));
        return List.of(
            node("node-kernel-vrf", false, segments, vrfs),
            node("node-netns-vrf", true, segments, vrfs),
            node("node-no-segments", false, List.of(), List.of()),
            node("node-mtu-ipv6", true, List.of(
                    routed("v6", 10400, 400, "10.0.2.1:105", 50001, List.of("10.4.0.1/24", "2001:db8:4::1/64"), 9000),
                    pureL2("small", 10700, 700, "10.0.2.1:106", 1450)),
                List.of(vrf("dual", 50001, "10.0.2.1:107"))));
    }

    /** A routed segment of tenant acme with the fabric's derived route target. */
    public static EvpnSegment routed(final String network, final long vni, final int vlan, final String rd,
            final long vrf, final List<String> gateways, final @Nullable Integer mtu) {
        final var rt = List.of("65000:" + vni);
        return new EvpnSegment("acme", network, vni, vlan, rd, rt, rt, true, vrf, gateways, mtu);
    }

    /** A pure L2 segment of tenant acme, without ARP suppression. */
    public static EvpnSegment pureL2(final String network, final long vni, final int vlan, final String rd,
            final @Nullable Integer mtu) {
        final var rt = List.of("65000:" + vni);
        return new EvpnSegment("acme", network, vni, vlan, rd, rt, rt, false, null, List.of(), mtu);
    }

    /** A VRF of tenant acme importing one extra route target. */
    public static EvpnVrf vrf(final String name, final long vni, final String rd) {
        return new EvpnVrf("acme", name, vni, rd, List.of("65000:" + vni, "65000:1"), List.of("65000:" + vni));
    }

    private static Fixture leaf(final String name, final List<EvpnSegment> segments, final List<EvpnVrf> vrfs,
            final List<BgpNeighbor> neighbors) {
        return new Fixture(name, new DeviceIntent("leaf1", DeviceRole.LEAF_SWITCH, LEAF1,
            new LeafPlatform(Dialect.OPENCONFIG, "Loopback1"), ANYCAST_MAC, segments, vrfs, neighbors));
    }

    private static Fixture node(final String name, final boolean netns, final List<EvpnSegment> segments,
            final List<EvpnVrf> vrfs) {
        return new Fixture(name, new DeviceIntent("node1", DeviceRole.NODE_ROUTER, NODE1,
            new NodePlatform(netns, null), ANYCAST_MAC, segments, vrfs, NODE_NEIGHBORS));
    }
}
