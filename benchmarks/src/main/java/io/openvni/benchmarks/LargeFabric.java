package io.openvni.benchmarks;

import io.openvni.core.intent.BgpPeer;
import io.openvni.core.intent.Fabric;
import io.openvni.core.intent.FrrSettings;
import io.openvni.core.intent.Intent;
import io.openvni.core.intent.LeafSwitch;
import io.openvni.core.intent.NetconfAccess;
import io.openvni.core.intent.Network;
import io.openvni.core.intent.NodeRouter;
import io.openvni.core.intent.NumberRange;
import io.openvni.core.intent.Secret;
import io.openvni.core.intent.SshAccess;
import io.openvni.core.intent.Tenant;
import io.openvni.core.intent.Vrf;
import java.util.ArrayList;
import java.util.List;

/**
 * A generated data-center fabric: racks of leaf switches and node routers, tenants whose networks are each placed
 * on a few racks (as schedulers place workloads), every network routed by its tenant's VRF.
 */
final class LargeFabric {
    static final int LEAVES_PER_RACK = 2;
    static final int NODES_PER_RACK = 8;

    private LargeFabric() {
        // factory
    }

    /**
     * Builds the intent.
     *
     * @param devices number of devices (a multiple of the rack size, 10)
     * @param networks number of networks
     * @param networksPerTenant networks of each tenant
     * @param racksPerNetwork racks each network is placed on
     */
    static Intent build(final int devices, final int networks, final int networksPerTenant,
            final int racksPerNetwork) {
        final int racks = devices / (LEAVES_PER_RACK + NODES_PER_RACK);
        final var leaves = new ArrayList<LeafSwitch>();
        final var nodes = new ArrayList<NodeRouter>();
        for (int rack = 0; rack < racks; rack++) {
            for (int l = 0; l < LEAVES_PER_RACK; l++) {
                final int id = rack * LEAVES_PER_RACK + l;
                leaves.add(new LeafSwitch(leafName(rack, l), LeafSwitch.Dialect.OPENCONFIG,
                    new NetconfAccess("127.0.0.1", 17830 + id, "admin", null), 65000 + rack,
                    address(10, 0, id), address(10, 254, id), "Loopback1"));
            }
            for (int n = 0; n < NODES_PER_RACK; n++) {
                final int id = rack * NODES_PER_RACK + n;
                nodes.add(new NodeRouter("rack" + rack + "-node" + n,
                    new SshAccess("127.0.0.1", 22, "root", new Secret("bench"), null), FrrSettings.DEFAULT, 4_200_000_000L + id,
                    address(10, 1, id), address(10, 253, id), List.of(leafName(rack, 0), leafName(rack, 1)),
                    List.of(new BgpPeer(address(10, 0, rack * LEAVES_PER_RACK), 65000 + rack))));
            }
        }
        final var tenants = new ArrayList<Tenant>();
        for (int t = 0; t * networksPerTenant < networks; t++) {
            final var tenantNetworks = new ArrayList<Network>();
            for (int i = 0; i < networksPerTenant && t * networksPerTenant + i < networks; i++) {
                final int index = t * networksPerTenant + i;
                tenantNetworks.add(network(index, racks, racksPerNetwork));
            }
            tenants.add(new Tenant("tenant" + t, "", List.of(new Vrf("main", null, List.of(), List.of())),
                tenantNetworks));
        }
        final var fabric = new Fabric(65535L, Fabric.DEFAULT_ANYCAST_GATEWAY_MAC, new NumberRange(10000, 19999),
            new NumberRange(50000, 50999), new NumberRange(100, 3999), null, true, 60, leaves, nodes);
        return new Intent(fabric, tenants);
    }

    static Network network(final int index, final int racks, final int racksPerNetwork) {
        final var placedLeaves = new ArrayList<String>();
        final var placedNodes = new ArrayList<String>();
        for (int r = 0; r < racksPerNetwork; r++) {
            final int rack = (index * 7 + r) % racks;
            for (int l = 0; l < LEAVES_PER_RACK; l++) {
                placedLeaves.add(leafName(rack, l));
            }
            for (int n = 0; n < NODES_PER_RACK; n++) {
                placedNodes.add("rack" + rack + "-node" + n);
            }
        }
        final int second = index / 250;
        final int third = index % 250;
        return new Network("net" + index, null, null, "main",
            List.of("10." + (100 + second) + "." + third + ".0/24"),
            List.of("10." + (100 + second) + "." + third + ".1/24"), true, null, placedNodes, placedLeaves);
    }

    private static String leafName(final int rack, final int index) {
        return "rack" + rack + "-leaf" + index;
    }

    private static String address(final int first, final int second, final int id) {
        return first + "." + second + "." + (id / 250) + "." + (id % 250 + 1);
    }
}
