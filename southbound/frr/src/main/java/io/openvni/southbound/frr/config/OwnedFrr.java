package io.openvni.southbound.frr.config;

import io.openvni.core.render.frr.ConfigBlock;
import io.openvni.core.render.frr.ConfigTree;
import io.openvni.core.render.frr.FrrConfig;
import io.openvni.core.render.frr.FrrStanza;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The part of a node's FRR configuration OpenVNI owns, as the renderer's model ({@link FrrConfig} of
 * {@link FrrStanza.Read} stanzas) in configuration order: the stanzas {@link FrrConfig#isOwned} names, with the
 * shared default {@code router bgp} instance cut down to the lines in an {@link OwnedScope}. Everything else (other
 * VRFs and their BGP instances, route maps, interfaces, other neighbors) is dropped here, so that nothing downstream
 * can touch it.
 */
public final class OwnedFrr {
    private static final Set<String> GLOBAL_SETTINGS = Set.of("bgp router-id", "bgp ebgp-requires-policy",
        "bgp default ipv4-unicast");

    private OwnedFrr() {
        // static helpers only
    }

    /** The owned part of a running configuration. */
    public static FrrConfig fromRunning(final String runningConfig, final OwnedScope scope) {
        final var owned = new ArrayList<FrrStanza>();
        for (var block : ConfigTree.parse(runningConfig)) {
            if (FrrConfig.isDefaultBgp(block.line())) {
                owned.add(new FrrStanza.Read(new ConfigBlock(block.line(), filterDefaultBgp(block.children(), scope))));
            } else if (FrrConfig.isOwned(block.line())) {
                owned.add(new FrrStanza.Read(block));
            }
        }
        return new FrrConfig(owned);
    }

    /**
     * A rendering, all of which is owned, as FRR keeps it: route targets equal to the ones bgpd derives itself are
     * left out or written last (see {@link AutomaticRouteTargets}), so that it compares equal to what FRR prints
     * once it is applied.
     */
    public static FrrConfig rendered(final FrrConfig config) {
        return AutomaticRouteTargets.asFrrKeepsThem(config).asRead();
    }

    private static List<ConfigBlock> filterDefaultBgp(final List<ConfigBlock> children, final OwnedScope scope) {
        final var kept = new ArrayList<ConfigBlock>();
        for (var child : children) {
            final String line = child.line();
            if (line.equals("address-family ipv4 unicast") || line.equals("address-family l2vpn evpn")) {
                final var inner = child.children().stream().filter(c -> ownedInFamily(c, scope)).toList();
                if (!inner.isEmpty()) {
                    kept.add(new ConfigBlock(line, inner));
                }
            } else if (!child.isContext() && (isGlobalSetting(line) || ownedNeighborLine(line, scope))) {
                kept.add(child);
            }
        }
        return kept;
    }

    private static boolean ownedInFamily(final ConfigBlock block, final OwnedScope scope) {
        final String line = block.line();
        final String[] words = line.split(" ");
        return switch (words[0]) {
            case "neighbor" -> ownedNeighborLine(line, scope);
            case "network" -> scope.networks().contains(words[1]);
            case "vni" -> scope.vnis().contains(Long.parseLong(words[1]));
            default -> line.equals("advertise-all-vni");
        };
    }

    private static boolean ownedNeighborLine(final String line, final OwnedScope scope) {
        final String[] words = line.split(" ");
        return words.length > 2 && words[0].equals("neighbor") && scope.neighbors().contains(words[1]);
    }

    private static boolean isGlobalSetting(final String line) {
        final String setting = line.startsWith("no ") ? line.substring(3) : line;
        return GLOBAL_SETTINGS.stream().anyMatch(setting::startsWith);
    }
}
