package io.openvni.southbound.frr;

import io.openvni.southbound.frr.config.OwnedScope;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Takes the VRF to L3VNI lines ({@code vrf V} / {@code vni N}, {@code no vni N}) out of a vtysh script and puts them
 * in {@link NodeChange.GrpcL3vni} changes at the same place of the order: after the vtysh lines before them,
 * including the rest of their VRF block (the {@code netns} line, which stays with vtysh: FRR's YANG has no netns
 * leaf), and before the next line that is not a VRF block (bgpd's VRF instances need the L3VNI, a {@code no vrf}
 * needs it gone). Consecutive VRF blocks share one gRPC change. Pure.
 */
final class L3vniByGrpc {
    private static final Pattern VRF = Pattern.compile("vrf (\\S+)");
    private static final Pattern SET = Pattern.compile(" vni (\\d+)");
    private static final Pattern REMOVE = Pattern.compile(" no vni \\d+");

    private L3vniByGrpc() {
        // static helpers only
    }

    static List<NodeChange> split(final List<String> commands, final OwnedScope scope) {
        final var out = new ArrayList<NodeChange>();
        final var vtysh = new ArrayList<String>();
        final var bindings = new ArrayList<NodeChange.Binding>();
        int index = 0;
        while (index < commands.size()) {
            final String line = commands.get(index);
            final var vrf = VRF.matcher(line);
            // only a VRF block looks ahead (to its end): looking from every line would be quadratic in the script
            final int end = vrf.matches() ? commands.subList(index, commands.size()).indexOf("exit-vrf") : -1;
            if (end > 0) {
                final var kept = new ArrayList<String>();
                for (var child : commands.subList(index + 1, index + end)) {
                    final var set = SET.matcher(child);
                    if (set.matches()) {
                        bindings.add(new NodeChange.Binding(vrf.group(1), Long.parseLong(set.group(1))));
                    } else if (REMOVE.matcher(child).matches()) {
                        bindings.add(new NodeChange.Binding(vrf.group(1), null));
                    } else {
                        kept.add(child);
                    }
                }
                if (!kept.isEmpty()) {
                    vtysh.add(line);
                    vtysh.addAll(kept);
                    vtysh.add("exit-vrf");
                }
                index += end + 1;
            } else {
                flush(vtysh, bindings, scope, out);
                vtysh.add(line);
                index++;
            }
        }
        flush(vtysh, bindings, scope, out);
        if (!vtysh.isEmpty()) {
            out.add(new NodeChange.Vtysh(vtysh, scope));
        }
        return out;
    }

    // Ends a run of VRF blocks: the vtysh lines so far, then the run's bindings.
    private static void flush(final List<String> vtysh, final List<NodeChange.Binding> bindings,
            final OwnedScope scope, final List<NodeChange> out) {
        if (bindings.isEmpty()) {
            return;
        }
        if (!vtysh.isEmpty()) {
            out.add(new NodeChange.Vtysh(vtysh, scope));
            vtysh.clear();
        }
        out.add(new NodeChange.GrpcL3vni(bindings));
        bindings.clear();
    }
}
