package io.openvni.benchmarks.nodes;

import io.openvni.benchmarks.BenchArgs;
import io.openvni.benchmarks.leaves.BenchmarkException;
import io.openvni.benchmarks.leaves.DeviceStatus;
import io.openvni.benchmarks.leaves.ProcessStats;
import io.openvni.benchmarks.leaves.Waits;
import io.openvni.testlib.controller.Credentials;
import io.openvni.testlib.controller.RestconfClient;
import io.openvni.testlib.nodes.LabFabric;
import io.openvni.testlib.nodes.LabNode;
import io.openvni.testlib.nodes.NodeLab;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Issue 8's fleet benchmark, against a running controller (started by {@code scripts/bench-node-fleet.sh}): N node
 * routers of a {@link NodeLab} (real FRR 8.4 and sshd each, behind one eBGP spine) put into a fabric at once, then
 * a small tenant (one VRF, two routed networks) on all of them. Prints how long the controller takes to bring every
 * node in sync, per node and in total, what the fleet costs the controller (heap after a full GC and RSS, against
 * before the fabric) and the nodes (zebra, bgpd and sshd resident sets), and where the limit is. Asserts nothing;
 * exits 1 only when the nodes never got in sync.
 */
public final class NodeFleetBench {
    private static final String FABRIC = RestconfClient.DATA + "openvni-fabric:fabric";
    private static final String TENANTS = RestconfClient.DATA + "openvni-tenant:tenants";
    private static final String TENANT = TENANTS + "/tenant=acme";
    private static final long L3VNI = 50950;
    private static final Duration POLL = Duration.ofMillis(100);
    /** Devices the controller works on at once (DeviceReconciliation.WORKERS). */
    private static final int CONTROLLER_WORKERS = 32;

    private NodeFleetBench() {
        // main only
    }

    public static void main(final String[] args) throws Exception {
        final var options = Options.parse(args);
        final var restconf = new RestconfClient(options.restconf(), Credentials.RESTCONF_ADMIN);
        final long controller = options.controllerPid();
        final var lines = new ArrayList<String>();
        lines.add("machine load average at start: " + ProcessStats.loadAverage());
        boolean converged = true;
        try (NodeLab lab = NodeTrafficBench.startLab(options.nodes())) {
            final List<String> names = lab.nodes().stream().map(LabNode::name).toList();
            restconf.delete(TENANTS);
            restconf.delete(FABRIC);
            final var idle = FrrMemory.of(lab);
            final long heapBefore = ProcessStats.heapLiveMib(controller);
            final long rssBefore = ProcessStats.rssMib(controller);
            final double cpuBefore = ProcessStats.cpuSeconds(controller);
            try {
                final var waits = new Waits(restconf, POLL);
                final long fabricPut = System.nanoTime();
                expect(restconf.put(FABRIC, LabFabric.fabric(lab, 3600, false)), "fabric PUT");
                final double fabricAnswer = seconds(fabricPut, System.nanoTime());
                final var connected = waits.untilInSync(names, (name, status) -> status.inSync(),
                    options.timeout(), "fabric");
                lines.add(String.format(Locale.ROOT, "fabric of %d node routers, PUT answered in %.2f s; node in"
                    + " sync (connected, read, nothing to write) %s", names.size(), fabricAnswer,
                    spread(fabricPut, connected)));

                final var before = new HashMap<String, Long>();
                DeviceStatus.read(restconf).forEach((name, status) -> before.put(name, status.desired()));
                final String[] all = names.toArray(String[]::new);
                final long tenantPut = System.nanoTime();
                expect(restconf.put(TENANT, LabFabric.tenant(L3VNI,
                    new LabFabric.Network("web", 10950, "10.95.0.0/24", "10.95.0.1/24", all),
                    new LabFabric.Network("db", 10951, "10.95.1.0/24", "10.95.1.1/24", all))), "tenant PUT");
                final var tenant = waits.untilInSync(names, (name, status) -> status.inSync()
                    && status.desired() > before.getOrDefault(name, 0L), options.timeout(), "tenant");
                lines.add("tenant (1 VRF, 2 routed networks on every node): node in sync " + spread(tenantPut,
                    tenant));
                final double cpu = ProcessStats.cpuSeconds(controller) - cpuBefore;

                final long heapAfter = ProcessStats.heapLiveMib(controller);
                final long rssAfter = ProcessStats.rssMib(controller);
                final var busy = FrrMemory.of(lab);
                final int n = names.size();
                lines.add(String.format(Locale.ROOT, "controller: heap after full GC %d -> %d MiB (%.0f KiB per"
                    + " node), RSS %d -> %d MiB (%.0f KiB per node), CPU %.1f s (%.0f ms per node) from the fabric"
                    + " PUT to the tenant in sync", heapBefore, heapAfter, perNodeKib(heapAfter - heapBefore, n),
                    rssBefore, rssAfter, perNodeKib(rssAfter - rssBefore, n), cpu, cpu * 1000 / n));
                lines.add("FRR per node, idle before the fabric: " + idle.describe());
                lines.add("FRR per node, with the tenant and the controller's sessions: " + busy.describe());
                lines.addAll(limits(n, seconds(fabricPut, max(connected)), seconds(tenantPut, max(tenant)),
                    (rssAfter - rssBefore) * 1024.0 / n, busy.totalKib() / n, cpu / n));
            } catch (BenchmarkException e) {
                converged = false;
                lines.add(e.getMessage() + ": " + new TreeMap<>(e.devices()));
            } finally {
                // while the nodes still exist: the controller then has nothing left to reach
                restconf.delete(TENANT);
                restconf.delete(FABRIC);
            }
        }
        lines.add("machine load average at end: " + ProcessStats.loadAverage());
        System.out.println();
        System.out.println("Node fleet, " + options.nodes() + " node routers:");
        lines.forEach(line -> System.out.println("  " + line));
        System.exit(converged ? 0 : 1);
    }

    /** What the measured costs per node allow on this machine, and which runs out first. */
    private static List<String> limits(final int nodes, final double fabricSeconds, final double tenantSeconds,
            final double controllerKib, final double frrKib, final double cpuSeconds) throws IOException {
        final var lines = new ArrayList<String>();
        final double memTotalKib = memTotalKib();
        final double perNode = Math.max(1, controllerKib) + frrKib;
        lines.add(String.format(Locale.ROOT, "limit by memory: %.0f KiB per node (controller %.0f + FRR, sshd %.0f)"
            + " -> %.0f nodes in this machine's %.1f GiB (the lab's nodes live here too; a real node's FRR does"
            + " not)", perNode, controllerKib, frrKib, memTotalKib / perNode, memTotalKib / 1024 / 1024));
        lines.add(String.format(Locale.ROOT, "limit by time: %.2f s from the fabric PUT until all %d nodes were"
            + " in sync, %.2f s for the tenant (%.0f ms and %.0f ms per node); the controller spent %.0f ms of CPU"
            + " per node on both and works on %d nodes at once, so on this machine's %d cores it brings about"
            + " %.0f nodes per second into sync", fabricSeconds, nodes, tenantSeconds, fabricSeconds * 1000 / nodes,
            tenantSeconds * 1000 / nodes, cpuSeconds * 1000, CONTROLLER_WORKERS,
            Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors() / cpuSeconds));
        return lines;
    }

    private static double memTotalKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                return Double.parseDouble(line.replaceAll("\\D+", ""));
            }
        }
        return Double.NaN;
    }

    private static void expect(final RestconfClient.Response response, final String what) throws IOException {
        if (response.status() / 100 != 2) {
            throw new IOException(what + " refused: " + response);
        }
    }

    private static double perNodeKib(final long mib, final int nodes) {
        return mib * 1024.0 / nodes;
    }

    private static long max(final Map<String, Long> times) {
        return times.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    }

    private static double seconds(final long from, final long to) {
        return (to - from) / 1e9;
    }

    /** p50, p99 and the last of the per-node times after {@code start}. */
    private static String spread(final long start, final Map<String, Long> done) {
        final double[] sorted = done.values().stream().mapToDouble(time -> seconds(start, time)).sorted().toArray();
        return String.format(Locale.ROOT, "p50 %.2f s, p99 %.2f s, all %.2f s", percentile(sorted, 50),
            percentile(sorted, 99), sorted[sorted.length - 1]);
    }

    private static double percentile(final double[] sorted, final int percent) {
        final int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** The resident sets of the lab nodes' zebra, bgpd and sshd processes (the spine's are not counted). */
    private record FrrMemory(int nodes, long zebraKib, long bgpdKib, long sshdKib, int sshdProcesses) {
        static FrrMemory of(final NodeLab lab) {
            long zebra = 0;
            long bgpd = 0;
            long sshd = 0;
            int sshds = 0;
            for (LabNode node : lab.nodes()) {
                for (ProcessHandle process : node.host().processes()) {
                    final String command = process.info().command().orElse("");
                    final long rss = Math.max(0, ProcessStats.rssKib(process.pid()));
                    if (command.endsWith("/zebra")) {
                        zebra += rss;
                    } else if (command.endsWith("/bgpd")) {
                        bgpd += rss;
                    } else if (command.endsWith("/sshd") || command.contains("sshd")) {
                        sshd += rss;
                        sshds++;
                    }
                }
            }
            return new FrrMemory(lab.nodes().size(), zebra, bgpd, sshd, sshds);
        }

        long totalKib() {
            return zebraKib + bgpdKib + sshdKib;
        }

        String describe() {
            return String.format(Locale.ROOT, "zebra %d KiB + bgpd %d KiB = %d KiB; sshd %d KiB (%.1f processes)",
                zebraKib / nodes, bgpdKib / nodes, (zebraKib + bgpdKib) / nodes, sshdKib / nodes,
                (double) sshdProcesses / nodes);
        }
    }

    /** Command-line options: {@code --nodes N --timeout SECONDS --restconf URI --controller-pid PID}. */
    private record Options(int nodes, Duration timeout, URI restconf, long controllerPid) {
        static Options parse(final String[] args) {
            final Map<String, String> values = BenchArgs.pairs(args);
            final int nodes = Integer.parseInt(values.getOrDefault("nodes", "25"));
            if (nodes < 1 || nodes > 100) {
                throw new IllegalArgumentException("--nodes takes 1..100 (the lab's management /24 holds 127)");
            }
            return new Options(nodes, Duration.ofSeconds(Long.parseLong(values.getOrDefault("timeout",
                Integer.toString(60 + 3 * nodes)))), URI.create(values.getOrDefault("restconf",
                "http://127.0.0.1:8181")), Long.parseLong(values.getOrDefault("controller-pid", "0")));
        }
    }
}
