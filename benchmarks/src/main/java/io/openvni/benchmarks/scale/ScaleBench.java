package io.openvni.benchmarks.scale;

import io.openvni.benchmarks.BenchArgs;
import io.openvni.benchmarks.leaves.BenchmarkException;
import io.openvni.benchmarks.leaves.DeviceStatus;
import io.openvni.benchmarks.leaves.HeapSampler;
import io.openvni.benchmarks.leaves.Payloads;
import io.openvni.benchmarks.leaves.ProcessStats;
import io.openvni.benchmarks.leaves.Waits;
import io.openvni.testlib.controller.Credentials;
import io.openvni.testlib.controller.RestconfClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Tenant size against one device (started by {@code scripts/bench-scale.sh}): for each target (a netconfd leaf, a
 * netconf-testtool leaf, an FRR node router), alone in the fabric, and each size, one tenant with that many routed
 * networks is PUT and timed until the device is in sync, with the controller's CPU and heap meanwhile; then the
 * tenant is deleted and that is timed too. Prints a table and writes a CSV; asserts nothing, exits 1 when a push
 * did not converge.
 */
public final class ScaleBench {
    private static final String FABRIC = RestconfClient.DATA + "openvni-fabric:fabric";
    private static final String TENANTS = RestconfClient.DATA + "openvni-tenant:tenants";
    private static final String TENANT = TENANTS + "/tenant=" + Payloads.TENANT;
    private static final Duration POLL = Duration.ofMillis(50);

    private final Options options;
    private final RestconfClient restconf;
    private final Waits waits;
    private final ScaleReport report = new ScaleReport();

    private ScaleBench(final Options options) {
        this.options = options;
        restconf = new RestconfClient(options.restconf(), Credentials.RESTCONF_ADMIN);
        waits = new Waits(restconf, POLL);
    }

    public static void main(final String[] args) throws Exception {
        final var bench = new ScaleBench(Options.parse(args));
        bench.report.note("machine load average at start: " + ProcessStats.loadAverage());
        boolean converged = true;
        for (String kind : bench.options.targets()) {
            converged &= bench.target(kind);
        }
        bench.report.note("machine load average at end: " + ProcessStats.loadAverage());
        bench.report.print(System.out);
        bench.report.write(bench.options.csv());
        System.out.println("  wrote " + bench.options.csv());
        System.exit(converged ? 0 : 1);
    }

    /** Every size on one target; false when one of them did not converge. */
    private boolean target(final String kind) throws IOException, InterruptedException {
        System.out.println("[scale] " + kind + ": starting");
        final ScaleTarget started;
        try {
            started = start(kind);
        } catch (IOException e) {
            System.out.println("[scale] " + kind + " did not start: " + e.getMessage());
            report.note(kind + " not measured, it did not start: " + e.getMessage());
            return false;
        }
        try (ScaleTarget target = started) {
            restconf.delete(TENANTS);
            expect2xx(restconf.put(FABRIC, target.fabric()), "fabric PUT");
            try {
                waits.untilInSync(List.of(target.device()), (name, status) -> status.inSync(),
                    Duration.ofMinutes(5), kind + " in sync with the empty configuration");
            } catch (BenchmarkException e) {
                report.note(kind + " not measured: " + e.getMessage() + " " + e.devices());
                return false;
            }
            boolean converged = true;
            if (options.vrfs() > 1) {
                report.note(kind + ": the networks spread over up to " + options.vrfs() + " VRFs, not one");
            }
            for (int networks : options.networks()) {
                converged &= size(target, networks);
            }
            restconf.delete(TENANTS);
            restconf.delete(FABRIC);
            return converged;
        }
    }

    private ScaleTarget start(final String kind) throws IOException, InterruptedException {
        return switch (kind) {
            case "netconfd" -> ScaleTarget.netconfd();
            case "testtool" -> ScaleTarget.testtool(options.host(), options.testtoolPort());
            case "frr" -> ScaleTarget.frr();
            default -> throw new IllegalArgumentException("unknown target " + kind + "; one of " + ScaleTarget.KINDS);
        };
    }

    private boolean size(final ScaleTarget target, final int networks) throws IOException {
        final long pid = options.controllerPid();
        final String device = target.device();
        final long heapBefore = pid > 0 ? ProcessStats.heapLiveMib(pid) : -1;
        final Duration configured = options.timeout();
        final Duration timeout = configured != null ? configured : Duration.ofSeconds(120 + networks / 5);
        final long before = desired(device);
        final double cpuBefore = ProcessStats.cpuSeconds(pid);
        final double deviceCpuBefore = ProcessStats.cpuSecondsWithChildren(target.processes().get());
        final long start;
        final long answered;
        final long inSync;
        final long peak;
        final boolean accepted;
        String outcome = "ok";
        try (HeapSampler heap = HeapSampler.start(pid)) {
            start = System.nanoTime();
            final var response = restconf.put(TENANT, Payloads.tenant(networks, Math.min(networks, options.vrfs())));
            answered = System.nanoTime();
            accepted = response.status() / 100 == 2;
            if (accepted) {
                inSync = await(device, before, timeout, networks + " networks");
            } else {
                inSync = -1;
                outcome = "tenant PUT refused: " + response;
            }
            peak = heap.peakMib();
        }
        final double cpu = ProcessStats.cpuSeconds(pid) - cpuBefore;
        final double deviceCpu = ProcessStats.cpuSecondsWithChildren(target.processes().get()) - deviceCpuBefore;
        if (inSync < 0 && "ok".equals(outcome)) {
            outcome = "not in sync within " + timeout.toSeconds() + " s: " + DeviceStatus.read(restconf).get(device);
        }
        final long heapAfter = pid > 0 ? ProcessStats.heapLiveMib(pid) : -1;

        final long removalStart = System.nanoTime();
        final long beforeRemoval = desired(device);
        // a refused PUT stored nothing: there is nothing to remove, and no new generation to wait for
        final long removed = accepted ? remove(device, beforeRemoval, timeout, networks) : -1;
        final var row = new ScaleReport.Row(target.kind(), networks, (answered - start) / 1e6,
            inSync < 0 ? Double.NaN : (inSync - start) / 1e6, cpu, deviceCpu, peak, heapBefore, heapAfter,
            removed < 0 ? Double.NaN : (removed - removalStart) / 1e6, outcome);
        System.out.println("[scale] " + row);
        report.add(row);
        return inSync >= 0 && removed >= 0;
    }

    private long remove(final String device, final long before, final Duration timeout, final int networks) {
        final var response = restconf.delete(TENANT);
        if (response.status() / 100 != 2) {
            report.note("tenant DELETE of " + networks + " networks refused: " + response);
            return -1;
        }
        return await(device, before, timeout, "removing " + networks + " networks");
    }

    /** When the device was first seen in sync at a desired generation above {@code before}, or -1 on timeout. */
    private long await(final String device, final long before, final Duration timeout, final String what) {
        try {
            return waits.untilInSync(List.of(device), (name, status) -> status.inSync() && status.desired() > before,
                timeout, what).get(device);
        } catch (BenchmarkException e) {
            System.out.println("[scale] " + e.getMessage() + " " + e.devices());
            report.note(e.getMessage() + " " + e.devices());
            return -1;
        }
    }

    private long desired(final String device) {
        final DeviceStatus status = DeviceStatus.read(restconf).get(device);
        return status == null ? 0 : status.desired();
    }

    private static void expect2xx(final RestconfClient.Response response, final String what) throws IOException {
        if (response.status() / 100 != 2) {
            throw new IOException(what + " refused: " + response);
        }
    }

    /**
     * Command-line options; scripts/bench-scale.sh passes them.
     *
     * @param vrfs how many VRFs the networks are spread over (at most one per network)
     * @param timeout per push and removal; null: 120 s plus 1 s per 5 networks
     */
    private record Options(List<String> targets, List<Integer> networks, int vrfs, URI restconf, String host,
            int testtoolPort, long controllerPid, Path csv, @Nullable Duration timeout) {
        static Options parse(final String[] args) {
            final Map<String, String> values = BenchArgs.pairs(args);
            final String timeout = values.get("timeout");
            return new Options(List.of(values.getOrDefault("targets", String.join(",", ScaleTarget.KINDS)).split(",")),
                Arrays.stream(values.getOrDefault("networks", "100,1000,4000").split(",")).map(Integer::valueOf)
                    .toList(),
                Integer.parseInt(values.getOrDefault("vrfs", "1")),
                URI.create(values.getOrDefault("restconf", "http://127.0.0.1:8181")),
                values.getOrDefault("host", "127.0.0.1"),
                Integer.parseInt(values.getOrDefault("testtool-port", "17830")),
                Long.parseLong(values.getOrDefault("controller-pid", "0")),
                Path.of(values.getOrDefault("csv", "benchmarks/target/bench-scale.csv")),
                timeout == null ? null : Duration.ofSeconds(Long.parseLong(timeout)));
        }
    }
}
