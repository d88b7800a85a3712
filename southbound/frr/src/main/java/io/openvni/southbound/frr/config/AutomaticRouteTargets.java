package io.openvni.southbound.frr.config;

import io.openvni.core.render.frr.FrrConfig;
import io.openvni.core.render.frr.FrrStanza;
import io.openvni.core.render.frr.FrrStanza.EvpnVni;
import io.openvni.core.render.frr.FrrStanza.RouterBgp;
import io.openvni.core.render.frr.FrrStanza.RouterBgpVrf;
import io.openvni.core.render.frr.FrrStanza.Vrf;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The route targets bgpd derives by itself, and what that does to a rendering. FRR 8.4's bgpd gives every L2 VNI,
 * and every VRF instance with an L3 VNI, the import and export route target {@code <ASN & 0xFFFF>:<VNI>} (its
 * instance's ASN). A {@code route-target import|export} command naming a value already in effect changes nothing,
 * and a value that was never configured is not printed; so on a node whose ASN is the fabric's route-target ASN an
 * RT list that is just the automatic one never appears in {@code show running-config}, and a read-back would want
 * it written forever. Configuring any other RT of that direction drops the automatic one (it is replaced, not kept
 * beside it); an RT equal to the automatic value configured after that is printed like any other, and removing the
 * last configured RT of a direction brings the automatic one back, hidden again. {@code no route-target} of a
 * hidden value is refused ("% Export RT is not configured for this VNI").
 *
 * <p>So the desired configuration is put the way FRR keeps it: a direction whose only RT is the automatic one has
 * no line (a new VNI or VRF gets exactly that value; an explicit copy on the node is removed, which changes
 * nothing in effect), and where the automatic RT comes with others it is written after them, or it would be a
 * no-op followed by its own replacement. Only the order of lines within their context changes, which comparisons
 * ignore.
 *
 * <p>The other values FRR hides when they equal its own: an L2 VNI's or VRF's {@code rd} equal to the automatic
 * {@code <router-id>:<n>} (n numbers VNIs and VRFs from 1 in creation order), which allocation avoids by giving
 * out RD indexes from 10000. Everything else OpenVNI renders ({@code bgp router-id}, neighbors, {@code network},
 * {@code advertise-all-vni}, {@code advertise ipv4|ipv6 unicast}, {@code redistribute connected}, {@code vni} and
 * {@code netns} of VRFs, {@code evpn mh startup-delay 0}) is printed even when it equals a default (FRR 8.4.4,
 * {@code frr defaults traditional}).
 */
public final class AutomaticRouteTargets {
    private AutomaticRouteTargets() {
        // static helpers only
    }

    /** The route target bgpd derives for a VNI in an instance of that ASN. */
    public static String automatic(final long asn, final long vni) {
        return (asn & 0xFFFF) + ":" + vni;
    }

    /** A rendering as FRR keeps it: automatic route targets left out or written last, as above. */
    public static FrrConfig asFrrKeepsThem(final FrrConfig rendered) {
        final Map<String, Long> l3vnis = new HashMap<>();
        for (var stanza : rendered.stanzas()) {
            if (stanza instanceof Vrf vrf) {
                l3vnis.put(vrf.name(), vrf.l3vni());
            }
        }
        return new FrrConfig(rendered.stanzas().stream().map(stanza -> asKept(stanza, l3vnis)).toList());
    }

    private static FrrStanza asKept(final FrrStanza stanza, final Map<String, Long> l3vnis) {
        return switch (stanza) {
            case RouterBgp bgp -> new RouterBgp(bgp.asn(), bgp.routerId(), bgp.neighbors(), bgp.ipv4Networks(),
                bgp.ipv4Neighbors(), bgp.evpnNeighbors(), bgp.vnis().stream()
                    .map(vni -> {
                        final String auto = automatic(bgp.asn(), vni.vni());
                        return new EvpnVni(vni.vni(), vni.rd(), asKept(vni.importRouteTargets(), auto),
                            asKept(vni.exportRouteTargets(), auto));
                    })
                    .toList());
            case RouterBgpVrf vrf when l3vnis.containsKey(vrf.vrf()) -> {
                final String auto = automatic(vrf.asn(), l3vnis.get(vrf.vrf()));
                yield new RouterBgpVrf(vrf.asn(), vrf.vrf(), vrf.ipv6(), vrf.rd(),
                    asKept(vrf.importRouteTargets(), auto), asKept(vrf.exportRouteTargets(), auto));
            }
            default -> stanza;
        };
    }

    private static List<String> asKept(final List<String> routeTargets, final String auto) {
        if (!routeTargets.contains(auto)) {
            return routeTargets;
        }
        final var kept = new ArrayList<String>(routeTargets.size());
        routeTargets.stream().filter(rt -> !rt.equals(auto)).forEach(kept::add);
        if (!kept.isEmpty()) {
            kept.add(auto);
        }
        return kept;
    }
}
