package io.openvni.core.render.frr;

import io.openvni.core.compile.BgpNeighbor;
import io.openvni.core.compile.BgpNeighbor.AddressFamily;
import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.compile.EvpnSegment;
import io.openvni.core.compile.Platform.NodePlatform;
import io.openvni.core.net.IpPrefix;
import io.openvni.core.render.Addresses;
import io.openvni.core.render.frr.FrrStanza.EvpnVni;
import io.openvni.core.render.frr.FrrStanza.Neighbor;
import io.openvni.core.render.frr.FrrStanza.RouterBgp;
import io.openvni.core.render.frr.FrrStanza.RouterBgpVrf;
import io.openvni.core.render.frr.FrrStanza.Vrf;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Renders the FRR configuration of a node router. The output follows FRR 8.4's print order wherever FRR has one, so
 * that the text of a fresh load equals the running configuration:
 * <ul>
 *   <li>{@code vrf} stanzas sorted by VRF name (zebra keeps VRFs in a tree by name), and the VRF BGP instances in
 *       the same order (bgpd prints instances in creation order, which is this order on a fresh load);</li>
 *   <li>neighbors by address, IPv4 before IPv6 (bgpd compares socket addresses);</li>
 *   <li>route targets as sorted strings, duplicates dropped (bgpd keeps them in a list ordered by their text).</li>
 * </ul>
 * L2 VNIs are printed in hash order by bgpd, so no order matches it; they are rendered by VNI and a comparison with
 * a running configuration must ignore the order of {@code vni} blocks.
 */
public final class FrrRenderer {
    /**
     * Renders a node router's intent.
     *
     * @throws IllegalArgumentException if the device is not a node router
     */
    public FrrConfig render(final DeviceIntent intent) {
        if (!(intent.platform() instanceof NodePlatform platform)) {
            throw new IllegalArgumentException("device " + intent.name() + " is not a node router");
        }
        final var stanzas = new ArrayList<FrrStanza>();
        // zebra prints it among the global lines, before every stanza
        stanzas.add(new FrrStanza.EvpnMhStartupDelay(0));
        final var vrfs = intent.vrfs().stream()
            .sorted(Comparator.comparing(vrf -> NodeNames.vrf(vrf.vni())))
            .toList();
        for (var vrf : vrfs) {
            stanzas.add(new Vrf(NodeNames.vrf(vrf.vni()), vrf.vni(),
                platform.netnsVrf() ? NodeNames.netnsPath(vrf.vni()) : null));
        }
        stanzas.add(routerBgp(intent));
        final var ipv6 = routingIpv6(intent.segments());
        for (var vrf : vrfs) {
            stanzas.add(new RouterBgpVrf(intent.underlay().asn(), NodeNames.vrf(vrf.vni()),
                ipv6.contains(vrf.vni()), vrf.routeDistinguisher(), sorted(vrf.importRouteTargets()),
                sorted(vrf.exportRouteTargets())));
        }
        return new FrrConfig(stanzas);
    }

    private static RouterBgp routerBgp(final DeviceIntent intent) {
        final var neighbors = intent.neighbors().stream()
            .sorted(Comparator.comparing(BgpNeighbor::address, Addresses.ORDER))
            .toList();
        final var vnis = intent.segments().stream()
            .sorted(Comparator.comparingLong(EvpnSegment::vni))
            .map(segment -> new EvpnVni(segment.vni(), segment.routeDistinguisher(),
                sorted(segment.importRouteTargets()), sorted(segment.exportRouteTargets())))
            .toList();
        return new RouterBgp(intent.underlay().asn(), intent.underlay().routerId(),
            neighbors.stream()
                .map(n -> new Neighbor(Addresses.canonical(n.address()), n.asn(), n.description()))
                .toList(),
            List.of(intent.underlay().vtepAddress() + "/32"),
            activated(neighbors, AddressFamily.IPV4_UNICAST), activated(neighbors, AddressFamily.L2VPN_EVPN),
            vnis);
    }

    private static List<String> activated(final List<BgpNeighbor> neighbors, final AddressFamily family) {
        return neighbors.stream()
            .filter(neighbor -> neighbor.addressFamilies().contains(family))
            .map(neighbor -> Addresses.canonical(neighbor.address()))
            .toList();
    }

    // The L3 VNIs of the VRFs that route IPv6: those with a network that has an IPv6 gateway. One pass over the
    // networks, not one per VRF.
    private static Set<Long> routingIpv6(final List<EvpnSegment> segments) {
        return segments.stream()
            .filter(segment -> segment.vrf() != null
                && segment.gateways().stream().anyMatch(gateway -> !IpPrefix.parse(gateway).isIpv4()))
            .map(EvpnSegment::vrf)
            .collect(Collectors.toUnmodifiableSet());
    }

    private static List<String> sorted(final Collection<String> routeTargets) {
        return List.copyOf(new TreeSet<>(routeTargets));
    }
}
