package io.openvni.core.compile;

import io.openvni.core.allocation.AllocationKind;
import io.openvni.core.allocation.AllocationProblem;
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
import org.eclipse.jdt.annotation.Nullable;

/**
 * Validated intent and allocations, resolved and indexed for compiling one device at a time: every network and
 * VRF with its allocated values, every device with its VTEP, and which networks sit on which device.
 *
 * <p>A network, VRF or node router left without a value (its persisted one could not be kept, see
 * {@link AllocationProblem}) is not resolved, and every device it would reach is held: it is not compiled, keeps
 * its previous configuration and reports why. Compiling it without the owner would remove the owner from it.
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
    private final List<AllocationProblem> problems;
    private final Map<String, HeldDevice> held = new TreeMap<>();

    FabricIndex(final Intent intent, final Allocations allocations) {
        this(intent, allocations, List.of());
    }

    FabricIndex(final Intent intent, final Allocations allocations, final List<AllocationProblem> problems) {
        this.problems = List.copyOf(problems);
        final var fabric = intent.fabric();
        anycastGatewayMac = fabric.anycastGatewayMac();
        final long rtAsn = fabric.routeTargetAsn() == null ? 0 : fabric.routeTargetAsn();
        final var missing = new Missing(allocations, problems);

        devices = new TreeMap<>();
        for (var leaf : fabric.leafSwitches()) {
            devices.put(leaf.name(), resolveLeaf(leaf));
        }
        final var leafNames = fabric.leafSwitches().stream()
            .collect(HashMap<String, LeafSwitch>::new, (map, leaf) -> map.put(leaf.routerId(), leaf), Map::putAll);
        for (var node : fabric.nodeRouters()) {
            try {
                devices.put(node.name(), resolveNode(node, missing, leafNames));
            } catch (Unallocated e) {
                hold(node.name(), DeviceRole.NODE_ROUTER, e.getMessage());
                // its leaf switches peer with its VTEP
                node.attachedLeafSwitches().forEach(leaf -> hold(leaf, DeviceRole.LEAF_SWITCH,
                    "attached node router " + node.name() + ": " + e.getMessage()));
            }
        }

        vrfs = new TreeMap<>();
        networks = new TreeMap<>();
        final var unresolvedVrfs = new HashMap<String, String>();
        for (var tenant : intent.tenants()) {
            for (var vrf : tenant.vrfs()) {
                final var path = IntentPaths.vrf(tenant.name(), vrf.name());
                try {
                    vrfs.put(path, resolveVrf(tenant, vrf, missing, rtAsn));
                } catch (Unallocated e) {
                    unresolvedVrfs.put(path, e.getMessage());
                }
            }
            for (var network : tenant.networks()) {
                final var path = IntentPaths.network(tenant.name(), network.name());
                final var vrfReason = network.vrf() == null ? null
                    : unresolvedVrfs.get(IntentPaths.vrf(tenant.name(), network.vrf()));
                try {
                    if (vrfReason != null) {
                        throw new Unallocated("its VRF " + vrfReason);
                    }
                    // the VRF resolved above, not Tenant.vrf(): a lookup by scanning grows with the tenant's square
                    final var vrf = network.vrf() == null ? null
                        : vrfs.get(IntentPaths.vrf(tenant.name(), network.vrf()));
                    networks.put(path, resolveNetwork(tenant, network, vrf, missing, rtAsn));
                } catch (Unallocated e) {
                    holdPlacement(network, path + ": " + e.getMessage());
                }
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

    /** Devices that are not compiled because something they carry has no value, by name. */
    Map<String, HeldDevice> held() {
        return held;
    }

    /** Persisted allocations that could not be kept. */
    List<AllocationProblem> problems() {
        return problems;
    }

    private void hold(final String device, final DeviceRole role, final String reason) {
        held.merge(device, new HeldDevice(device, role, List.of(reason)), HeldDevice::with);
    }

    /** Holds every device an unresolved network would be placed on. */
    private void holdPlacement(final Network network, final String reason) {
        for (var device : devices.values()) {
            final var placement = device.role() == DeviceRole.LEAF_SWITCH ? network.leafSwitches()
                : network.nodeRouters();
            if (placement.isEmpty() || placement.contains(device.name())) {
                hold(device.name(), device.role(), reason);
            }
        }
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

    private static ResolvedDevice resolveNode(final NodeRouter node, final Missing allocations,
            final Map<String, LeafSwitch> leavesByRouterId) throws Unallocated {
        final String vtep = node.vtepAddress() != null ? node.vtepAddress()
            : allocations.address(AllocationKind.VTEP, IntentPaths.nodeRouter(node.name()));
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

    private static ResolvedVrf resolveVrf(final Tenant tenant, final Vrf vrf, final Missing allocations,
            final long rtAsn) throws Unallocated {
        final String owner = IntentPaths.vrf(tenant.name(), vrf.name());
        final long vni = vrf.l3Vni() != null ? vrf.l3Vni() : allocations.number(AllocationKind.L3_VNI, owner);
        final String derived = RouteTarget.of(rtAsn, vni).toString();
        return new ResolvedVrf(tenant.name(), vrf.name(), vni,
            (int) allocations.number(AllocationKind.RD_INDEX, owner),
            withDerived(derived, vrf.importRouteTargets()), withDerived(derived, vrf.exportRouteTargets()));
    }

    private static ResolvedNetwork resolveNetwork(final Tenant tenant, final Network network,
            final @Nullable ResolvedVrf vrf, final Missing allocations, final long rtAsn) throws Unallocated {
        final String owner = IntentPaths.network(tenant.name(), network.name());
        final long vni = network.l2Vni() != null ? network.l2Vni()
            : allocations.number(AllocationKind.L2_VNI, owner);
        final int vlan = network.vlan() != null ? network.vlan()
            : (int) allocations.number(AllocationKind.VLAN, owner);
        Long vrfVni = null;
        if (network.vrf() != null) {
            if (vrf == null) {
                throw new IllegalStateException(owner + " names unknown VRF " + network.vrf());
            }
            vrfVni = vrf.vni();
        }
        return new ResolvedNetwork(tenant.name(), network.name(), vni, vlan,
            (int) allocations.number(AllocationKind.RD_INDEX, owner), vrfVni, network.vrf(),
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

    /** The allocations in force, and why an owner has none. */
    private record Missing(Allocations allocations, List<AllocationProblem> problems) {
        long number(final AllocationKind kind, final String owner) throws Unallocated {
            return Long.parseLong(address(kind, owner));
        }

        String address(final AllocationKind kind, final String owner) throws Unallocated {
            final var value = allocations.get(kind, owner);
            if (value.isPresent()) {
                return value.orElseThrow();
            }
            throw new Unallocated(problems.stream()
                .filter(problem -> problem.kind() == kind && problem.owner().equals(owner))
                .map(AllocationProblem::message)
                .findFirst()
                .orElse(owner + " has no " + kind.yangName() + " allocated"));
        }
    }

    /** An owner a device needs has no value. */
    private static final class Unallocated extends Exception {
        private static final long serialVersionUID = 1L;

        Unallocated(final String reason) {
            super(reason, null, false, false);
        }
    }
}
