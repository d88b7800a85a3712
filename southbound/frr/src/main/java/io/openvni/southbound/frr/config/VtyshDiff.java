package io.openvni.southbound.frr.config;

import io.openvni.core.render.frr.ConfigBlock;
import io.openvni.core.render.frr.FrrConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Computes the vtysh commands that turn the owned FRR configuration into the desired one, touching only owned
 * lines. Pure. The script enters each context it changes and leaves it with the matching exit command; it starts
 * in {@code configure terminal} mode and does not contain {@code configure terminal} or {@code end} itself.
 *
 * <p>Order: VRFs (they must exist before a BGP instance or L3 VNI refers to them), the default BGP instance
 * (neighbors, L2 VNIs), VRF BGP instances, then removals: the L3 VNIs of VRFs that go (bgpd refuses to delete the
 * BGP instance of a VRF whose L3 VNI is up), VRF BGP instances, VRFs.
 */
public final class VtyshDiff {
    private static final Pattern VRF = Pattern.compile("vrf \\S+");
    // Settings FRR replaces in place: writing the new value is enough, and "no" of the old one would do harm
    // ("no neighbor A remote-as N" deletes the neighbor).
    private static final Pattern REPLACED = Pattern.compile(
        "(rd|bgp router-id|neighbor \\S+ remote-as|neighbor \\S+ description) .*");

    private VtyshDiff() {
        // static helpers only
    }

    /** The commands, indented by context depth; empty when the owned configuration is the desired one. */
    public static List<String> diff(final FrrConfig current, final FrrConfig desired) {
        final var cur = byHeader(current);
        final var des = byHeader(desired);
        final var out = new ArrayList<String>();
        // VRFs and the default instance, then the VRF instances, in the desired order.
        des.values().stream().filter(block -> VRF.matcher(block.line()).matches())
            .forEach(block -> diffStanza(cur.get(block.line()), block, out));
        des.values().stream().filter(block -> FrrConfig.isDefaultBgp(block.line()))
            .forEach(block -> diffStanza(cur.get(block.line()), block, out));
        des.values().stream()
            .filter(block -> !VRF.matcher(block.line()).matches() && !FrrConfig.isDefaultBgp(block.line()))
            .forEach(block -> diffStanza(cur.get(block.line()), block, out));
        final var removedVrfs = cur.values().stream()
            .filter(block -> !des.containsKey(block.line()) && VRF.matcher(block.line()).matches())
            .toList();
        removedVrfs.forEach(block -> unbindL3vni(block, out));
        for (var block : cur.values()) {
            if (!des.containsKey(block.line()) && block.line().startsWith("router bgp ")
                    && !FrrConfig.isDefaultBgp(block.line())) {
                out.add("no " + block.line());
            }
        }
        removedVrfs.forEach(block -> removeVrf(block, out));
        return out;
    }

    private static Map<String, ConfigBlock> byHeader(final FrrConfig config) {
        final var map = new LinkedHashMap<String, ConfigBlock>();
        config.stanzas().forEach(stanza -> map.put(stanza.header(), stanza.block()));
        return map;
    }

    private static void diffStanza(final ConfigBlock current, final ConfigBlock desired, final List<String> out) {
        if (current == null) {
            desired.appendLines(out, 0);
            return;
        }
        var cur = current.children();
        if (FrrConfig.isDefaultBgp(desired.line())) {
            cur = dropRemovedNeighbors(current, desired, out);
        }
        final var inner = new ArrayList<String>();
        diffChildren(cur, desired.children(), inner, 1);
        if (!inner.isEmpty()) {
            out.add(desired.line());
            out.addAll(inner);
            out.add(desired.exitCommand());
        }
    }

    // "no neighbor A" removes a neighbor with all its lines, in every address family.
    private static List<ConfigBlock> dropRemovedNeighbors(final ConfigBlock current, final ConfigBlock desired,
            final List<String> out) {
        final var wanted = neighbors(desired.children());
        final var removed = new LinkedHashSet<>(neighbors(current.children()));
        removed.removeAll(wanted);
        if (removed.isEmpty()) {
            return current.children();
        }
        out.add(current.line());
        removed.forEach(address -> out.add(" no neighbor " + address));
        out.add(current.exitCommand());
        return without(current.children(), removed);
    }

    private static Set<String> neighbors(final List<ConfigBlock> children) {
        final var addresses = new LinkedHashSet<String>();
        for (var child : children) {
            final String[] words = child.line().split(" ");
            if (!child.isContext() && words.length > 2 && words[0].equals("neighbor")) {
                addresses.add(words[1]);
            }
        }
        return addresses;
    }

    private static List<ConfigBlock> without(final List<ConfigBlock> blocks, final Set<String> neighbors) {
        final var kept = new ArrayList<ConfigBlock>();
        for (var block : blocks) {
            final String[] words = block.line().split(" ");
            if (words.length > 1 && words[0].equals("neighbor") && neighbors.contains(words[1])) {
                continue;
            }
            kept.add(new ConfigBlock(block.line(), without(block.children(), neighbors)));
        }
        return kept;
    }

    private static void diffChildren(final List<ConfigBlock> current, final List<ConfigBlock> desired,
            final List<String> out, final int depth) {
        final String indent = " ".repeat(depth);
        final var cur = byLine(current);
        final var des = byLine(desired);
        for (var block : current) {
            if (des.containsKey(block.line())) {
                continue;
            }
            if (block.isContext()) {
                removeContext(block, out, depth);
            } else if (!replacedBy(block.line(), desired)) {
                out.add(indent + negate(block.line()));
            }
        }
        for (var block : desired) {
            final var existing = cur.get(block.line());
            if (existing == null) {
                block.appendLines(out, depth);
            } else if (block.isContext() || existing.isContext()) {
                final var inner = new ArrayList<String>();
                diffChildren(existing.children(), block.children(), inner, depth + 1);
                if (!inner.isEmpty()) {
                    out.add(indent + block.line());
                    out.addAll(inner);
                    out.add(indent + ConfigBlock.exitCommand(block.line()));
                }
            }
        }
    }

    private static Map<String, ConfigBlock> byLine(final List<ConfigBlock> blocks) {
        final var map = new LinkedHashMap<String, ConfigBlock>();
        blocks.forEach(block -> map.put(block.line(), block));
        return map;
    }

    private static boolean replacedBy(final String line, final List<ConfigBlock> desired) {
        final var matcher = REPLACED.matcher(line);
        if (!matcher.matches()) {
            return false;
        }
        final String key = matcher.group(1) + " ";
        return desired.stream().anyMatch(block -> !block.isContext() && block.line().startsWith(key));
    }

    private static void removeContext(final ConfigBlock block, final List<String> out, final int depth) {
        final String indent = " ".repeat(depth);
        if (block.line().startsWith("vni ")) {
            out.add(indent + "no " + block.line());
            return;
        }
        out.add(indent + block.line());
        for (var child : block.children()) {
            if (child.isContext()) {
                removeContext(child, out, depth + 1);
            } else {
                out.add(indent + " " + negate(child.line()));
            }
        }
        out.add(indent + block.exitCommand());
    }

    private static void unbindL3vni(final ConfigBlock block, final List<String> out) {
        final var vni = block.children().stream().filter(child -> child.line().startsWith("vni ")).toList();
        if (!vni.isEmpty()) {
            out.add(block.line());
            vni.forEach(child -> out.add(" no " + child.line()));
            out.add(block.exitCommand());
        }
    }

    // A netns VRF disappears from FRR with its namespace ("no vrf" is refused while the namespace exists, and the
    // kernel part of the change set deletes it right after); a VRF without netns is deleted here.
    private static void removeVrf(final ConfigBlock block, final List<String> out) {
        final boolean netns = block.children().stream().anyMatch(child -> child.line().startsWith("netns "));
        if (!netns) {
            out.add("no " + block.line());
        }
    }

    private static String negate(final String line) {
        return line.startsWith("no ") ? line.substring(3) : "no " + line;
    }
}
