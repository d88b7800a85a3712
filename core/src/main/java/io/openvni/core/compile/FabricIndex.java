package io.openvni.core.compile;

import io.openvni.core.allocation.AllocationKind;
import io.openvni.core.allocation.Allocations;
import io.openvni.core.compile.BgpNeighbor.AddressFamily;
import io.openvni.core.compile.Platform.LeafPlatform;
import io.openvni.core.compile.Platform.NodePlatform;
import io.openvni.core.intent.Intent;
import io.openvni.core.intent.IntentPaths;
import io.openvni.core.intent.LeafSwitch;
import io.openvni.core.intent.Network;
import io.openvni.core.intent.NodeRouter;
import io.openvni.core.intent.Tenant;
import io.openvni.core.intent.Vrf;
import io.openvni.core.net.RouteTarget;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Validated intent and allocations, resolved and indexed for compiling one device at a time: every network and
 * VRF with its allocated values, every device with its VTEP, and which networks sit on which device.
 */
final class FabricIndex {
    private static final Comparator<ResolvedNetwork> BY_VNI = Comparator.comparingLong(ResolvedNetwork::vni);

    private final String anycastGatewayMac;
    private final Map<String, ResolvedDevice> devices;
    private final Map<String, ResolvedNetwork> networks;
    private final Map<String, ResolvedVrf> vrfs;
    private final Map<String, List<ResolvedNetwork>> networksByDevice;
    private final Map<DeviceRole, List<ResolvedNetwork>> networksOnAll;
    private final Map<String, List<ResolvedDevice>> nodesByLeaf;

    FabricIndex(final Intent intent, final Allocations allocations) {
        final var fabric = intent.fabric();
        anycastGatewayMac = fabric.anycastGatewayMac();
        final long rtAsn = fabric.routeTargetAsn() == null ? 0 : fabric.routeTargetAsn();

        devices = new TreeMap<>();
        for (var leaf : fabric.leafSwitches()) {
            devices.put(leaf.name(), resolveLeaf(leaf));
        }
        final var leafNames = fabric.leafSwitches().stream()
            .collect(HashMap<String, LeafSwitch>::new, (map, leaf) -> map.put(leaf.routerId(), leaf), Map::putAll);
        for (var node : fabric.nodeRouters()) {
            devices.put(node.name(), resolveNode(node, allocations, leafNames));
        }

        vrfs = new TreeMap<>();
        networks = new TreeMap<>();
        for (var tenant : intent.tenants()) {
            for (var vrf : tenant.vrfs()) {
                vrfs.put(IntentPaths.vrf(tenant.name(), vrf.name()), resolveVrf(tenant, vrf, allocations, rtAsn));
            }
            for (var network : tenant.networks()) {
                networks.put(IntentPaths.network(tenant.name(), network.name()),
                    resolveNetwork(tenant, network, allocations, rtAsn));
            }
        }

        networksByDevice = new HashMap<>();
        networksOnAll = new HashMap<>();
        for (var network : networks.values()) {
            place(network, DeviceRole.LEAF_SWITCH, network.leafSwitches());
            place(network, DeviceRole.NODE_ROUTER, network.nodeRouters());
        }
        nodesByLeaf = new HashMap<>();
        for (var device : devices.values()) {
            for (var leaf : device.attachedLeafSwitches()) {
                nodesByLeaf.computeIfAbsent(leaf, k -> new ArrayList<>()).add(device);
            }
        }
    }

    String anycastGatewayMac() {
        return anycastGatewayMac;
    }

    Map<String, ResolvedDevice> devices() {
        return devices;
    }

    Map<String, ResolvedNetwork> networks() {
        return networks;
    }

    Map<String, ResolvedVrf> vrfs() {
        return vrfs;
    }

    /** The networks placed on a device, sorted by VNI. */
    List<ResolvedNetwork> networksOn(final ResolvedDevice device) {
        return placedOn(device).sorted(BY_VNI).toList();
    }

    /** The networks placed on a device, in no particular order. */
    Stream<ResolvedNetwork> placedOn(final ResolvedDevice device) {
        final var all = networksOnAll.getOrDefault(device.role(), List.of());
        final var specific = networksByDevice.getOrDefault(device.name(), List.of());
        // a network sits in "all" or in the device's own list, never both
        return Stream.concat(all.stream(), specific.stream());
    }

    /** The node routers attached to a leaf switch. */
    List<ResolvedDevice> nodesAttachedTo(final String leaf) {
        return nodesByLeaf.getOrDefault(leaf, List.of());
    }

    /** Names of the devices of a role a network is placed on. */
    Stream<String> placement(final ResolvedNetwork network) {
        return devices.values().stream()
            .filter(device -> network.isOn(device.role(), device.name()))
            .map(ResolvedDevice::name);
    }

    private void place(final ResolvedNetwork network, final DeviceRole role, final Set<String> placement) {
        if (placement.isEmpty()) {
            networksOnAll.computeIfAbsent(role, k -> new ArrayList<>()).add(network);
        } else {
            for (var device : placement) {
                networksByDevice.computeIfAbsent(device, k -> new ArrayList<>()).add(network);
            }
        }
    }

    private static ResolvedDevice resolveLeaf(final LeafSwitch leaf) {
        return new ResolvedDevice(leaf.name(), DeviceRole.LEAF_SWITCH,
            new Underlay(leaf.asn(), leaf.routerId(), leaf.vtepAddress()),
            new LeafPlatform(leaf.dialect(), leaf.vtepSourceInterface(), leaf.accessInterfaces()), List.of(),
            List.of());
    }

    private static ResolvedDevice resolveNode(final NodeRouter node, final Allocations allocations,
            final Map<String, LeafSwitch> leavesByRouterId) {
        final String vtep = node.vtepAddress() != null ? node.vtepAddress()
            : allocations.get(AllocationKind.VTEP, IntentPaths.nodeRouter(node.name())).orElseThrow(
                () -> new IllegalStateException("no VTEP allocated for " + IntentPaths.nodeRouter(node.name())));
        final var peers = node.bgpPeers().stream()
            .map(peer -> {
                final var leaf = leavesByRouterId.get(peer.address());
                return new BgpNeighbor(peer.address(), peer.asn(), leaf != null ? leaf.name() : "bgp-peer",
                    Set.of(AddressFamily.IPV4_UNICAST, AddressFamily.L2VPN_EVPN));
            })
            .sorted(Comparator.comparing(BgpNeighbor::address))
            .toList();
        return new ResolvedDevice(node.name(), DeviceRole.NODE_ROUTER, new Underlay(node.asn(), node.routerId(), vtep),
            new NodePlatform(node.frr().netnsVrf(), node.frr().pathspace(), node.frr().grpcPort()), peers,
            node.attachedLeafSwitches().stream().sorted().toList());
    }

    private static ResolvedVrf resolveVrf(final Tenant tenant, final Vrf vrf, final Allocations allocations,
            final long rtAsn) {
        final String owner = IntentPaths.vrf(tenant.name(), vrf.name());
        final long vni = vrf.l3Vni() != null ? vrf.l3Vni() : required(allocations, AllocationKind.L3_VNI, owner);
        final String derived = RouteTarget.of(rtAsn, vni).toString();
        return new ResolvedVrf(tenant.name(), vrf.name(), vni,
            (int) required(allocations, AllocationKind.RD_INDEX, owner),
            withDerived(derived, vrf.importRouteTargets()), withDerived(derived, vrf.exportRouteTargets()));
    }

    private static ResolvedNetwork resolveNetwork(final Tenant tenant, final Network network,
            final Allocations allocations, final long rtAsn) {
        final String owner = IntentPaths.network(tenant.name(), network.name());
        final long vni = network.l2Vni() != null ? network.l2Vni()
            : required(allocations, AllocationKind.L2_VNI, owner);
        final int vlan = network.vlan() != null ? network.vlan()
            : (int) required(allocations, AllocationKind.VLAN, owner);
        Long vrfVni = null;
        if (network.vrf() != null) {
            final var vrf = tenant.vrf(network.vrf()).orElseThrow(() -> new IllegalStateException(
                owner + " names unknown VRF " + network.vrf()));
            vrfVni = vrf.l3Vni() != null ? vrf.l3Vni()
                : required(allocations, AllocationKind.L3_VNI, IntentPaths.vrf(tenant.name(), vrf.name()));
        }
        return new ResolvedNetwork(tenant.name(), network.name(), vni, vlan,
            (int) required(allocations, AllocationKind.RD_INDEX, owner), vrfVni, network.vrf(),
            List.of(RouteTarget.of(rtAsn, vni).toString()), network.gateways(), network.arpSuppression(),
            network.mtu(), Set.copyOf(network.nodeRouters()), Set.copyOf(network.leafSwitches()));
    }

    private static List<String> withDerived(final String derived, final List<String> extras) {
        final var all = new LinkedHashMap<String, Boolean>();
        all.put(derived, Boolean.TRUE);
        for (var extra : extras) {
            all.put(RouteTarget.parse(extra).toString(), Boolean.TRUE);
        }
        return List.copyOf(all.keySet());
    }

    private static long required(final Allocations allocations, final AllocationKind kind, final String owner) {
        return allocations.getNumber(kind, owner).orElseThrow(
            () -> new IllegalStateException("no " + kind.yangName() + " allocated for " + owner));
    }
}
