package io.openvni.core.render.frr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the stanzas OpenVNI owns out of FRR's {@code show running-config}, in the form {@link FrrConfig#text()}
 * renders: owned stanzas in print order, each followed by {@code !}. bgpd prints L2 VNIs in hash order, so the
 * {@code vni} blocks are put in VNI order.
 */
final class RunningConfig {
    private static final Pattern VNI = Pattern.compile(" {2}vni (\\d+)");

    private RunningConfig() {
        // static helpers only
    }

    static String owned(final String runningConfig) {
        final var text = new StringBuilder();
        var stanza = new ArrayList<String>();
        for (var line : runningConfig.lines().toList()) {
            if (line.startsWith("evpn mh startup-delay ")) {
                // a global line, printed in the first block with hostname and the like
                text.append(line).append("\n!\n");
            } else if (line.equals("!") || line.equals("end")) {
                if (!stanza.isEmpty() && FrrConfig.isOwned(stanza.get(0))) {
                    sortVniBlocks(stanza).forEach(owned -> text.append(owned).append('\n'));
                    text.append("!\n");
                }
                stanza = new ArrayList<>();
            } else {
                stanza.add(line);
            }
        }
        return text.toString();
    }

    // Consecutive "  vni N" ... "  exit-vni" blocks are collected and flushed in VNI order.
    private static List<String> sortVniBlocks(final List<String> stanza) {
        final var sorted = new ArrayList<String>();
        final var blocks = new ArrayList<List<String>>();
        List<String> block = null;
        for (var line : stanza) {
            if (block != null) {
                block.add(line);
                if (line.equals("  exit-vni")) {
                    block = null;
                }
            } else if (VNI.matcher(line).matches()) {
                block = new ArrayList<>(List.of(line));
                blocks.add(block);
            } else {
                blocks.sort(Comparator.comparingLong(vniBlock -> vni(vniBlock.get(0))));
                blocks.forEach(sorted::addAll);
                blocks.clear();
                sorted.add(line);
            }
        }
        blocks.forEach(sorted::addAll);
        return sorted;
    }

    private static long vni(final String line) {
        final var matcher = VNI.matcher(line);
        if (!matcher.matches()) {
            throw new IllegalStateException("not a vni line: " + line);
        }
        return Long.parseLong(matcher.group(1));
    }
}
