package io.openvni.core.render.frr;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One top-level stanza of an FRR configuration that OpenVNI owns. {@link #lines()} are exactly what FRR 8.4 prints
 * for it in {@code show running-config}, indentation, {@code !} separators and closing {@code exit} lines
 * included, so that the rendered text can be compared with the running configuration line by line. One exception:
 * bgpd does not print a route target equal to the one it derives itself (ASN:VNI, on a node whose ASN is the
 * route-target ASN); the FRR driver puts a rendering the way bgpd keeps it before comparing.
 *
 * <p>Lists are expected in FRR's own print order: neighbors by address, route targets as sorted strings. The
 * {@link FrrRenderer} sorts them; the records do not.
 *
 * <p>A stanza read back from a node (or a rendering put in that form) is a {@link Read}: its lines as a tree, which
 * is what the FRR driver compares and diffs, so rendered and read stanzas are one type.
 */
public sealed interface FrrStanza {
    /** The stanza's first line, which identifies it in a running configuration. */
    String header();

    /** All lines of the stanza, header and closing line included, without line terminators. */
    List<String> lines();

    /** The stanza's lines as a tree, the form comparisons use (see {@link ConfigTree}). */
    default ConfigBlock block() {
        return ConfigTree.parse(String.join("\n", lines())).getFirst();
    }

    /**
     * A stanza as read from a running configuration: lines nested by context, without FRR's {@code !} separators,
     * L2 VNIs in VNI order (see {@link ConfigTree}).
     *
     * @param block the stanza's lines
     */
    record Read(ConfigBlock block) implements FrrStanza {
        public Read {
            requireNonNull(block);
        }

        @Override
        public String header() {
            return block.line();
        }

        @Override
        public List<String> lines() {
            return block.lines();
        }
    }

    /**
     * zebra's EVPN multihoming startup delay, a global line. zebra holds every VXLAN device that appears during the
     * delay (180 s after it starts) protodown until the delay ends, and holds again after later changes: with the
     * default, no network created on a freshly started node carries traffic for up to 3 minutes. The delay protects
     * multihomed Ethernet segments, which OpenVNI never configures, so node routers run with 0.
     *
     * @param seconds the delay
     */
    record EvpnMhStartupDelay(int seconds) implements FrrStanza {
        @Override
        public String header() {
            return "evpn mh startup-delay " + seconds;
        }

        @Override
        public List<String> lines() {
            return List.of(header());
        }
    }

    /**
     * A VRF and its L3 VNI, as zebra prints it: {@code vni} comes before {@code netns}.
     *
     * @param name VRF name
     * @param l3vni its L3 VNI
     * @param netns its namespace path for the netns VRF backend, absent for kernel VRFs
     */
    record Vrf(String name, long l3vni, @Nullable String netns) implements FrrStanza {
        public Vrf {
            requireNonNull(name);
        }

        @Override
        public String header() {
            return "vrf " + name;
        }

        @Override
        public List<String> lines() {
            final var lines = new ArrayList<String>();
            lines.add(header());
            lines.add(" vni " + l3vni);
            if (netns != null) {
                lines.add(" netns " + netns);
            }
            lines.add("exit-vrf");
            return lines;
        }
    }

    /**
     * A BGP neighbor of the default instance.
     *
     * @param address its address
     * @param remoteAs its ASN
     * @param description its description
     */
    record Neighbor(String address, long remoteAs, String description) {
        public Neighbor {
            requireNonNull(address);
            requireNonNull(description);
        }
    }

    /**
     * An L2 VNI's RD and route targets under {@code address-family l2vpn evpn}.
     *
     * @param vni the VNI
     * @param rd its route distinguisher
     * @param importRouteTargets imported route targets, sorted
     * @param exportRouteTargets exported route targets, sorted
     */
    record EvpnVni(long vni, String rd, List<String> importRouteTargets, List<String> exportRouteTargets) {
        public EvpnVni {
            requireNonNull(rd);
            importRouteTargets = List.copyOf(importRouteTargets);
            exportRouteTargets = List.copyOf(exportRouteTargets);
        }
    }

    /**
     * The default BGP instance: underlay peering and the EVPN control plane of the L2 VNIs.
     *
     * @param asn local ASN
     * @param routerId router ID
     * @param neighbors neighbors, in FRR's order
     * @param ipv4Networks prefixes announced in IPv4 unicast (the VTEP)
     * @param ipv4Neighbors addresses of the neighbors activated for IPv4 unicast
     * @param evpnNeighbors addresses of the neighbors activated for L2VPN EVPN
     * @param vnis the L2 VNIs, by VNI
     */
    record RouterBgp(long asn, String routerId, List<Neighbor> neighbors, List<String> ipv4Networks,
            List<String> ipv4Neighbors, List<String> evpnNeighbors, List<EvpnVni> vnis) implements FrrStanza {
        public RouterBgp {
            requireNonNull(routerId);
            neighbors = List.copyOf(neighbors);
            ipv4Networks = List.copyOf(ipv4Networks);
            ipv4Neighbors = List.copyOf(ipv4Neighbors);
            evpnNeighbors = List.copyOf(evpnNeighbors);
            vnis = List.copyOf(vnis);
        }

        @Override
        public String header() {
            return "router bgp " + asn;
        }

        @Override
        public List<String> lines() {
            final var lines = new ArrayList<String>();
            lines.add(header());
            lines.add(" bgp router-id " + routerId);
            lines.add(" no bgp ebgp-requires-policy");
            // Without this every neighbor would be active for IPv4 unicast, not only those that ask for it.
            lines.add(" no bgp default ipv4-unicast");
            for (var neighbor : neighbors) {
                lines.add(" neighbor " + neighbor.address() + " remote-as " + neighbor.remoteAs());
                lines.add(" neighbor " + neighbor.address() + " description " + neighbor.description());
            }
            lines.add(" !");
            lines.add(" address-family ipv4 unicast");
            ipv4Networks.forEach(network -> lines.add("  network " + network));
            ipv4Neighbors.forEach(address -> lines.add("  neighbor " + address + " activate"));
            lines.add(" exit-address-family");
            lines.add(" !");
            lines.add(" address-family l2vpn evpn");
            evpnNeighbors.forEach(address -> lines.add("  neighbor " + address + " activate"));
            lines.add("  advertise-all-vni");
            for (var vni : vnis) {
                lines.add("  vni " + vni.vni());
                lines.add("   rd " + vni.rd());
                vni.importRouteTargets().forEach(rt -> lines.add("   route-target import " + rt));
                vni.exportRouteTargets().forEach(rt -> lines.add("   route-target export " + rt));
                lines.add("  exit-vni");
            }
            lines.add(" exit-address-family");
            lines.add("exit");
            return lines;
        }
    }

    /**
     * The BGP instance of a tenant VRF: its connected subnets become EVPN type-5 routes.
     *
     * @param asn local ASN
     * @param vrf VRF name
     * @param ipv6 whether IPv6 is routed too
     * @param rd the VRF's route distinguisher
     * @param importRouteTargets imported route targets, sorted
     * @param exportRouteTargets exported route targets, sorted
     */
    record RouterBgpVrf(long asn, String vrf, boolean ipv6, String rd, List<String> importRouteTargets,
            List<String> exportRouteTargets) implements FrrStanza {
        public RouterBgpVrf {
            requireNonNull(vrf);
            requireNonNull(rd);
            importRouteTargets = List.copyOf(importRouteTargets);
            exportRouteTargets = List.copyOf(exportRouteTargets);
        }

        @Override
        public String header() {
            return "router bgp " + asn + " vrf " + vrf;
        }

        @Override
        public List<String> lines() {
            final var lines = new ArrayList<String>();
            lines.add(header());
            addRedistributeConnected(lines, "ipv4");
            if (ipv6) {
                addRedistributeConnected(lines, "ipv6");
            }
            lines.add(" !");
            lines.add(" address-family l2vpn evpn");
            lines.add("  advertise ipv4 unicast");
            if (ipv6) {
                lines.add("  advertise ipv6 unicast");
            }
            lines.add("  rd " + rd);
            importRouteTargets.forEach(rt -> lines.add("  route-target import " + rt));
            exportRouteTargets.forEach(rt -> lines.add("  route-target export " + rt));
            lines.add(" exit-address-family");
            lines.add("exit");
            return lines;
        }

        private static void addRedistributeConnected(final List<String> lines, final String afi) {
            lines.add(" !");
            lines.add(" address-family " + afi + " unicast");
            lines.add("  redistribute connected");
            lines.add(" exit-address-family");
        }
    }
}
