package io.openvni.core.render.frr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Parses the text of {@code show running-config} (or of a rendered {@link FrrConfig})
 * into top-level {@link ConfigBlock}s, using FRR's one-space-per-level indentation for nesting.
 */
public final class ConfigTree {
    private static final Set<String> SKIPPED = Set.of("!", "end", "exit", "exit-vrf", "exit-address-family",
        "exit-vni", "Building configuration...", "Current configuration:");

    private ConfigTree() {
        // static helpers only
    }

    /** The top-level blocks of a configuration text, in order. */
    public static List<ConfigBlock> parse(final String text) {
        // Mutable nodes while parsing: depth, line, children.
        final var roots = new ArrayList<Node>();
        final var stack = new ArrayList<Node>();
        for (var raw : text.lines().toList()) {
            final String line = raw.strip();
            if (line.isEmpty() || SKIPPED.contains(line)) {
                continue;
            }
            final int depth = raw.length() - raw.stripLeading().length();
            while (!stack.isEmpty() && stack.getLast().depth >= depth) {
                stack.removeLast();
            }
            final var node = new Node(depth, line);
            if (stack.isEmpty()) {
                roots.add(node);
            } else {
                stack.getLast().children.add(node);
            }
            stack.add(node);
        }
        return roots.stream().map(Node::freeze).toList();
    }

    private static final class Node {
        final int depth;
        final String line;
        final List<Node> children = new ArrayList<>();

        Node(final int depth, final String line) {
            this.depth = depth;
            this.line = line;
        }

        ConfigBlock freeze() {
            var frozen = children.stream().map(Node::freeze);
            if (line.equals("address-family l2vpn evpn")) {
                // bgpd prints L2 VNIs in hash order; by VNI, after the other lines, they compare equal.
                frozen = frozen.sorted(Comparator.comparingLong(Node::vniOrder));
            }
            return new ConfigBlock(line, frozen.toList());
        }

        private static long vniOrder(final ConfigBlock block) {
            return block.line().startsWith("vni ") ? Long.parseLong(block.line().substring(4)) : -1;
        }
    }
}
