package io.openvni.core.validation;

import io.openvni.core.intent.Intent;
import io.openvni.core.intent.IntentPaths;
import io.openvni.core.intent.NumberRange;
import io.openvni.core.net.IpPrefix;
import io.openvni.core.render.Addresses;
import java.util.regex.Pattern;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Rules on the fabric's own leaves: pools, route-target ASN, anycast gateway MAC and timers.
 */
final class FabricRules {
    static final String L2_POOL = IntentPaths.FABRIC + "/vni-pools/l2";
    static final String L3_POOL = IntentPaths.FABRIC + "/vni-pools/l3";
    static final String VLAN_POOL = IntentPaths.FABRIC + "/vlan-pool";
    static final String VTEP_POOL = IntentPaths.FABRIC + "/vtep-pool";
    static final String ROUTE_TARGET_ASN = IntentPaths.FABRIC + "/route-target-asn";
    static final String ANYCAST_GATEWAY_MAC = IntentPaths.FABRIC + "/anycast-gateway-mac";
    static final String DRIFT_CHECK_INTERVAL = IntentPaths.FABRIC + "/drift-check-interval";

    static final long MAX_VNI = 16_777_215L;
    static final long MAX_VLAN = 4094;

    private static final Pattern MAC = Pattern.compile("[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}");
    private static final int MIN_DRIFT_CHECK_INTERVAL = 5;
    private static final int MAX_DRIFT_CHECK_INTERVAL = 86_400;

    private FabricRules() {
        // utility
    }

    static void check(final Intent intent, final ErrorSink sink) {
        final var fabric = intent.fabric();
        final boolean l2Ok = pool(sink, L2_POOL, "l2 VNI pool", fabric.l2VniPool(), MAX_VNI);
        final boolean l3Ok = pool(sink, L3_POOL, "l3 VNI pool", fabric.l3VniPool(), MAX_VNI);
        pool(sink, VLAN_POOL, "VLAN pool", fabric.vlanPool(), MAX_VLAN);
        if (l2Ok && l3Ok && fabric.l2VniPool().overlaps(fabric.l3VniPool())) {
            sink.add(L3_POOL, "the l3 VNI pool " + fabric.l3VniPool() + " overlaps the l2 VNI pool "
                + fabric.l2VniPool() + "; a VNI is used by one network or VRF only, so the pools must be disjoint");
        }
        vtepPool(sink, fabric.vtepPool());
        routeTargetAsn(intent, sink);
        anycastGatewayMac(sink, fabric.anycastGatewayMac());
        final int interval = fabric.driftCheckIntervalSeconds();
        if (interval < MIN_DRIFT_CHECK_INTERVAL || interval > MAX_DRIFT_CHECK_INTERVAL) {
            sink.add(DRIFT_CHECK_INTERVAL, "drift-check interval " + interval + " s is out of range "
                + MIN_DRIFT_CHECK_INTERVAL + ".." + MAX_DRIFT_CHECK_INTERVAL);
        }
    }

    /** Checks a pool; returns whether it is a well-formed range, so that overlap checks make sense. */
    private static boolean pool(final ErrorSink sink, final String path, final String name, final NumberRange pool,
            final long max) {
        boolean ok = true;
        if (pool.start() > pool.end()) {
            sink.add(path, "the " + name + " " + pool + " starts after it ends");
            ok = false;
        }
        if (pool.start() < 1 || pool.end() > max || pool.end() < 1 || pool.start() > max) {
            sink.add(path, "the " + name + " " + pool + " is not within 1.." + max);
            ok = false;
        }
        return ok;
    }

    private static void vtepPool(final ErrorSink sink, final @Nullable String text) {
        if (text == null) {
            return;
        }
        final IpPrefix prefix;
        try {
            prefix = IpPrefix.parse(text);
        } catch (IllegalArgumentException e) {
            sink.add(VTEP_POOL, "the vtep-pool is not an IPv4 prefix: " + e.getMessage());
            return;
        }
        if (!prefix.isIpv4()) {
            sink.add(VTEP_POOL, "the vtep-pool " + text + " is not an IPv4 prefix; VTEP addresses are IPv4");
        } else if (!prefix.network().equals(prefix)) {
            sink.add(VTEP_POOL, "the vtep-pool " + text + " has host bits set; its network address is "
                + Addresses.canonical(prefix.network()));
        }
    }

    private static void routeTargetAsn(final Intent intent, final ErrorSink sink) {
        final var asn = intent.fabric().routeTargetAsn();
        if (asn != null) {
            Checks.asn(sink, ROUTE_TARGET_ASN, asn);
            return;
        }
        final boolean needed = intent.tenants().stream()
            .anyMatch(tenant -> !tenant.networks().isEmpty() || !tenant.vrfs().isEmpty());
        if (needed) {
            sink.add(ROUTE_TARGET_ASN, "the route-target ASN is required once a tenant has a network or VRF: "
                + "their route targets are derived as ASN:VNI");
        }
    }

    private static void anycastGatewayMac(final ErrorSink sink, final String mac) {
        if (!MAC.matcher(mac).matches()) {
            sink.add(ANYCAST_GATEWAY_MAC, "'" + mac + "' is not a MAC address (xx:xx:xx:xx:xx:xx)");
        } else if ((Integer.parseInt(mac.substring(0, 2), 16) & 1) != 0) {
            sink.add(ANYCAST_GATEWAY_MAC, "'" + mac + "' is a multicast MAC address (the first octet is odd); "
                + "a gateway MAC must be unicast");
        } else if (mac.replace(":", "").chars().allMatch(c -> c == '0')) {
            sink.add(ANYCAST_GATEWAY_MAC, "'" + mac + "' is the all-zeros MAC address; a gateway MAC must be a "
                + "real unicast address");
        }
    }
}
