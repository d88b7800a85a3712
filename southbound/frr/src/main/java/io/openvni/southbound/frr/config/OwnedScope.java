package io.openvni.southbound.frr.config;

import io.openvni.core.render.frr.FrrConfig;
import io.openvni.core.render.frr.FrrStanza;
import io.openvni.core.render.frr.FrrStanza.EvpnVni;
import io.openvni.core.render.frr.FrrStanza.Neighbor;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What OpenVNI owns inside the default {@code router bgp} instance, which it shares with the operator: the
 * neighbors (by address), announced IPv4 networks and L2 VNIs of the desired and of the last applied rendering.
 *
 * @param neighbors neighbor addresses, canonical
 * @param networks IPv4 unicast networks
 * @param vnis L2 VNIs
 */
public record OwnedScope(Set<String> neighbors, Set<String> networks, Set<Long> vnis) {
    public OwnedScope {
        neighbors = Set.copyOf(neighbors);
        networks = Set.copyOf(networks);
        vnis = Set.copyOf(vnis);
    }

    /** Whether everything the other scope owns is owned here too. */
    public boolean covers(final OwnedScope other) {
        return neighbors.containsAll(other.neighbors) && networks.containsAll(other.networks)
            && vnis.containsAll(other.vnis);
    }

    /** What this scope or the other owns. */
    public OwnedScope union(final OwnedScope other) {
        return new OwnedScope(union(neighbors, other.neighbors), union(networks, other.networks),
            union(vnis, other.vnis));
    }

    private static <T> Set<T> union(final Set<T> one, final Set<T> other) {
        final var all = new HashSet<>(one);
        all.addAll(other);
        return all;
    }

    /**
     * The scope of some renderings plus extra VNIs (those whose OpenVNI VXLAN device still exists on the node, so
     * that a VNI dropped while the controller was down is still cleaned up).
     */
    public static OwnedScope of(final Collection<FrrConfig> configs, final Collection<Long> extraVnis) {
        final var neighbors = new TreeSet<String>();
        final var networks = new TreeSet<String>();
        final var vnis = new TreeSet<>(extraVnis);
        configs.stream()
            .flatMap(config -> config.stanzas().stream())
            .flatMap(stanza -> stanza instanceof FrrStanza.RouterBgp bgp ? Stream.of(bgp) : Stream.empty())
            .forEach(bgp -> {
                bgp.neighbors().stream().map(Neighbor::address).forEach(neighbors::add);
                networks.addAll(bgp.ipv4Networks());
                bgp.vnis().stream().map(EvpnVni::vni).forEach(vnis::add);
            });
        return new OwnedScope(neighbors, networks, vnis);
    }
}
