package io.openvni.core.validation;

import io.openvni.core.intent.Intent;
import io.openvni.core.intent.IntentPaths;
import io.openvni.core.intent.Network;
import io.openvni.core.intent.Tenant;
import io.openvni.core.intent.Vrf;
import io.openvni.core.net.IpPrefix;
import io.openvni.core.render.Addresses;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Rules on subnets and anycast gateways. Subnets of networks routed by the same VRF share one routing table and
 * must not overlap; a pure L2 network only needs its own subnets disjoint.
 */
final class AddressingRules {
    /** A well-formed subnet of a network, as its network prefix and address interval. */
    private record Subnet(String network, IpPrefix prefix, boolean ipv6, BigInteger first, BigInteger last) {
        static final Comparator<Subnet> ORDER = Comparator.comparing(Subnet::ipv6)
            .thenComparing(Subnet::first)
            .thenComparing(Subnet::last, Comparator.reverseOrder())
            .thenComparing(Subnet::network);

        static Subnet of(final String network, final IpPrefix prefix) {
            final var first = new BigInteger(1, prefix.address().getAddress());
            final int hostBits = prefix.address().getAddress().length * 8 - prefix.length();
            final var last = first.add(BigInteger.ONE.shiftLeft(hostBits)).subtract(BigInteger.ONE);
            return new Subnet(network, prefix, !prefix.isIpv4(), first, last);
        }
    }

    private AddressingRules() {
        // utility
    }

    static void check(final Intent intent, final ErrorSink sink) {
        intent.tenants().forEach(tenant -> tenant(tenant, sink));
    }

    private static void tenant(final Tenant tenant, final ErrorSink sink) {
        // VRF name -> subnets of its networks; pure L2 networks (or ones naming an unknown VRF) stand alone.
        final var byVrf = new HashMap<String, List<Subnet>>();
        // a set, not Tenant.vrf() per network: a tenant of thousands of networks and VRFs stays linear
        final var vrfNames = tenant.vrfs().stream().map(Vrf::name).collect(Collectors.toSet());
        for (var network : tenant.networks()) {
            final var path = IntentPaths.network(tenant.name(), network.name());
            final var subnets = subnets(path, network, sink);
            gateways(path, network, subnets, sink);
            final var vrf = network.vrf();
            if (vrf != null && vrfNames.contains(vrf)) {
                byVrf.computeIfAbsent(vrf, k -> new ArrayList<>()).addAll(subnets);
            } else {
                overlaps(subnets, null, sink);
            }
        }
        byVrf.forEach((vrf, subnets) -> overlaps(subnets, vrf, sink));
    }

    private static List<Subnet> subnets(final String path, final Network network, final ErrorSink sink) {
        final var subnets = new ArrayList<Subnet>();
        for (var text : network.subnets()) {
            final IpPrefix prefix;
            try {
                prefix = IpPrefix.parse(text);
            } catch (IllegalArgumentException e) {
                sink.add(path + "/subnet", "subnet is not a prefix: " + e.getMessage());
                continue;
            }
            final var normalized = prefix.network();
            if (!normalized.equals(prefix)) {
                sink.add(path + "/subnet", "subnet " + text + " has host bits set; its network address is "
                    + Addresses.canonical(normalized));
            }
            subnets.add(Subnet.of(path, normalized));
        }
        return subnets;
    }

    /**
     * Reports subnets overlapping an earlier one. Prefixes are nested or disjoint, so after sorting by first
     * address (longer prefixes first) a subnet overlaps an earlier one exactly when it starts before the furthest
     * end seen so far, and then lies inside the subnet with that end.
     */
    private static void overlaps(final List<Subnet> subnets, final @Nullable String vrf, final ErrorSink sink) {
        final var sorted = new ArrayList<>(subnets);
        sorted.sort(Subnet.ORDER);
        Subnet cover = null;
        for (var subnet : sorted) {
            if (cover != null && cover.ipv6() == subnet.ipv6() && subnet.first().compareTo(cover.last()) <= 0) {
                final var where = subnet.network().equals(cover.network()) ? " of the same network"
                    : " of " + cover.network() + ", routed by the same VRF '" + vrf + "'";
                sink.add(subnet.network() + "/subnet", "subnet " + Addresses.canonical(subnet.prefix())
                    + " overlaps subnet " + Addresses.canonical(cover.prefix()) + where);
            } else {
                cover = subnet;
            }
        }
    }

    private static void gateways(final String path, final Network network, final List<Subnet> subnets,
            final ErrorSink sink) {
        if (network.gateways().isEmpty()) {
            return;
        }
        if (network.vrf() == null) {
            sink.add(path + "/gateway", "the network has no VRF; an anycast gateway needs a VRF to route");
        }
        for (var text : network.gateways()) {
            final IpPrefix gateway;
            try {
                gateway = IpPrefix.parse(text);
            } catch (IllegalArgumentException e) {
                sink.add(path + "/gateway", "gateway is not an address with prefix length: " + e.getMessage());
                continue;
            }
            // The longest subnet containing the address: the one the gateway's interface route is for.
            final var subnet = subnets.stream()
                .filter(s -> s.prefix().contains(gateway.address()))
                .max(Comparator.comparingInt(s -> s.prefix().length()));
            if (subnet.isEmpty()) {
                sink.add(path + "/gateway", "gateway " + text + " is not inside any subnet of the network");
                continue;
            }
            final var prefix = subnet.orElseThrow().prefix();
            final var subnetText = Addresses.canonical(prefix);
            if (gateway.length() != prefix.length()) {
                sink.add(path + "/gateway", "gateway " + text + " has prefix length " + gateway.length()
                    + " but its subnet " + subnetText + " has " + prefix.length());
            }
            final var inSubnet = new IpPrefix(gateway.address(), prefix.length());
            if (inSubnet.isNetworkAddress()) {
                sink.add(path + "/gateway", "gateway " + text + " is the network address of subnet " + subnetText);
            } else if (inSubnet.isBroadcastAddress()) {
                sink.add(path + "/gateway", "gateway " + text + " is the broadcast address of subnet "
                    + subnetText);
            }
        }
    }
}
