package io.openvni.core.render.frr;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of an FRR configuration with the lines nested under it: a context ({@code router bgp 65201},
 * {@code address-family l2vpn evpn}, {@code vni 10100}) with its children, or a setting without children. Lines are
 * trimmed; nesting replaces indentation, and the {@code !} and {@code exit...} lines are left out because the
 * nesting implies them.
 *
 * @param line the trimmed line
 * @param children the nested lines, in configuration order
 */
public record ConfigBlock(String line, List<ConfigBlock> children) {
    public ConfigBlock {
        requireNonNull(line);
        children = List.copyOf(children);
    }

    /** Whether this is a context that other lines nest under. */
    public boolean isContext() {
        return !children.isEmpty();
    }

    /** The command that leaves this context in vtysh. */
    public String exitCommand() {
        return exitCommand(line);
    }

    public static String exitCommand(final String contextLine) {
        if (contextLine.startsWith("vrf ")) {
            return "exit-vrf";
        } else if (contextLine.startsWith("address-family ")) {
            return "exit-address-family";
        } else if (contextLine.startsWith("vni ")) {
            return "exit-vni";
        }
        return "exit";
    }

    /** The block's lines as FRR prints them: indented by depth, contexts closed by their exit line. */
    public List<String> lines() {
        final var lines = new ArrayList<String>();
        appendLines(lines, 0);
        return lines;
    }

    public void appendLines(final List<String> out, final int depth) {
        out.add(" ".repeat(depth) + line);
        if (isContext()) {
            children.forEach(child -> child.appendLines(out, depth + 1));
            out.add(" ".repeat(depth) + exitCommand());
        }
    }
}
