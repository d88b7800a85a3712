package io.openvni.benchmarks.nodes;

import io.openvni.benchmarks.BenchArgs;
import io.openvni.benchmarks.leaves.BenchmarkException;
import io.openvni.benchmarks.leaves.DeviceStatus;
import io.openvni.benchmarks.leaves.ProcessStats;
import io.openvni.benchmarks.leaves.Waits;
import io.openvni.testlib.controller.Credentials;
import io.openvni.testlib.controller.RestconfClient;
import io.openvni.testlib.nodes.LabFabric;
import io.openvni.testlib.nodes.NodeLab;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Issue 4's benchmark, against a running controller (started by {@code scripts/bench-node-traffic.sh}): the time from
 * a RESTCONF write to traffic flowing for a new network on two node routers of a {@link NodeLab}, round after round,
 * each round followed by what a script-based tool without a controller does for the same kind of network
 * ({@link ScriptBaseline}). The tenant keeps a base network on both nodes throughout, so that its VRF (namespace,
 * L3 VNI, BGP instance) exists before the rounds and every round adds just one L2 VNI on both sides. Prints a table
 * and writes a CSV; asserts nothing, and exits 1 only when a round never converged.
 */
public final class NodeTrafficBench {
    static final List<String> NODES = List.of("node1", "node2");
    private static final String FABRIC = RestconfClient.DATA + "openvni-fabric:fabric";
    private static final String TENANT = RestconfClient.DATA + "openvni-tenant:tenants/tenant=acme";
    private static final long L3VNI = 50900;
    private static final Segment BASE = new Segment("base", 11000, "10.200.0");
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration LAB_WAIT = Duration.ofMinutes(15);

    /**
     * What both sides share: the lab, the controller, the phase timeout.
     *
     * @param restconf the controller's RESTCONF
     * @param waits status polling on it
     */
    record Setup(NodeLab lab, RestconfClient restconf, Waits waits, Duration timeout) {
        long baseVni() {
            return BASE.vni();
        }

        /** The tenant VRF's namespace on the nodes (zebra {@code -n}), where OpenVNI and the baseline put devices. */
        String vrfNamespace() {
            return "ovrf" + L3VNI;
        }

        /** PUTs tenant acme: VRF red, the base network and the given ones. */
        void putTenant(final Segment... more) throws IOException {
            final var networks = Stream.concat(Stream.of(BASE), Stream.of(more)).map(Segment::network)
                .toArray(LabFabric.Network[]::new);
            final var response = restconf.put(TENANT, LabFabric.tenant(L3VNI, networks));
            if (response.status() / 100 != 2) {
                throw new IOException("tenant PUT refused: " + response);
            }
        }
    }

    private NodeTrafficBench() {
        // main only
    }

    public static void main(final String[] args) throws Exception {
        final var options = Options.parse(args);
        final var restconf = new RestconfClient(options.restconf(), Credentials.RESTCONF_ADMIN);
        final var report = new TrafficReport();
        report.note("machine load average at start: " + ProcessStats.loadAverage());
        boolean converged;
        try (NodeLab lab = startLab(2); var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            final var setup = new Setup(lab, restconf, new Waits(restconf, POLL), options.timeout());
            try {
                prepare(setup);
                converged = rounds(setup, options.rounds(), threads, report);
            } finally {
                // while the nodes still exist: the controller then has nothing left to reach
                restconf.delete(TENANT);
                restconf.delete(FABRIC);
            }
        }
        report.note("machine load average at end: " + ProcessStats.loadAverage());
        report.print(System.out);
        report.write(options.csv());
        System.out.println("  wrote " + options.csv());
        System.exit(converged ? 0 : 1);
    }

    private static boolean rounds(final Setup setup, final int count, final ExecutorService threads,
            final TrafficReport report) throws IOException {
        final var openvni = new OpenVniRound(setup, threads);
        final var baseline = new ScriptBaseline(setup);
        boolean converged = true;
        for (int round = 1; round <= count; round++) {
            final var ov = openvni.run(round, new Segment("r" + round, 12000 + round, "10.201." + round));
            final var base = baseline(baseline, round, report);
            System.out.printf("round %d: OpenVNI %s%n         baseline %s%n", round, ov, base);
            report.add(new TrafficReport.Round(round, ov, base));
            converged &= ov.converged() && base.converged();
        }
        return converged;
    }

    private static ScriptBaseline.Times baseline(final ScriptBaseline baseline, final int round,
            final TrafficReport report) {
        try {
            return baseline.run(round, new Segment("b" + round, 13000 + round, "10.202." + round));
        } catch (IOException e) {
            System.out.println("round " + round + ": the baseline failed: " + e.getMessage());
            report.note("round " + round + ": the baseline failed: " + e.getMessage());
            return new ScriptBaseline.Times(Double.NaN, Double.NaN, Double.NaN);
        }
    }

    /** The lab fabric, leaving drift alone, and the tenant with its base network, both in sync on both nodes. */
    private static void prepare(final Setup setup) throws IOException, BenchmarkException {
        final var restconf = setup.restconf();
        // tenants of an earlier run could name devices of another fabric
        restconf.delete(RestconfClient.DATA + "openvni-tenant:tenants");
        final var fabric = restconf.put(FABRIC, LabFabric.fabric(setup.lab(), 3600, false));
        if (fabric.status() / 100 != 2) {
            throw new IOException("fabric PUT refused: " + fabric);
        }
        setup.waits().untilInSync(NODES, (name, status) -> status.inSync(), setup.timeout(), "fabric");
        final var before = new HashMap<String, Long>();
        DeviceStatus.read(restconf).forEach((name, s) -> before.put(name, s.desired()));
        setup.putTenant();
        setup.waits().untilInSync(NODES, (name, status) -> status.inSync()
            && status.desired() > before.getOrDefault(name, 0L), setup.timeout(), "tenant with the base network");
    }

    /**
     * Starts a lab of {@code nodes} nodes (node1 with FRR's gRPC module where it can be had), waiting while another
     * user's lab holds the management net (tests running meanwhile).
     */
    public static NodeLab startLab(final int nodes) throws IOException, InterruptedException {
        final long deadline = System.nanoTime() + LAB_WAIT.toNanos();
        while (true) {
            try {
                return NodeLab.start(nodes, NodeLab.grpcModule());
            } catch (IOException e) {
                if (!e.getMessage().contains("another lab holds") || System.nanoTime() > deadline) {
                    throw e;
                }
                System.out.println("[node-bench] another lab holds the management net; retrying in 10 s");
                Thread.sleep(Duration.ofSeconds(10));
            }
        }
    }

    /** Command-line options: {@code --rounds N --timeout SECONDS --restconf URI --csv FILE}. */
    private record Options(int rounds, Duration timeout, URI restconf, Path csv) {
        static Options parse(final String[] args) {
            final Map<String, String> values = BenchArgs.pairs(args);
            return new Options(Integer.parseInt(values.getOrDefault("rounds", "5")),
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("timeout", "90"))),
                URI.create(values.getOrDefault("restconf", "http://127.0.0.1:8181")),
                Path.of(values.getOrDefault("csv", "benchmarks/target/bench-node-traffic.csv")));
        }
    }
}
