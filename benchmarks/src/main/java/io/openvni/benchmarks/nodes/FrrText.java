package io.openvni.benchmarks.nodes;

import io.openvni.testlib.nodes.LabNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The baseline's FRR target files: a whole configuration for {@code frr-reload.py}, made of what runs on the node
 * and one more L2 VNI block under {@code address-family l2vpn evpn} of the default BGP instance, shaped like the
 * block OpenVNI renders for the tenant's base network (same route-target ASN, the VNI as route-target number).
 */
final class FrrText {
    /** vtysh's preamble and trailer around the configuration: not configuration lines. */
    private static final Set<String> NOT_CONFIG = Set.of("Building configuration...", "Current configuration:", "end",
        "");

    private FrrText() {
        // static only
    }

    /** The node's running configuration as a target file would have it. */
    static String runningConfig(final LabNode node) throws IOException {
        final var text = new StringBuilder();
        node.router().runningConfig().lines()
            .filter(line -> !NOT_CONFIG.contains(line) && !line.startsWith("frr version"))
            .forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    /**
     * The configuration with a block for {@code vni} right after the one of {@code templateVni}.
     *
     * @param rd the new block's route distinguisher
     * @throws IOException when the configuration has no block of {@code templateVni}
     */
    static String withVni(final String config, final long templateVni, final long vni, final String rd)
            throws IOException {
        final List<String> lines = config.lines().toList();
        final int first = lines.indexOf("  vni " + templateVni);
        final int last = first < 0 ? -1 : lines.subList(first, lines.size()).indexOf("  exit-vni") + first;
        if (first < 0 || last < first) {
            throw new IOException("no block of VNI " + templateVni + " in the running configuration:\n" + config);
        }
        final var block = new ArrayList<String>();
        for (String line : lines.subList(first, last + 1)) {
            if (line.startsWith("   rd ")) {
                block.add("   rd " + rd);
            } else if (line.startsWith("   route-target ")) {
                block.add(line.replace(":" + templateVni, ":" + vni));
            } else {
                block.add(line.replace("vni " + templateVni, "vni " + vni));
            }
        }
        final var result = new ArrayList<>(lines.subList(0, last + 1));
        result.addAll(block);
        result.addAll(lines.subList(last + 1, lines.size()));
        return String.join("\n", result) + "\n";
    }
}
