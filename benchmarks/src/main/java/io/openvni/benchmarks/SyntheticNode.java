package io.openvni.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvni.core.compile.BgpNeighbor;
import io.openvni.core.compile.BgpNeighbor.AddressFamily;
import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.compile.DeviceRole;
import io.openvni.core.compile.EvpnSegment;
import io.openvni.core.compile.EvpnVrf;
import io.openvni.core.compile.Platform.NodePlatform;
import io.openvni.core.compile.Underlay;
import io.openvni.core.render.frr.FrrRenderer;
import io.openvni.core.render.frr.KernelDevice;
import io.openvni.core.render.frr.KernelPlanner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A node router carrying a given number of networks, and what reading it would return once it runs exactly its
 * intent: {@code show running-config}, {@code ip -j -d addr show} of its namespaces (devices copied from real
 * iproute2 6.1 output, {@code iproute2-devices.json}) and zebra's VNI and interface lists. Seven networks in eight
 * are routed, spread over one VRF per eight networks (at most 500, netns VRFs); the eighth is pure L2.
 */
final class SyntheticNode {
    static final String ROUTER_ID = "10.0.2.1";
    static final String VTEP = "10.0.3.1";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNode TEMPLATES = templates();
    private static final Set<AddressFamily> EVPN_IPV4 = Set.of(AddressFamily.L2VPN_EVPN, AddressFamily.IPV4_UNICAST);

    final DeviceIntent intent;
    final String runningConfig;
    final Map<String, String> devicesByNamespace;
    final String rootDevices;
    final String evpnVnis;
    final String interfaces;

    private SyntheticNode(final DeviceIntent intent) {
        this.intent = intent;
        final var config = new FrrRenderer().render(intent);
        runningConfig = "Building configuration...\n\nCurrent configuration:\n!\nfrr version 8.4.4\n"
            + "frr defaults traditional\nhostname node1\nlog syslog informational\nno ip forwarding\n"
            + "no ipv6 forwarding\n" + config.text() + "end\n";
        final var root = MAPPER.createArrayNode();
        root.add(loopback());
        final var perNs = new LinkedHashMap<String, ArrayNode>();
        final var vnis = MAPPER.createObjectNode();
        final var zebraInterfaces = MAPPER.createObjectNode();
        int ifindex = 2;
        for (var device : new KernelPlanner().plan(intent).devices()) {
            final String ns = device.spec().get("netns");
            final var target = ns == null ? root : perNs.computeIfAbsent(ns, key -> MAPPER.createArrayNode());
            switch (device.kind()) {
                case NETNS_VRF -> perNs.computeIfAbsent(device.name(), key -> MAPPER.createArrayNode())
                    .add(loopback());
                case BRIDGE -> {
                    target.add(bridge(device, ifindex));
                    final var seen = zebraInterfaces.putObject(device.name());
                    seen.put("status", "up").put("vrfName", ns == null ? "default" : ns);
                    final var addresses = seen.putArray("addresses");
                    if (device.spec().containsKey("address")) {
                        addresses.add(device.spec().get("address"));
                    }
                }
                case VXLAN -> {
                    target.add(vxlan(device, ifindex, ns != null));
                    final long vni = Long.parseLong(device.spec().get("id"));
                    vnis.putObject(Long.toString(vni)).put("vni", vni)
                        .put("type", "true".equals(device.spec().get("l3vni")) ? "L3" : "L2")
                        .put("vxlanIf", device.name()).put("numMacs", 0).put("numArpNd", 0)
                        .put("numRemoteVteps", 0).put("tenantVrf", ns == null ? "default" : ns);
                }
                case VETH -> {
                    target.add(veth(TEMPLATES.get("bridge-veth"), device.name(), device.spec().get("master"),
                        ifindex, ns != null));
                    root.add(veth(TEMPLATES.get("workload-veth"), device.spec().get("peer"), null, ++ifindex,
                        ns != null));
                }
                default -> {
                    // the VTEP address is on the loopback already; kernel VRF devices are not planned here
                }
            }
            ifindex++;
        }
        rootDevices = root.toString();
        final var byNs = new LinkedHashMap<String, String>();
        perNs.forEach((ns, devices) -> byNs.put(ns, devices.toString()));
        devicesByNamespace = Map.copyOf(byNs);
        evpnVnis = vnis.toPrettyString();
        interfaces = zebraInterfaces.toPrettyString();
    }

    /** A node with {@code networks} networks that runs exactly its intent. */
    static SyntheticNode inSync(final int networks) {
        return new SyntheticNode(intent(networks));
    }

    /** The intent of a node with {@code networks} networks. */
    static DeviceIntent intent(final int networks) {
        final int vrfCount = networks == 0 ? 0 : Math.min(500, Math.max(1, networks / 8));
        final var vrfs = new ArrayList<EvpnVrf>();
        for (int v = 0; v < vrfCount; v++) {
            final long vni = 50_000 + v;
            vrfs.add(new EvpnVrf("t" + v, "vrf" + v, vni, ROUTER_ID + ":" + (10_000 + v),
                List.of("65000:" + vni, "65000:1"), List.of("65000:" + vni)));
        }
        final var segments = new ArrayList<EvpnSegment>();
        for (int i = 0; i < networks; i++) {
            final long vni = 100_000 + i;
            final var rt = List.of("65000:" + vni);
            final boolean routed = i % 8 != 7;
            segments.add(new EvpnSegment("t", "n" + i, vni, i % 4000 + 1, ROUTER_ID + ":" + (11_000 + i), rt, rt,
                true, routed ? vrfs.get(i % vrfCount).vni() : null,
                routed ? List.of("10." + (1 + i / 250) + "." + i % 250 + ".1/24") : List.of(), null));
        }
        return new DeviceIntent("node1", DeviceRole.NODE_ROUTER, new Underlay(65201, ROUTER_ID, VTEP),
            new NodePlatform(true, null), "00:00:5e:00:01:01", segments, vrfs,
            List.of(new BgpNeighbor("10.0.0.11", 65101, "leaf1", EVPN_IPV4),
                new BgpNeighbor("10.0.0.12", 65102, "leaf2", EVPN_IPV4)));
    }

    /** The namespaces (netns VRFs) of the node. */
    Set<String> namespaces() {
        return new TreeSet<>(devicesByNamespace.keySet());
    }

    /** Characters the node's read returns, roughly what goes over SSH. */
    long readSize() {
        return runningConfig.length() + rootDevices.length() + evpnVnis.length() + interfaces.length()
            + devicesByNamespace.values().stream().mapToLong(String::length).sum();
    }

    private static ObjectNode loopback() {
        final var lo = (ObjectNode) TEMPLATES.get("loopback").deepCopy();
        return lo;
    }

    private static ObjectNode bridge(final KernelDevice device, final int ifindex) {
        final var node = named(TEMPLATES.get("bridge"), device.name(), ifindex);
        final var spec = device.spec();
        if (spec.containsKey("mac")) {
            node.put("address", spec.get("mac"));
        }
        final var addresses = node.putArray("addr_info");
        if (spec.containsKey("address")) {
            final String[] prefix = spec.get("address").split("/");
            addresses.addObject().put("family", "inet").put("local", prefix[0]).put("prefixlen",
                Integer.parseInt(prefix[1])).put("scope", "global").put("label", device.name());
        }
        addresses.addObject().put("family", "inet6").put("local", "fe80::200:5eff:fe00:101").put("prefixlen", 64)
            .put("scope", "link");
        return node;
    }

    private static ObjectNode vxlan(final KernelDevice device, final int ifindex, final boolean moved) {
        final var node = named(TEMPLATES.get("vxlan"), device.name(), ifindex);
        node.put("master", device.spec().get("master"));
        if (!moved) {
            node.remove("link_netnsid");
        }
        final var data = (ObjectNode) node.path("linkinfo").path("info_data");
        data.put("id", Long.parseLong(device.spec().get("id"))).put("local", VTEP);
        ((ObjectNode) node.path("linkinfo").path("info_slave_data")).put("neigh_suppress",
            "on".equals(device.spec().get("neigh_suppress")));
        return node;
    }

    private static ObjectNode veth(final JsonNode template, final String name, final String master,
            final int ifindex, final boolean peerElsewhere) {
        final var node = named(template, name, ifindex);
        if (master == null) {
            node.remove("master");
        } else {
            node.put("master", master);
        }
        if (!peerElsewhere) {
            node.remove("link_netnsid");
        }
        return node;
    }

    private static ObjectNode named(final JsonNode template, final String name, final int ifindex) {
        final var node = (ObjectNode) template.deepCopy();
        node.put("ifindex", ifindex).put("ifname", name);
        return node;
    }

    private static JsonNode templates() {
        try (InputStream in = SyntheticNode.class.getResourceAsStream("iproute2-devices.json")) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
