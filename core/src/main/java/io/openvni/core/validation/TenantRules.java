package io.openvni.core.validation;

import io.openvni.core.allocation.AllocationKind;
import io.openvni.core.allocation.Allocations;
import io.openvni.core.intent.Fabric;
import io.openvni.core.intent.Intent;
import io.openvni.core.intent.IntentPaths;
import io.openvni.core.intent.Network;
import io.openvni.core.intent.NumberRange;
import io.openvni.core.intent.Tenant;
import io.openvni.core.intent.Vrf;
import io.openvni.core.net.RouteTarget;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Rules on tenants, their VRFs and networks, except addressing: names, VNIs, VLANs, references, route targets
 * and MTUs.
 */
final class TenantRules {
    private static final long MAX_2_BYTE = 65_535;
    private static final int MIN_MTU = 576;
    private static final int MAX_MTU = 9216;

    private final Fabric fabric;
    private final Allocations allocations;
    private final ErrorSink sink;
    private final Set<String> nodeRouters;
    private final Set<String> leafSwitches;
    private final Reuse<Long> vnis = new Reuse<>();
    private final Reuse<Integer> vlans = new Reuse<>();

    private TenantRules(final Fabric fabric, final Allocations allocations, final ErrorSink sink) {
        this.fabric = fabric;
        this.allocations = allocations;
        this.sink = sink;
        nodeRouters = fabric.nodeRouters().stream().map(n -> n.name()).collect(Collectors.toSet());
        leafSwitches = fabric.leafSwitches().stream().map(l -> l.name()).collect(Collectors.toSet());
    }

    /**
     * Checks every tenant.
     *
     * @param allocations the allocations in force, to check route targets derived from allocated VNIs
     */
    static void check(final Intent intent, final Allocations allocations, final ErrorSink sink) {
        final var rules = new TenantRules(intent.fabric(), allocations, sink);
        final var names = new HashSet<String>();
        for (var tenant : intent.tenants()) {
            final var path = IntentPaths.tenant(tenant.name());
            Checks.name(sink, path + "/name", tenant.name());
            if (!names.add(tenant.name())) {
                sink.add(path, "tenant '" + tenant.name() + "' is defined more than once");
            }
            rules.tenant(tenant);
        }
        rules.vnis.report(sink, (vni, owner) -> "VNI " + vni + " is also used by " + owner
            + "; a VNI is used by one network or VRF in the whole fabric");
        rules.vlans.report(sink, (vlan, owner) -> "VLAN " + vlan + " is also used by " + owner
            + "; VLANs are fabric-wide, one per network");
    }

    private void tenant(final Tenant tenant) {
        final var vrfNames = new HashSet<String>();
        for (var vrf : tenant.vrfs()) {
            final var path = IntentPaths.vrf(tenant.name(), vrf.name());
            Checks.name(sink, path + "/name", vrf.name());
            if (!vrfNames.add(vrf.name())) {
                sink.add(path, "VRF '" + vrf.name() + "' is defined more than once in tenant '" + tenant.name()
                    + "'");
            }
            vrf(path, vrf);
        }
        final var networkNames = new HashSet<String>();
        for (var network : tenant.networks()) {
            final var path = IntentPaths.network(tenant.name(), network.name());
            Checks.name(sink, path + "/name", network.name());
            if (!networkNames.add(network.name())) {
                sink.add(path, "network '" + network.name() + "' is defined more than once in tenant '"
                    + tenant.name() + "'");
            }
            network(tenant, path, network, vrfNames);
        }
    }

    private void vrf(final String path, final Vrf vrf) {
        final var vni = vrf.l3Vni();
        if (vni != null) {
            explicitVni(path + "/l3-vni", path, "l3", vni, fabric.l3VniPool());
        }
        derivedRouteTarget(path, "l3", vni, AllocationKind.L3_VNI);
        routeTargets(path + "/import-route-target", vrf.importRouteTargets());
        routeTargets(path + "/export-route-target", vrf.exportRouteTargets());
    }

    private void network(final Tenant tenant, final String path, final Network network, final Set<String> vrfs) {
        final var vni = network.l2Vni();
        if (vni != null) {
            explicitVni(path + "/l2-vni", path, "l2", vni, fabric.l2VniPool());
        }
        derivedRouteTarget(path, "l2", vni, AllocationKind.L2_VNI);

        final var vlan = network.vlan();
        if (vlan != null) {
            final var pool = fabric.vlanPool();
            if (vlan < 1 || vlan > FabricRules.MAX_VLAN) {
                sink.add(path + "/vlan", "VLAN " + vlan + " is out of range 1.." + FabricRules.MAX_VLAN);
            } else if (!pool.contains(vlan)) {
                sink.add(path + "/vlan", "VLAN " + vlan + " is outside the VLAN pool " + pool);
            }
            vlans.add(vlan, path + "/vlan", path);
        }

        final var vrf = network.vrf();
        if (vrf != null && !vrfs.contains(vrf)) {
            sink.add(path + "/vrf", "names VRF '" + vrf + "', which tenant '" + tenant.name() + "' does not have");
        }
        placement(path + "/node-routers", network.nodeRouters(), nodeRouters, "node router");
        placement(path + "/leaf-switches", network.leafSwitches(), leafSwitches, "leaf switch");

        final var mtu = network.mtu();
        if (mtu != null && (mtu < MIN_MTU || mtu > MAX_MTU)) {
            sink.add(path + "/mtu", "MTU " + mtu + " is out of range " + MIN_MTU + ".." + MAX_MTU);
        }
    }

    private void explicitVni(final String path, final String owner, final String kind, final long vni,
            final NumberRange pool) {
        if (vni < 1 || vni > FabricRules.MAX_VNI) {
            sink.add(path, kind + " VNI " + vni + " is out of range 1.." + FabricRules.MAX_VNI);
        } else if (!pool.contains(vni)) {
            sink.add(path, kind + " VNI " + vni + " is outside the " + kind + " VNI pool " + pool);
        }
        vnis.add(vni, path, owner);
    }

    /**
     * Checks that ASN:VNI is a valid route target: with a 4-byte ASN only 2 bytes are left for the VNI. An explicit
     * VNI is reported on its leaf; an allocated one on the ASN, since the operator did not choose the VNI.
     */
    private void derivedRouteTarget(final String owner, final String kind, final @Nullable Long explicitVni,
            final AllocationKind allocationKind) {
        final var asn = fabric.routeTargetAsn();
        if (asn == null || asn <= MAX_2_BYTE || asn > Checks.MAX_ASN) {
            return;
        }
        if (explicitVni != null) {
            if (explicitVni > MAX_2_BYTE) {
                sink.add(owner + "/" + kind + "-vni", kind + " VNI " + explicitVni
                    + " cannot be the number of the derived route target " + asn + ":" + explicitVni
                    + "; with the 4-byte route-target ASN " + asn + " a VNI must be at most " + MAX_2_BYTE);
            }
            return;
        }
        allocations.getNumber(allocationKind, owner)
            .filter(vni -> vni > MAX_2_BYTE)
            .ifPresent(vni -> sink.add(FabricRules.ROUTE_TARGET_ASN, "the 4-byte route-target ASN " + asn
                + " cannot derive a route target for the " + kind + " VNI " + vni + " allocated to " + owner
                + "; a VNI must then be at most " + MAX_2_BYTE + ", so use a 2-byte ASN or a pool within 1.."
                + MAX_2_BYTE));
    }

    private void routeTargets(final String path, final List<String> routeTargets) {
        for (var text : routeTargets) {
            try {
                RouteTarget.parse(text);
            } catch (IllegalArgumentException e) {
                sink.add(path, e.getMessage());
            }
        }
    }

    private void placement(final String path, final List<String> names, final Set<String> known,
            final String what) {
        for (var name : names) {
            if (!known.contains(name)) {
                sink.add(path, "names " + what + " '" + name + "', which is not in the fabric");
            }
        }
    }
}
