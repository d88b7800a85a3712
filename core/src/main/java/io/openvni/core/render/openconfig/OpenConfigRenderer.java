package io.openvni.core.render.openconfig;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvni.core.compile.BgpNeighbor;
import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.compile.EvpnSegment;
import io.openvni.core.compile.EvpnVrf;
import io.openvni.core.compile.Platform.LeafPlatform;
import io.openvni.core.intent.LeafSwitch.Dialect;
import io.openvni.core.net.IpPrefix;
import io.openvni.core.render.Addresses;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Renders a leaf switch's intent as RFC 7951 JSON of the OpenConfig subtrees OpenVNI owns (see {@link OwnedPaths}):
 * one L2VSI network instance per L2 VNI, one L3VRF per L3 VNI, the SVIs of routed networks, and in the default
 * network instance the VTEP with its VNI map and the BGP EVPN neighbors. The default instance's {@code config}
 * (name and type) and the BGP {@code global/config} (ASN and router ID) are rendered too, because the schema
 * requires them, but OpenVNI does not own them.
 *
 * <p>Lists come out sorted (instances by kind and VNI, neighbors by address), so equal intent gives equal JSON.
 */
public final class OpenConfigRenderer {
    /** Top-level container of network instances. */
    public static final String NETWORK_INSTANCES = "openconfig-network-instance:network-instances";
    /** Top-level container of interfaces. */
    public static final String INTERFACES = "openconfig-interfaces:interfaces";

    private static final String NI_TYPES = "openconfig-network-instance-types:";
    private static final String EVPN_TYPES = "openconfig-evpn-types:";
    private static final String BGP_TYPES = "openconfig-bgp-types:";
    private static final String POLICY_TYPES = "openconfig-policy-types:";
    private static final String IF_TYPE_L3IPVLAN = "iana-if-type:l3ipvlan";
    private static final String ROUTED_VLAN = "openconfig-vlan:routed-vlan";
    private static final String IF_IP = "openconfig-if-ip:";
    private static final String IRB_ANYCAST = "DISTRIBUTED_SYMETRIC";

    private final JsonNodeFactory factory = JsonNodeFactory.instance;

    /**
     * Renders a leaf switch's intent.
     *
     * @throws IllegalArgumentException if the device is not an OpenConfig leaf switch
     */
    public ObjectNode render(final DeviceIntent intent) {
        if (!(intent.platform() instanceof LeafPlatform platform) || platform.dialect() != Dialect.OPENCONFIG) {
            throw new IllegalArgumentException("device " + intent.name() + " is not an OpenConfig leaf switch");
        }
        final var segments = intent.segments().stream()
            .sorted(Comparator.comparingLong(EvpnSegment::vni))
            .toList();
        final var vrfs = intent.vrfs().stream().sorted(Comparator.comparingLong(EvpnVrf::vni)).toList();

        final var root = factory.objectNode();
        final var instances = root.putObject(NETWORK_INSTANCES).putArray("network-instance");
        defaultInstance(instances.addObject(), intent, platform, segments, vrfs);
        segments.forEach(segment -> l2Instance(instances.addObject(), segment, intent.anycastGatewayMac()));
        vrfs.forEach(vrf -> l3Instance(instances.addObject(), vrf, segments));

        final var routed = segments.stream().filter(segment -> segment.vrf() != null).toList();
        if (!routed.isEmpty()) {
            final var interfaces = root.putObject(INTERFACES).putArray("interface");
            routed.forEach(segment -> svi(interfaces.addObject(), segment));
        }
        return root;
    }

    private void defaultInstance(final ObjectNode instance, final DeviceIntent intent, final LeafPlatform platform,
            final List<EvpnSegment> segments, final List<EvpnVrf> vrfs) {
        instance.put("name", LeafNames.DEFAULT_INSTANCE);
        instance.putObject("config")
            .put("name", LeafNames.DEFAULT_INSTANCE)
            .put("type", NI_TYPES + "DEFAULT_INSTANCE");

        final var connectionPoint = keyed(instance.putObject("connection-points").putArray("connection-point"),
            "connection-point-id", LeafNames.VTEP);
        final var endpoint = keyed(connectionPoint.putObject("endpoints").putArray("endpoint"), "endpoint-id",
            LeafNames.VTEP);
        config(endpoint).put("type", NI_TYPES + "LOCAL");
        final var vxlan = endpoint.putObject("vxlan");
        vxlan.putObject("config")
            .put("source-interface", platform.vtepSourceInterface())
            .put("enabled", true);
        if (!segments.isEmpty() || !vrfs.isEmpty()) {
            final var vnis = vxlan.putObject("local-endpoint-vnis").putArray("local-endpoint-vni");
            for (var segment : segments) {
                config(keyed(vnis, "vni", segment.vni()))
                    .put("vni-type", "L2")
                    .put("bridge-domain", segment.vlan());
            }
            for (var vrf : vrfs) {
                config(keyed(vnis, "vni", vrf.vni()))
                    .put("vni-type", "L3")
                    .put("l3-vrf-name", LeafNames.l3Instance(vrf.vni()));
            }
        }

        if (!intent.neighbors().isEmpty()) {
            final var protocol = instance.putObject("protocols").putArray("protocol").addObject();
            protocol.put("identifier", POLICY_TYPES + "BGP").put("name", LeafNames.BGP);
            protocol.putObject("config").put("identifier", POLICY_TYPES + "BGP").put("name", LeafNames.BGP);
            final var bgp = protocol.putObject("bgp");
            bgp.putObject("global").putObject("config")
                .put("as", intent.underlay().asn())
                .put("router-id", intent.underlay().routerId());
            final var neighbors = bgp.putObject("neighbors").putArray("neighbor");
            intent.neighbors().stream()
                .sorted(Comparator.comparing(BgpNeighbor::address, Addresses.ORDER))
                .forEach(neighbor -> neighbor(neighbors, neighbor));
        }
    }

    private void neighbor(final ArrayNode neighbors, final BgpNeighbor neighbor) {
        final var entry = keyed(neighbors, "neighbor-address", Addresses.canonical(neighbor.address()));
        final var config = config(entry);
        config.put("peer-as", neighbor.asn()).put("description", neighbor.description());
        config.putArray("send-community-type").add("STANDARD").add("EXTENDED");
        final var afiSafis = entry.putObject("afi-safis").putArray("afi-safi");
        // Enum order: IPV4_UNICAST, then L2VPN_EVPN.
        for (var family : BgpNeighbor.AddressFamily.values()) {
            if (neighbor.addressFamilies().contains(family)) {
                config(keyed(afiSafis, "afi-safi-name", BGP_TYPES + family.name())).put("enabled", true);
            }
        }
    }

    private void l2Instance(final ObjectNode instance, final EvpnSegment segment, final String anycastMac) {
        final String name = LeafNames.l2Instance(segment.vni());
        instance.put("name", name);
        instance.putObject("config")
            .put("name", name)
            .put("type", NI_TYPES + "L2VSI")
            .put("description", segment.tenant() + "/" + segment.network());
        keyed(instance.putObject("vlans").putArray("vlan"), "vlan-id", segment.vlan());

        final var fdb = instance.putObject("fdb");
        if (segment.vrf() != null) {
            fdb.putObject("config").put("anycast-gateway-mac", anycastMac);
        }
        // The intent's flag covers ARP and ND alike.
        fdb.putObject("arp-proxy").putObject("config").put("arp-suppression", segment.arpSuppression());
        fdb.putObject("nd-proxy").putObject("config").put("nd-suppression", segment.arpSuppression());

        final var evi = evpnInstance(instance, segment.vni(), segment.importRouteTargets(),
            segment.exportRouteTargets());
        config(evi)
            .put("encapsulation-type", NI_TYPES + "VXLAN")
            .put("service-type", EVPN_TYPES + "VLAN_BASED")
            .put("route-distinguisher", segment.routeDistinguisher());
        evi.putObject("vxlan").putObject("config")
            .put("vni", segment.vni())
            .put("overlay-endpoint-network-instance", LeafNames.DEFAULT_INSTANCE)
            .put("overlay-endpoint", LeafNames.VTEP)
            .put("host-reachability-bgp", true);
    }

    private void l3Instance(final ObjectNode instance, final EvpnVrf vrf, final List<EvpnSegment> segments) {
        final String name = LeafNames.l3Instance(vrf.vni());
        instance.put("name", name);
        instance.putObject("config")
            .put("name", name)
            .put("type", NI_TYPES + "L3VRF")
            .put("description", vrf.tenant() + "/" + vrf.vrf())
            .put("route-distinguisher", vrf.routeDistinguisher());
        final var irbs = segments.stream().filter(segment -> Objects.equals(segment.vrf(), vrf.vni())).toList();
        if (!irbs.isEmpty()) {
            final var interfaces = instance.putObject("interfaces").putArray("interface");
            for (var segment : irbs) {
                final String svi = LeafNames.svi(segment.vlan());
                config(keyed(interfaces, "id", svi))
                    .put("interface", svi)
                    .put("irb-anycast-gateway", IRB_ANYCAST);
            }
        }
        final var evi = evpnInstance(instance, vrf.vni(), vrf.importRouteTargets(), vrf.exportRouteTargets());
        config(evi).put("encapsulation-type", NI_TYPES + "VXLAN");
    }

    private ObjectNode evpnInstance(final ObjectNode instance, final long vni, final List<String> importTargets,
            final List<String> exportTargets) {
        final var evi = keyed(instance.putObject("evpn").putObject("evpn-instances").putArray("evpn-instance"),
            "evi", Long.toString(vni));
        final var policy = factory.objectNode();
        addAll(policy, "import-route-target", importTargets);
        addAll(policy, "export-route-target", exportTargets);
        if (!policy.isEmpty()) {
            evi.putObject("import-export-policy").set("config", policy);
        }
        return evi;
    }

    private void svi(final ObjectNode entry, final EvpnSegment segment) {
        final String name = LeafNames.svi(segment.vlan());
        entry.put("name", name);
        final var config = entry.putObject("config")
            .put("name", name)
            .put("type", IF_TYPE_L3IPVLAN)
            .put("description", segment.tenant() + "/" + segment.network());
        if (segment.mtu() != null) {
            config.put("mtu", segment.mtu());
        }
        final var routedVlan = entry.putObject(ROUTED_VLAN);
        routedVlan.putObject("config").put("vlan", segment.vlan());
        for (var gateway : segment.gateways()) {
            final var prefix = IpPrefix.parse(gateway);
            final String family = IF_IP + (prefix.isIpv4() ? "ipv4" : "ipv6");
            final var addresses = routedVlan.withObjectProperty(family).withObjectProperty("addresses")
                .withArrayProperty("address");
            config(keyed(addresses, "ip", Addresses.canonical(prefix.address()))).put("prefix-length", prefix.length());
        }
    }

    private static void addAll(final ObjectNode parent, final String leafList, final List<String> values) {
        if (!values.isEmpty()) {
            final var array = parent.putArray(leafList);
            values.forEach(array::add);
        }
    }

    private static ObjectNode config(final ObjectNode entry) {
        return (ObjectNode) entry.get("config");
    }

    // A list entry with its key leaf, repeated under config as OpenConfig requires.
    private static ObjectNode keyed(final ArrayNode list, final String key, final String value) {
        final var entry = list.addObject().put(key, value);
        entry.putObject("config").put(key, value);
        return entry;
    }

    private static ObjectNode keyed(final ArrayNode list, final String key, final long value) {
        final var entry = list.addObject().put(key, value);
        entry.putObject("config").put(key, value);
        return entry;
    }
}
