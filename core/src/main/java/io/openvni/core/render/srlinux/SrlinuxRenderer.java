package io.openvni.core.render.srlinux;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.compile.EvpnSegment;
import io.openvni.core.compile.EvpnVrf;
import io.openvni.core.compile.Platform.LeafPlatform;
import io.openvni.core.intent.LeafSwitch.Dialect;
import io.openvni.core.net.IpPrefix;
import io.openvni.core.render.Addresses;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Renders a leaf switch's intent as RFC 7951 JSON of Nokia SR Linux's native models, the subtrees OpenVNI owns
 * (see {@link SrlOwnedPaths}): per network a mac-vrf with a bridged VXLAN interface and a VLAN subinterface on
 * each access interface, per routed network an anycast-gateway subinterface of {@value SrlNames#IRB_INTERFACE},
 * per VRF an ip-vrf with a routed VXLAN interface; each instance with {@code bgp-evpn} (EVI, VXLAN interface) and
 * {@code bgp-vpn} (RD, route targets). The access interfaces themselves appear only to hold their subinterfaces
 * and {@code vlan-tagging}, which VLAN subinterfaces need; OpenVNI does not own them.
 *
 * <p>The EVI of an instance is the index of its route distinguisher ({@code <router-id>:<index>}): SR Linux's
 * EVIs range over 1..65535, which VNIs exceed and RD indexes (allocated fabric-wide from 10000..65535) do not.
 *
 * <p>Lists come out sorted (interfaces by name, subinterfaces and instances by kind and number), so equal intent
 * gives equal JSON.
 */
public final class SrlinuxRenderer {
    /** Top-level list of interfaces. */
    public static final String INTERFACE = "srl_nokia-interfaces:interface";
    /** Top-level list of tunnel interfaces. */
    public static final String TUNNEL_INTERFACE = "srl_nokia-tunnel-interfaces:tunnel-interface";
    /** Top-level list of network instances. */
    public static final String NETWORK_INSTANCE = "srl_nokia-network-instance:network-instance";

    private static final String IF = "srl_nokia-interfaces:";
    private static final String NI = "srl_nokia-network-instance:";
    private static final String VLANS = "srl_nokia-interfaces-vlans:";
    private static final String NBR = "srl_nokia-interfaces-nbr:";
    private static final String NBR_EVPN = "srl_nokia-interfaces-nbr-evpn:";
    private static final String ENABLE = "enable";
    // SR Linux allows up to two BGP instances per network instance; OpenVNI uses the first.
    private static final int BGP_INSTANCE = 1;

    private final JsonNodeFactory factory = JsonNodeFactory.instance;

    /**
     * Renders a leaf switch's intent.
     *
     * @throws IllegalArgumentException if the device is not an SR Linux leaf switch, or its intent needs what
     *     SR Linux's bgp-vpn cannot say (more than one import or export route target per instance)
     */
    public ObjectNode render(final DeviceIntent intent) {
        if (!(intent.platform() instanceof LeafPlatform platform) || platform.dialect() != Dialect.SRLINUX) {
            throw new IllegalArgumentException("device " + intent.name() + " is not an SR Linux leaf switch");
        }
        final var segments = intent.segments().stream()
            .sorted(Comparator.comparingLong(EvpnSegment::vni))
            .toList();
        final var vrfs = intent.vrfs().stream().sorted(Comparator.comparingLong(EvpnVrf::vni)).toList();
        final var routed = segments.stream().filter(segment -> segment.vrf() != null).toList();
        final var ports = platform.accessInterfaces().stream().sorted().toList();

        final var root = factory.objectNode();
        if (!segments.isEmpty() && (!ports.isEmpty() || !routed.isEmpty())) {
            final var interfaces = root.putArray(INTERFACE);
            for (var port : ports) {
                accessInterface(interfaces.addObject(), port, segments);
            }
            if (!routed.isEmpty()) {
                final var irb = interfaces.addObject().put("name", SrlNames.IRB_INTERFACE);
                final var subinterfaces = irb.putArray("subinterface");
                routed.forEach(segment -> gateway(subinterfaces.addObject(), segment, intent.anycastGatewayMac()));
            }
        }
        if (!segments.isEmpty() || !vrfs.isEmpty()) {
            final var vxlans = root.putArray(TUNNEL_INTERFACE).addObject()
                .put("name", SrlNames.TUNNEL_INTERFACE)
                .putArray("vxlan-interface");
            segments.forEach(segment -> vxlanInterface(vxlans, segment.vni(), "bridged"));
            vrfs.forEach(vrf -> vxlanInterface(vxlans, vrf.vni(), "routed"));

            final var instances = root.putArray(NETWORK_INSTANCE);
            segments.forEach(segment -> macVrf(instances.addObject(), segment, ports));
            vrfs.forEach(vrf -> ipVrf(instances.addObject(), vrf, routed));
        }
        return root;
    }

    private void accessInterface(final ObjectNode entry, final String port, final List<EvpnSegment> segments) {
        entry.put("name", port);
        entry.put(VLANS + "vlan-tagging", true);
        final var subinterfaces = entry.putArray("subinterface");
        for (var segment : segments) {
            final var subinterface = subinterfaces.addObject()
                .put("index", segment.vlan())
                .put("type", IF + "bridged")
                .put("description", description(segment))
                .put("admin-state", ENABLE);
            if (segment.mtu() != null) {
                subinterface.put("l2-mtu", segment.mtu());
            }
            subinterface.putObject(VLANS + "vlan").putObject("encap").putObject("single-tagged")
                .put("vlan-id", segment.vlan());
        }
    }

    // The anycast gateway of a routed network: its addresses, the fabric's gateway MAC, and ARP/ND entries
    // learnt on it advertised as EVPN MAC/IP routes, which symmetric IRB needs for host routes.
    private void gateway(final ObjectNode subinterface, final EvpnSegment segment, final String anycastMac) {
        subinterface.put("index", segment.vlan())
            .put("description", description(segment))
            .put("admin-state", ENABLE);
        if (segment.mtu() != null) {
            subinterface.put("ip-mtu", segment.mtu());
        }
        final var ipv4 = segment.gateways().stream().filter(gateway -> IpPrefix.parse(gateway).isIpv4()).toList();
        final var ipv6 = segment.gateways().stream().filter(gateway -> !IpPrefix.parse(gateway).isIpv4()).toList();
        if (!ipv4.isEmpty()) {
            final var family = family(subinterface.putObject("ipv4"), ipv4);
            family.putObject(NBR + "arp")
                .put("learn-unsolicited", true)
                .set(NBR_EVPN + "evpn", advertiseDynamic());
        }
        if (!ipv6.isEmpty()) {
            final var family = family(subinterface.putObject("ipv6"), ipv6);
            family.putObject(NBR + "neighbor-discovery")
                .put("learn-unsolicited", "global")
                .set(NBR_EVPN + "evpn", advertiseDynamic());
        }
        subinterface.putObject("anycast-gw").put("anycast-gw-mac", anycastMac);
    }

    private static ObjectNode family(final ObjectNode family, final List<String> gateways) {
        family.put("admin-state", ENABLE);
        final var addresses = family.putArray("address");
        gateways.forEach(gateway -> addresses.addObject()
            .put("ip-prefix", Addresses.canonicalPrefix(gateway))
            .put("anycast-gw", true));
        return family;
    }

    private ObjectNode advertiseDynamic() {
        final var evpn = factory.objectNode();
        evpn.putArray("advertise").addObject().put("route-type", "dynamic");
        return evpn;
    }

    private static void vxlanInterface(final ArrayNode vxlans, final long vni, final String type) {
        final var entry = vxlans.addObject().put("index", vni).put("type", IF + type);
        entry.putObject("ingress").put("vni", vni);
    }

    private void macVrf(final ObjectNode instance, final EvpnSegment segment, final List<String> ports) {
        instance.put("name", SrlNames.macVrf(segment.vni()))
            .put("type", NI + "mac-vrf")
            .put("admin-state", ENABLE)
            .put("description", description(segment));
        final var members = new ArrayList<String>();
        ports.forEach(port -> members.add(SrlNames.subinterface(port, segment.vlan())));
        if (segment.vrf() != null) {
            members.add(SrlNames.subinterface(SrlNames.IRB_INTERFACE, segment.vlan()));
        }
        if (!members.isEmpty()) {
            final var interfaces = instance.putArray("interface");
            members.forEach(member -> interfaces.addObject().put("name", member));
        }
        evpn(instance, segment.vni(), segment.routeDistinguisher(), segment.importRouteTargets(),
            segment.exportRouteTargets(), "network " + description(segment));
    }

    private void ipVrf(final ObjectNode instance, final EvpnVrf vrf, final List<EvpnSegment> routed) {
        instance.put("name", SrlNames.ipVrf(vrf.vni()))
            .put("type", NI + "ip-vrf")
            .put("admin-state", ENABLE)
            .put("description", vrf.tenant() + "/" + vrf.vrf());
        final var gateways = routed.stream().filter(segment -> Objects.equals(segment.vrf(), vrf.vni())).toList();
        if (!gateways.isEmpty()) {
            final var interfaces = instance.putArray("interface");
            gateways.forEach(segment -> interfaces.addObject()
                .put("name", SrlNames.subinterface(SrlNames.IRB_INTERFACE, segment.vlan())));
        }
        evpn(instance, vrf.vni(), vrf.routeDistinguisher(), vrf.importRouteTargets(), vrf.exportRouteTargets(),
            "VRF " + vrf.tenant() + "/" + vrf.vrf());
    }

    private void evpn(final ObjectNode instance, final long vni, final String routeDistinguisher,
            final List<String> importTargets, final List<String> exportTargets, final String what) {
        final String vxlan = SrlNames.vxlanInterface(vni);
        instance.putArray("vxlan-interface").addObject().put("name", vxlan);
        final var protocols = instance.putObject("protocols");
        protocols.putObject("bgp-evpn").putArray("srl_nokia-bgp-evpn:bgp-instance").addObject()
            .put("id", BGP_INSTANCE)
            .put("admin-state", ENABLE)
            .put("vxlan-interface", vxlan)
            .put("evi", evi(routeDistinguisher));
        final var bgpVpn = protocols.putObject("srl_nokia-bgp-vpn:bgp-vpn").putArray("bgp-instance").addObject()
            .put("id", BGP_INSTANCE);
        bgpVpn.putObject("route-distinguisher").put("rd", routeDistinguisher);
        final var targets = bgpVpn.putObject("route-target");
        routeTarget(targets, "import", importTargets, what);
        routeTarget(targets, "export", exportTargets, what);
    }

    // bgp-vpn has one import and one export route target per instance; more need routing policies, which
    // OpenVNI does not render for SR Linux yet.
    private static void routeTarget(final ObjectNode targets, final String direction, final List<String> values,
            final String what) {
        if (values.size() > 1) {
            throw new IllegalArgumentException(what + " has " + values.size() + " " + direction + " route targets "
                + values + "; SR Linux's bgp-vpn takes one per instance");
        }
        if (!values.isEmpty()) {
            targets.put(direction + "-rt", "target:" + values.getFirst());
        }
    }

    private static long evi(final String routeDistinguisher) {
        return Long.parseLong(routeDistinguisher.substring(routeDistinguisher.lastIndexOf(':') + 1));
    }

    private static String description(final EvpnSegment segment) {
        return segment.tenant() + "/" + segment.network();
    }
}
