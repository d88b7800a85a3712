package io.openvni.southbound.frr.config;

import io.openvni.core.render.frr.NodeNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A netns VRF's link to its namespace across FRR releases. The renderer states it ({@code netns /run/netns/ovrfN} in
 * the {@code vrf} block), as FRR 8.4 needs it and shows it. FRR 10 (zebra's CLI under mgmtd) links a VRF to the
 * namespace of its name by itself: it shows no {@code netns} line, and answers one with two notices ("This command
 * doesn't do anything", "VRF is linked to a netns automatically based on its name") while changing nothing. So a
 * running configuration of FRR 10 or later gets the line back for every VRF whose namespace exists, as FRR 8.4 would
 * show it, and those notices are no complaint after a {@code netns} line naming the namespace of its VRF.
 */
public final class NetnsVrfLinks {
    /** The first release whose zebra links netns VRFs by name. */
    static final int LINKS_BY_NAME = 10;
    private static final Pattern VERSION = Pattern.compile("frr version (\\d+)(\\..*)?");
    /** A {@code vrf NAME} line, which opens the block of a VRF. */
    static final Pattern VRF = Pattern.compile("vrf (\\S+)");
    private static final Set<String> NOTICES = Set.of("% This command doesn't do anything.",
        "% VRF is linked to a netns automatically based on its name.");

    private NetnsVrfLinks() {
        // static helpers only
    }

    /**
     * A running configuration with the {@code netns} lines FRR 10 leaves out; an older one as it is.
     *
     * @param runningConfig {@code show running-config}
     * @param namespaces the node's network namespaces (names under {@value NodeNames#NETNS_DIR})
     */
    public static String shownAsStated(final String runningConfig, final Set<String> namespaces) {
        final var lines = runningConfig.lines().toList();
        if (!linksByName(lines)) {
            return runningConfig;
        }
        final var out = new ArrayList<String>(lines.size() + namespaces.size());
        String vrf = null;
        boolean stated = false;
        for (var line : lines) {
            final var block = VRF.matcher(line);
            if (block.matches()) {
                vrf = namespaces.contains(block.group(1)) ? block.group(1) : null;
                stated = false;
            } else if (vrf != null && line.startsWith(" netns ")) {
                stated = true;
            } else if (vrf != null && line.equals("exit-vrf")) {
                if (!stated) {
                    out.add(" " + statement(vrf));
                }
                vrf = null;
            }
            out.add(line);
        }
        return String.join("\n", out) + (runningConfig.endsWith("\n") ? "\n" : "");
    }

    /** Whether a line FRR printed after {@code command} in the block of {@code vrf} is FRR 10's no-op notice. */
    static boolean isNoOpNotice(final String line, final @Nullable String command, final @Nullable String vrf) {
        return vrf != null && statement(vrf).equals(command) && NOTICES.contains(line);
    }

    private static String statement(final String vrf) {
        return "netns " + NodeNames.NETNS_DIR + vrf;
    }

    private static boolean linksByName(final List<String> lines) {
        for (var line : lines) {
            final var version = VERSION.matcher(line);
            if (version.matches()) {
                return Integer.parseInt(version.group(1)) >= LINKS_BY_NAME;
            }
        }
        return false;
    }
}
