package io.openvni.core.testing;

import io.openvni.core.allocation.AllocationOutcome;
import io.openvni.core.allocation.Allocations;
import io.openvni.core.allocation.Allocator;
import io.openvni.core.intent.BgpPeer;
import io.openvni.core.intent.Fabric;
import io.openvni.core.intent.Intent;
import io.openvni.core.intent.Network;
import io.openvni.core.intent.NodeRouter;
import io.openvni.core.intent.Tenant;
import io.openvni.core.intent.Vrf;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A valid sample intent and builders to derive variants of it in tests.
 *
 * <p>The sample fabric has leaf switches {@code leaf1} (router ID 10.0.0.1, VTEP 10.255.0.1) and {@code leaf2}
 * (10.0.0.2, 10.255.0.2), node routers {@code n1} (10.0.1.1, attached to leaf1) and {@code n2} (10.0.1.2,
 * attached to leaf2) without VTEP addresses, vtep-pool 10.255.0.0/24, route-target ASN 65000 and default pools.
 * Tenant {@code acme} has VRF {@code red} and networks {@code web} (10.1.0.0/24, gateway 10.1.0.1/24) and
 * {@code db} (10.2.0.0/24, gateway 10.2.0.1/24), both routed by red, everything else allocated. Allocated from
 * nothing: db l2-vni 10000 / vlan 100 / rd-index 10000, red l3-vni 50000 / rd-index 10001, web l2-vni 10001 /
 * vlan 101 / rd-index 10002, n1 vtep 10.255.0.3, n2 vtep 10.255.0.4.
 */
public final class IntentFixtures {
    public static final String ACME = "acme";
    public static final String RED = "red";
    public static final String WEB = "web";
    public static final String DB = "db";
    public static final String LEAF1 = "leaf1";
    public static final String LEAF2 = "leaf2";
    public static final String N1 = "n1";
    public static final String N2 = "n2";
    public static final String VTEP_POOL = "10.255.0.0/24";
    public static final long ROUTE_TARGET_ASN = 65000;

    private static final int SCALE_VRFS_PER_TENANT = 5;

    private IntentFixtures() {
        // factories only
    }

    /** The sample intent: the sample fabric and tenant acme. */
    public static Intent sample() {
        return new Intent(fabric(), List.of(acme()));
    }

    /** What {@link Allocator} gives the sample intent from nothing (see the class documentation). */
    public static Allocations sampleAllocations() {
        if (Allocator.allocate(sample(), Allocations.EMPTY) instanceof AllocationOutcome.Allocated allocated) {
            return allocated.allocations();
        }
        throw new IllegalStateException("the sample intent does not allocate");
    }

    public static Fabric fabric() {
        return fabricBuilder().build();
    }

    public static FabricBuilder fabricBuilder() {
        return FabricBuilder.from(Fabric.EMPTY)
            .routeTargetAsn(ROUTE_TARGET_ASN)
            .vtepPool(VTEP_POOL)
            .leafSwitches(List.of(
                leaf(LEAF1).netconfHost("192.0.2.1").asn(65001).routerId("10.0.0.1").vtepAddress("10.255.0.1")
                    .build(),
                leaf(LEAF2).netconfHost("192.0.2.2").asn(65002).routerId("10.0.0.2").vtepAddress("10.255.0.2")
                    .build()))
            .nodeRouters(List.of(
                node(N1).sshHost("192.0.2.11").asn(65101).routerId("10.0.1.1").attachedLeafSwitches(LEAF1)
                    .bgpPeers(new BgpPeer("192.168.1.0", 65001)).build(),
                node(N2).sshHost("192.0.2.12").asn(65102).routerId("10.0.1.2").attachedLeafSwitches(LEAF2)
                    .bgpPeers(new BgpPeer("192.168.2.0", 65002)).build()));
    }

    public static Tenant acme() {
        return tenant(ACME, List.of(vrf(RED).build()), List.of(
            network(WEB).vrf(RED).subnets("10.1.0.0/24").gateways("10.1.0.1/24").build(),
            network(DB).vrf(RED).subnets("10.2.0.0/24").gateways("10.2.0.1/24").build()));
    }

    /**
     * A large valid intent: {@code tenants} tenants tenant0.. with 5 VRFs vrf0..vrf4 and {@code networksPerTenant}
     * routed networks net0.. each (10.t.n.0/24), leaf1 and leaf2 (VTEPs 10.128.0.1 and .2) and {@code nodes} node
     * routers node0.. without VTEP address, allocated from vtep-pool 10.128.0.0/16.
     */
    public static Intent scale(final int tenants, final int networksPerTenant, final int nodes) {
        final var tenantList = new ArrayList<Tenant>();
        for (int t = 0; t < tenants; t++) {
            final var vrfs = new ArrayList<Vrf>();
            for (int v = 0; v < SCALE_VRFS_PER_TENANT; v++) {
                vrfs.add(vrf("vrf" + v).build());
            }
            final var networks = new ArrayList<Network>();
            for (int n = 0; n < networksPerTenant; n++) {
                networks.add(network("net" + n).vrf("vrf" + n % SCALE_VRFS_PER_TENANT)
                    .subnets("10." + t + "." + n + ".0/24").gateways("10." + t + "." + n + ".1/24").build());
            }
            tenantList.add(tenant("tenant" + t, vrfs, networks));
        }
        final var leaves = List.of(
            leaf(LEAF1).routerId("10.0.0.1").vtepAddress("10.128.0.1").build(),
            leaf(LEAF2).routerId("10.0.0.2").vtepAddress("10.128.0.2").build());
        final var nodeList = new ArrayList<NodeRouter>();
        for (int i = 0; i < nodes; i++) {
            nodeList.add(node("node" + i).routerId("10.1." + i / 250 + "." + (i % 250 + 1))
                .attachedLeafSwitches(i % 2 == 0 ? LEAF1 : LEAF2).build());
        }
        return new Intent(fabricBuilder().vtepPool("10.128.0.0/16").leafSwitches(leaves).nodeRouters(nodeList)
            .build(), tenantList);
    }

    public static Tenant tenant(final String name, final List<Vrf> vrfs, final List<Network> networks) {
        return new Tenant(name, "", vrfs, networks);
    }

    public static LeafBuilder leaf(final String name) {
        return new LeafBuilder(name);
    }

    public static NodeBuilder node(final String name) {
        return new NodeBuilder(name);
    }

    public static NetworkBuilder network(final String name) {
        return new NetworkBuilder(name);
    }

    public static VrfBuilder vrf(final String name) {
        return new VrfBuilder(name);
    }

    /** The intent with its fabric changed. */
    public static Intent withFabric(final Intent intent, final UnaryOperator<FabricBuilder> change) {
        return intent.withFabric(change.apply(FabricBuilder.from(intent.fabric())).build());
    }

    /** The intent with one leaf switch changed. */
    public static Intent withLeaf(final Intent intent, final String name, final UnaryOperator<LeafBuilder> change) {
        final var fabric = intent.fabric();
        return intent.withFabric(fabric.withDevices(fabric.leafSwitches().stream()
            .map(l -> l.name().equals(name) ? change.apply(LeafBuilder.from(l)).build() : l).toList(),
            fabric.nodeRouters()));
    }

    /** The intent with one node router changed. */
    public static Intent withNode(final Intent intent, final String name, final UnaryOperator<NodeBuilder> change) {
        final var fabric = intent.fabric();
        return intent.withFabric(fabric.withDevices(fabric.leafSwitches(), fabric.nodeRouters().stream()
            .map(n -> n.name().equals(name) ? change.apply(NodeBuilder.from(n)).build() : n).toList()));
    }

    /** The intent with one network of a tenant changed. */
    public static Intent withNetwork(final Intent intent, final String tenant, final String network,
            final UnaryOperator<NetworkBuilder> change) {
        return withTenant(intent, tenant, t -> new Tenant(t.name(), t.description(), t.vrfs(), t.networks().stream()
            .map(n -> n.name().equals(network) ? change.apply(NetworkBuilder.from(n)).build() : n).toList()));
    }

    /** The intent with one VRF of a tenant changed. */
    public static Intent withVrf(final Intent intent, final String tenant, final String vrf,
            final UnaryOperator<VrfBuilder> change) {
        return withTenant(intent, tenant, t -> new Tenant(t.name(), t.description(), t.vrfs().stream()
            .map(v -> v.name().equals(vrf) ? change.apply(VrfBuilder.from(v)).build() : v).toList(), t.networks()));
    }

    /** The intent with a network added to a tenant. */
    public static Intent addNetwork(final Intent intent, final String tenant, final Network network) {
        return withTenant(intent, tenant, t -> new Tenant(t.name(), t.description(), t.vrfs(),
            concat(t.networks(), network)));
    }

    /** The intent with a VRF added to a tenant. */
    public static Intent addVrf(final Intent intent, final String tenant, final Vrf vrf) {
        return withTenant(intent, tenant, t -> new Tenant(t.name(), t.description(), concat(t.vrfs(), vrf),
            t.networks()));
    }

    /** The intent with a network removed from a tenant. */
    public static Intent removeNetwork(final Intent intent, final String tenant, final String network) {
        return withTenant(intent, tenant, t -> new Tenant(t.name(), t.description(), t.vrfs(),
            t.networks().stream().filter(n -> !n.name().equals(network)).toList()));
    }

    /** The intent with a tenant added. */
    public static Intent addTenant(final Intent intent, final Tenant tenant) {
        return intent.withTenants(concat(intent.tenants(), tenant));
    }

    private static Intent withTenant(final Intent intent, final String name, final UnaryOperator<Tenant> change) {
        return intent.withTenants(intent.tenants().stream()
            .map(t -> t.name().equals(name) ? change.apply(t) : t).toList());
    }

    private static <T> List<T> concat(final List<T> list, final T item) {
        final var result = new ArrayList<>(list);
        result.add(item);
        return result;
    }

    /** The intent with every list reversed: results must not depend on input order. */
    public static Intent reverse(final Intent intent) {
        final var fabric = intent.fabric();
        final var tenants = new ArrayList<Tenant>();
        for (var tenant : intent.tenants()) {
            tenants.add(new Tenant(tenant.name(), tenant.description(), reversed(tenant.vrfs()),
                reversed(tenant.networks())));
        }
        return new Intent(fabric.withDevices(reversed(fabric.leafSwitches()), reversed(fabric.nodeRouters())),
            reversed(tenants));
    }

    private static <T> List<T> reversed(final List<T> list) {
        final var copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
