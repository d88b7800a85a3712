package io.openvni.demo;

import io.openvni.testlib.nodes.LabFabric;
import io.openvni.testlib.nodes.LabNode;
import io.openvni.testlib.nodes.NodeLab;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The demo's node routers ({@code scripts/openvni-run.sh --demo}): a {@link NodeLab} with one node per
 * {@code node-router} of the demo fabric, whose entries are rewritten to reach them (SSH as root with the lab's key,
 * the FRR pathspace, the spine as BGP peer, the lab's VTEP), and a CNI stand-in: every network that OpenVNI
 * places on two nodes gets a pod on each, and the first pod pings the second across VXLAN. What it sees is told to
 * a callback, one line per network.
 */
public final class DemoNodes implements AutoCloseable {
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration PING = Duration.ofSeconds(60);
    private static final Pattern WORKLOAD_END = Pattern.compile("ovw(\\d+)");

    private final NodeLab lab;
    private final Thread cni;
    private volatile boolean closed;

    private DemoNodes(final NodeLab lab, final Consumer<String> report, final PrintStream log) {
        this.lab = lab;
        cni = new Thread(() -> attachPods(report, log), "openvni-demo-cni");
        cni.setDaemon(true);
    }

    /**
     * Starts a node per entry and rewrites the entries to reach them.
     *
     * @param routers the fabric document's {@code node-router} entries, changed in place
     * @param report told one line per network whose pods were tried
     * @param log progress and problems
     * @return the running nodes, or null (with the reason logged) if this machine cannot run them
     */
    public static @Nullable DemoNodes start(final List<ObjectNode> routers, final Consumer<String> report,
            final PrintStream log) {
        final String missing = NodeLab.missingPrerequisite();
        if (missing != null) {
            log.println("[openvni-sim] no node routers: " + missing);
            return null;
        }
        final NodeLab lab;
        try {
            lab = NodeLab.start(routers.size(), NodeLab.grpcModule());
        } catch (IOException e) {
            log.println("[openvni-sim] the node routers did not start: " + e.getMessage());
            return null;
        }
        for (int i = 0; i < routers.size(); i++) {
            LabFabric.describe(routers.get(i), lab.node(i + 1));
        }
        final var nodes = new DemoNodes(lab, report, log);
        nodes.cni.start();
        return nodes;
    }

    /** One line per node: its name, management address and how it is managed. */
    public List<String> describe() {
        final var lines = new ArrayList<String>();
        for (LabNode node : lab.nodes()) {
            lines.add(String.format(Locale.ROOT, "%s  %s (pathspace %s%s), sshd at %s:%d, VTEP %s", node.name(),
                frrRelease(node), node.pathspace(), node.grpcPort() > 0 ? ", northbound gRPC" : "",
                node.managementAddress(), LabNode.SSH_PORT, node.vtep()));
        }
        return lines;
    }

    // "FRR 8.4.4" (Debian 12), "FRR 10.3" (Debian 13): the first line of show version is "FRRouting 10.3 (host) on ..."
    private static String frrRelease(final LabNode node) {
        try {
            return node.vtysh("show version").lines().filter(line -> line.startsWith("FRRouting ")).findFirst()
                .map(line -> "FRR " + line.split("\\s+")[1]).orElse("FRR");
        } catch (IOException e) {
            return "FRR";
        }
    }

    // The CNI's part, for every network on the first two nodes: wait for OpenVNI's workload ends, move them into
    // pods with addresses .101/.102 of the gateway's subnet, ping.
    private void attachPods(final Consumer<String> report, final PrintStream log) {
        final Set<Long> done = new HashSet<>();
        while (!closed) {
            try {
                for (long vni : workloadEnds(lab.node(1))) {
                    if (!done.contains(vni) && workloadEnds(lab.node(2)).contains(vni)) {
                        done.add(vni);
                        report.accept(pingAcross(vni));
                    }
                }
                Thread.sleep(POLL.toMillis());
            } catch (IOException e) {
                log.println("[openvni-sim] pods: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private String pingAcross(final long vni) throws IOException {
        final String gateway = gateway(lab.node(1), vni);
        if (gateway == null) {
            return "VNI " + vni + ": no gateway address on ovbr" + vni + " (a network without a VRF); no pods";
        }
        final String[] parts = gateway.split("/");
        final String base = parts[0].substring(0, parts[0].lastIndexOf('.') + 1);
        final String address1 = base + "101";
        final String address2 = base + "102";
        final var pod1 = lab.attach("pod" + vni + "a", lab.node(1), vni, address1 + "/" + parts[1], parts[0]);
        final var pod2 = lab.attach("pod" + vni + "b", lab.node(2), vni, address2 + "/" + parts[1], parts[0]);
        final long start = System.nanoTime();
        final boolean reached = pod1.pingsWithin(address2, PING);
        return String.format(Locale.ROOT, "VNI %d: %s on %s pings %s on %s across VXLAN: %s", vni, address1,
            lab.node(1).name(), address2, lab.node(2).name(), reached
                ? String.format(Locale.ROOT, "yes (%.1f s after the pods were attached); try it: nsenter -t %d -n"
                    + " ping -c 3 %s", (System.nanoTime() - start) / 1e9, pod1.pid(), address2)
                : "NO, not within " + PING.toSeconds() + " s");
    }

    private static List<Long> workloadEnds(final LabNode node) throws IOException {
        final var ends = new ArrayList<Long>();
        for (String line : node.host().check("ip -o link show").lines().toList()) {
            final String[] fields = line.split(":\\s+", 3);
            if (fields.length > 1) {
                final var matcher = WORKLOAD_END.matcher(fields[1].split("@")[0]);
                if (matcher.matches()) {
                    ends.add(Long.parseLong(matcher.group(1)));
                }
            }
        }
        return ends;
    }

    // The anycast gateway on the network's bridge, in the router's namespace or a VRF's.
    private static @Nullable String gateway(final LabNode node, final long vni) throws IOException {
        final String out = node.host().check("for n in '' $(ls /run/netns); do ip ${n:+-n $n} -4 -o addr show dev ovbr"
            + vni + " 2>/dev/null; done | awk '{print $4}' | head -n 1").strip();
        return out.isEmpty() ? null : out;
    }

    @Override
    public void close() {
        closed = true;
        cni.interrupt();
        lab.close();
    }
}
