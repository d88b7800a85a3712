package io.openvni.benchmarks.leaves;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvni.testlib.controller.Credentials;
import io.openvni.testlib.controller.RestconfClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The leaf-scale benchmark against a running controller and running netconf-testtool devices (started by
 * {@code scripts/bench-leaves.sh}): OpenVNI pushes one tenant to N fabric leaves; then the same configuration goes
 * to N other devices without a controller, {@value DirectClient#THREADS} at a time and blind
 * ({@link DirectClient}), and afterwards, on the same devices emptied again, through ODL mount points one device
 * after another ({@link Baseline}). All three are printed with their ratios and the controller's CPU and memory.
 * With {@code --delay-ms} everything reaches the devices through a {@link DelayRelay}.
 */
public final class LeafBench {
    /** Status poll interval; it bounds the resolution of the per-device times. */
    private static final Duration POLL = Duration.ofMillis(50);
    private static final int LISTED_DEVICES = 20;
    /** Where the relays of a latency profile listen: the simulator's port plus this. */
    private static final int RELAY_OFFSET = 10_000;

    private final Options options;
    private final RestconfClient restconf;
    private final Waits waits;
    private final Report report;
    /** Heap after a full GC and RSS of the controller before the benchmark's fabric, MiB; -1 when unknown. */
    private long heapBefore = -1;
    private long rssBefore = -1;

    private LeafBench(final Options options) {
        this.options = options;
        restconf = new RestconfClient(options.restconf, Credentials.RESTCONF_ADMIN);
        waits = new Waits(restconf, POLL);
        report = new Report(options.leaves, options.dialect.fabricName(), options.delayMs == 0 ? "no delay (loopback)"
            : "+" + options.delayMs + " ms each way (relay)");
    }

    public static void main(final String[] args) throws IOException {
        final Options options = Options.parse(args);
        final var bench = new LeafBench(options);
        final boolean baselineDone = bench.run();
        bench.report.print(System.out);
        final List<Path> files = bench.report.write(options.csvPrefix);
        System.out.println();
        files.forEach(file -> System.out.println("  wrote " + file));
        System.exit(baselineDone ? 0 : 1);
    }

    private boolean run() throws IOException {
        // others' builds share the machine: the load beside the numbers tells how quiet it was
        report.put("machine.loadavg-at-start", ProcessStats.loadAverage());
        if (options.controllerPid > 0) {
            heapBefore = ProcessStats.heapLiveMib(options.controllerPid);
            rssBefore = ProcessStats.rssMib(options.controllerPid);
            report.put("controller.heap-after-full-gc-before-fabric-mib", heapBefore);
            report.put("controller.rss-before-fabric-mib", rssBefore);
        }
        final List<String> leaves = Waits.names(options.leaves);
        final var baseline = new Baseline(restconf, options.host, reachable(options.baselinePort), options.leaves,
            options.dialect);
        final DelayRelay relay = relay();
        try {
            openvni(leaves);
            checkFabric("after the OpenVNI run");
            final Map<String, JsonNode> previews;
            try {
                previews = baseline.previews();
            } catch (BenchmarkException e) {
                explain(e);
                report.note("no baselines: " + e.getMessage());
                return false;
            }
            direct(previews);
            final boolean done = sequential(baseline, previews);
            checkFabric("after the baselines");
            return done;
        } finally {
            report.put("machine.loadavg-at-end", ProcessStats.loadAverage());
            if (options.cleanup) {
                restconf.delete(RestconfClient.DATA + "openvni-tenant:tenants/tenant=" + Payloads.TENANT);
                restconf.delete(RestconfClient.DATA + "openvni-fabric:fabric");
                baseline.unmount();
            }
            // after the mounts are gone, so that they do not start reconnecting
            if (relay != null) {
                relay.close();
            }
        }
    }

    /** With a latency profile, a delaying relay in front of every simulator port; else none. */
    private @Nullable DelayRelay relay() throws IOException {
        if (options.delayMs == 0) {
            return null;
        }
        final var relay = new DelayRelay(Duration.ofMillis(options.delayMs));
        try {
            for (int port = options.firstPort; port < options.baselinePort + options.leaves; port++) {
                relay.relay(reachable(port), port);
            }
        } catch (IOException e) {
            relay.close();
            throw new IOException("cannot listen for the latency profile's relays (ports " + reachable(options.firstPort)
                + ".." + reachable(options.baselinePort + options.leaves - 1) + "): " + e.getMessage(), e);
        }
        return relay;
    }

    /** Where the controller and the clients reach a simulator port: through its relay in a latency profile. */
    private int reachable(final int simulatorPort) {
        return options.delayMs == 0 ? simulatorPort : simulatorPort + RELAY_OFFSET;
    }

    /** The OpenVNI run; a device that never gets in sync is reported, and the baseline still runs. */
    private void openvni(final List<String> leaves) {
        // tenants left from an earlier run may name leaves of another fabric
        restconf.delete(RestconfClient.DATA + "openvni-tenant:tenants");
        final long fabricStart = System.nanoTime();
        final var fabric = restconf.put(RestconfClient.DATA + "openvni-fabric:fabric",
            Payloads.fabric(options.host, reachable(options.firstPort), options.leaves, options.dialect));
        if (fabric.status() / 100 != 2) {
            throw new IllegalStateException("fabric PUT refused: " + fabric);
        }
        boolean synced = false;
        try {
            waits.untilConnected(leaves, options.timeout, "fabric leaves");
            report.put("setup.fabric-put-to-all-connected-s", seconds(System.nanoTime() - fabricStart));
            waits.untilInSync(leaves, (name, status) -> status.inSync(), options.timeout,
                "initial sync (empty devices)");
            report.put("setup.fabric-put-to-all-in-sync-s", seconds(System.nanoTime() - fabricStart));
            synced = true;
        } catch (BenchmarkException e) {
            explain(e);
        }

        final Map<String, Long> before = new HashMap<>();
        DeviceStatus.read(restconf).forEach((name, status) -> before.put(name, status.desired()));
        final double cpuBefore = ProcessStats.cpuSeconds(options.controllerPid);
        final var tenant = restconf.put(RestconfClient.DATA + "openvni-tenant:tenants/tenant=" + Payloads.TENANT,
            Payloads.tenant());
        final long answered = System.nanoTime();
        if (tenant.status() / 100 != 2) {
            throw new IllegalStateException("tenant PUT refused: " + tenant);
        }
        if (!synced) {
            report.note("OpenVNI push not measured: the devices never got in sync with the empty configuration");
            controllerMemory();
            return;
        }
        try {
            // a device is done when it is in sync at a generation newer than before the tenant
            final Map<String, Long> done = waits.untilInSync(leaves, (name, status) ->
                status.desired() > before.getOrDefault(name, 0L) && status.inSync(), options.timeout,
                "tenant push");
            final var millis = new LinkedHashMap<String, Double>();
            leaves.forEach(leaf -> millis.put(leaf, (done.get(leaf) - answered) / 1e6));
            final long last = done.values().stream().mapToLong(Long::longValue).max().orElse(answered);
            report.controllerCpu(Report.Run.OPENVNI, ProcessStats.cpuSeconds(options.controllerPid) - cpuBefore);
            report.run(Report.Run.OPENVNI, millis, (last - answered) / 1e6);
        } catch (BenchmarkException e) {
            explain(e);
            report.note("OpenVNI push not measured: " + e.getMessage());
        }
        controllerMemory();
    }

    /** With N leaves mounted and the tenant applied (or not, when the push failed), before the baselines. */
    private void controllerMemory() {
        if (options.controllerPid > 0) {
            report.put("controller.heap-used-mib", ProcessStats.heapUsedMib(options.controllerPid));
            final long rss = ProcessStats.rssMib(options.controllerPid);
            final long heap = ProcessStats.heapLiveMib(options.controllerPid);
            report.put("controller.rss-mib", rss);
            report.put("controller.heap-after-full-gc-mib", heap);
            if (heapBefore >= 0 && heap >= 0) {
                report.put("controller.heap-after-full-gc-per-device-kib", (heap - heapBefore) * 1024 / options.leaves);
            }
            if (rssBefore >= 0 && rss >= 0) {
                report.put("controller.rss-per-device-kib", (rss - rssBefore) * 1024 / options.leaves);
            }
        }
    }

    /** The blind parallel client on the baseline's devices, which it empties again afterwards. */
    private void direct(final Map<String, JsonNode> previews) {
        try {
            final var client = new DirectClient(options.python, options.csvPrefix.resolveSibling(
                options.csvPrefix.getFileName() + "-direct"), options.host, options.yangDir, options.timeout);
            final String missing = client.missingPrerequisite();
            if (missing != null) {
                report.note("direct client not measured: " + missing);
                return;
            }
            final var devices = DirectClient.devices("direct-", reachable(options.baselinePort), previews);
            final var pushed = client.push(devices);
            report.run(Report.Run.DIRECT, pushed.millis(), pushed.total().toNanos() / 1e6);
            report.put("direct.client-cpu-ms-per-device", Report.format(pushed.cpuSeconds() * 1000 / devices.size()));
            report.put("direct.connect-p50-ms", Report.format(Report.percentile(pushed.connectMillis().values(), 50)));
            failures("direct client push", pushed.failures());
            // untimed: the mount-point baseline starts from empty devices, as the other two did
            failures("direct client removal", client.remove(devices).failures());
        } catch (BenchmarkException | IOException e) {
            System.out.println(e.getMessage());
            report.note("direct client not measured: " + e.getMessage());
        }
    }

    private void failures(final String what, final Map<String, String> failures) {
        if (!failures.isEmpty()) {
            final var first = failures.entrySet().iterator().next();
            report.note(what + ": " + failures.size() + " devices failed, " + first.getKey() + ": " + first.getValue());
        }
    }

    private boolean sequential(final Baseline baseline, final Map<String, JsonNode> previews) {
        try {
            final long start = System.nanoTime();
            baseline.mount();
            waits.untilConnected(baseline.nodes(), options.timeout, "baseline mounts");
            report.put("setup.baseline-mounts-connected-s", seconds(System.nanoTime() - start));
            final double cpuBefore = ProcessStats.cpuSeconds(options.controllerPid);
            final var result = baseline.push(previews);
            report.controllerCpu(Report.Run.SEQUENTIAL, ProcessStats.cpuSeconds(options.controllerPid) - cpuBefore);
            report.run(Report.Run.SEQUENTIAL, result.millis(), result.total().toNanos() / 1e6);
            report.edits(result.editsPerDevice());
            final boolean first = baseline.verify(1, previews.get(Payloads.leafName(1)));
            final boolean last = baseline.verify(options.leaves, previews.get(Payloads.leafName(options.leaves)));
            report.put("sequential.read-back-first-and-last", first && last ? "ok" : "MISSING");
            if (options.controllerPid > 0) {
                report.put("controller.rss-after-baseline-mib", ProcessStats.rssMib(options.controllerPid));
            }
            return true;
        } catch (BenchmarkException e) {
            explain(e);
            report.note("sequential baseline not measured: " + e.getMessage());
            return false;
        }
    }

    /**
     * The controller's ports are fixed, so a test elsewhere on the machine may talk to this controller and replace
     * the benchmark's fabric; say so loudly instead of printing numbers of some other run.
     */
    private void checkFabric(final String when) {
        final var response = restconf.get(RestconfClient.DATA + "openvni-fabric:fabric?fields=leaf-switch(name)");
        if (response.status() != 200) {
            report.note("could not check the fabric " + when + ": " + response);
            return;
        }
        final int found = response.json().path("openvni-fabric:fabric").path("leaf-switch").size();
        if (found != options.leaves) {
            final String text = "INVALID RUN: " + when + " the fabric has " + found + " leaf switches, not the "
                + options.leaves + " the benchmark wrote: another client changed this controller's data";
            System.out.println(text);
            report.note(text);
            report.put("invalid", when);
        }
    }

    private static void explain(final BenchmarkException failure) {
        System.out.println(failure.getMessage());
        final var devices = failure.devices();
        devices.entrySet().stream().limit(LISTED_DEVICES)
            .forEach(entry -> System.out.println("  " + entry.getKey() + ": " + entry.getValue()));
        if (devices.size() > LISTED_DEVICES) {
            // the rest, by state, so a common cause shows at a glance
            final var byState = devices.values().stream().skip(LISTED_DEVICES)
                .collect(Collectors.groupingBy(state -> state, Collectors.counting()));
            byState.forEach((state, count) -> System.out.println("  ... and " + count + " more: " + state));
        }
    }

    private static String seconds(final long nanos) {
        return Report.format(nanos / 1e9);
    }

    /** Command-line options; scripts/bench-leaves.sh passes them all. */
    private record Options(int leaves, URI restconf, String host, int firstPort, int baselinePort,
            long controllerPid, Path csvPrefix, Duration timeout, boolean cleanup, int delayMs, Path yangDir,
            String python, LeafDialect dialect) {
        static Options parse(final String[] args) {
            final var values = new HashMap<String, String>();
            boolean cleanup = false;
            for (int i = 0; i < args.length; i++) {
                if ("--cleanup".equals(args[i])) {
                    cleanup = true;
                } else if (args[i].startsWith("--") && i + 1 < args.length) {
                    values.put(args[i].substring(2), args[++i]);
                } else {
                    throw new IllegalArgumentException("unknown argument: " + args[i]);
                }
            }
            final int leaves = Integer.parseInt(values.getOrDefault("leaves", "10"));
            final int firstPort = Integer.parseInt(values.getOrDefault("first-port", "17830"));
            return new Options(leaves, URI.create(values.getOrDefault("restconf", "http://127.0.0.1:8181")),
                values.getOrDefault("host", "127.0.0.1"), firstPort,
                Integer.parseInt(values.getOrDefault("baseline-port", Integer.toString(firstPort + leaves))),
                Long.parseLong(values.getOrDefault("controller-pid", "0")),
                Path.of(values.getOrDefault("csv", "benchmarks/target/bench-leaves")),
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("timeout", Integer.toString(60 + leaves)))),
                cleanup, Integer.parseInt(values.getOrDefault("delay-ms", "0")),
                Path.of(values.getOrDefault("yang", "../shared/yang/openconfig-testtool")),
                values.getOrDefault("python", "/usr/bin/python3"),
                LeafDialect.of(values.getOrDefault("dialect", "openconfig")));
        }
    }
}
