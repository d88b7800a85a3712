package io.openvni.southbound.frr.config;

import io.openvni.core.render.frr.FrrConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The part of a node's FRR configuration OpenVNI owns, as top-level blocks in configuration order: the stanzas
 * {@link FrrConfig#isOwned} names, with the shared default {@code router bgp} instance cut down to the lines in an
 * {@link OwnedScope}. Everything else (other VRFs and their BGP instances, route maps, interfaces, other neighbors)
 * is dropped here, so that nothing downstream can touch it.
 *
 * @param stanzas the owned top-level blocks
 */
public record OwnedFrr(List<ConfigBlock> stanzas) {
    private static final Pattern DEFAULT_BGP = Pattern.compile("router bgp \\d+");
    private static final Set<String> GLOBAL_SETTINGS = Set.of("bgp router-id", "bgp ebgp-requires-policy",
        "bgp default ipv4-unicast");

    public OwnedFrr {
        stanzas = List.copyOf(stanzas);
    }

    /** The owned part of a running configuration. */
    public static OwnedFrr fromRunning(final String runningConfig, final OwnedScope scope) {
        final var owned = new ArrayList<ConfigBlock>();
        for (var block : ConfigTree.parse(runningConfig)) {
            if (DEFAULT_BGP.matcher(block.line()).matches()) {
                owned.add(new ConfigBlock(block.line(), filterDefaultBgp(block.children(), scope)));
            } else if (FrrConfig.isOwned(block.line())) {
                owned.add(block);
            }
        }
        return new OwnedFrr(owned);
    }

    /**
     * A rendering, all of which is owned, as FRR keeps it: route targets equal to the ones bgpd derives itself are
     * left out or written last (see {@link AutomaticRouteTargets}), so that it compares equal to what FRR prints
     * once it is applied.
     */
    public static OwnedFrr rendered(final FrrConfig config) {
        return new OwnedFrr(ConfigTree.parse(AutomaticRouteTargets.asFrrKeepsThem(config).text()));
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

    /** The text of the owned blocks, FRR-style, each stanza followed by {@code !}. */
    public String text() {
        final var text = new StringBuilder();
        for (var stanza : stanzas) {
            stanza.lines().forEach(line -> text.append(line).append('\n'));
            text.append("!\n");
        }
        return text.toString();
    }
}
