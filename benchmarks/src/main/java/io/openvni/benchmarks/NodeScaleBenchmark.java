package io.openvni.benchmarks;

import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.render.frr.FrrConfig;
import io.openvni.core.render.frr.FrrRenderer;
import io.openvni.core.render.frr.KernelPlanner;
import io.openvni.southbound.frr.ZebraView;
import io.openvni.southbound.frr.config.OwnedFrr;
import io.openvni.southbound.frr.config.OwnedScope;
import io.openvni.southbound.frr.config.VtyshDiff;
import io.openvni.southbound.frr.kernel.KernelDiff;
import io.openvni.southbound.frr.kernel.KernelState;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The pure work of one pass over a big node router, at several sizes in one run: rendering the intent (FRR config
 * and kernel plan), parsing what a read returns (running config, {@code ip -j -d addr show} of every namespace,
 * zebra's lists) into the owned state, and diffing it with the intent, for a node in sync, a fresh node (everything
 * to create) and a node whose networks all go. Prints the median time of each step, its cost per network and that
 * cost relative to the smallest size (the baseline of the same run: 1.0 means linear), and the bytes allocated.
 * Times are the thread's CPU time, the least of at least {@code repetitions} runs and 3 s of runs after a warm-up
 * (on a machine shared with other work, wall time mostly measures the wait for a core; the median wall time is
 * printed beside it); the allocated bytes do not depend on the load.
 * Asserts nothing. Arguments: sizes (comma-separated network counts, default 100,1000,4000), repetitions (default 7).
 */
public final class NodeScaleBenchmark {
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final FrrRenderer renderer = new FrrRenderer();
    private final KernelPlanner planner = new KernelPlanner();

    /** The owned state a read gives. */
    private record View(FrrConfig frr, KernelState kernel, ZebraView zebra) {
    }

    /** CPU milliseconds (least), wall milliseconds (median), bytes allocated (median), commands or objects made. */
    private record Measure(double millis, double medianWall, long bytes, int changes) {
    }

    private NodeScaleBenchmark() {
    }

    public static void main(final String[] args) {
        final int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "100,1000,4000").split(","))
            .mapToInt(Integer::parseInt).toArray();
        final int reps = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        new NodeScaleBenchmark().run(sizes, reps);
    }

    private void run(final int[] sizes, final int reps) {
        final var empty = SyntheticNode.inSync(0);
        final var results = new LinkedHashMap<Integer, Map<String, Measure>>();
        for (int networks : sizes) {
            final var node = SyntheticNode.inSync(networks);
            final var intent = node.intent;
            final var none = SyntheticNode.intent(0);
            System.out.printf("%n%d networks in %d VRFs: read %.1f MB (running config %.1f MB), %d namespaces%n",
                networks, intent.vrfs().size(), node.readSize() / 1e6, node.runningConfig.length() / 1e6,
                node.namespaces().size());
            final var steps = new LinkedHashMap<String, IntSupplier>();
            steps.put("render (FRR + kernel plan)", () -> {
                final var config = renderer.render(intent);
                return config.stanzas().size() + planner.plan(intent).devices().size();
            });
            steps.put("parse a read", () -> read(node, List.of(renderer.render(intent))).kernel().links().size());
            steps.put("diff, in sync", () -> diff(read(node, List.of(renderer.render(intent))), intent));
            steps.put("diff, fresh node", () -> diff(read(empty, List.of(renderer.render(intent))), intent));
            steps.put("diff, all networks go", () -> diff(read(node, List.of(renderer.render(none),
                renderer.render(intent))), none));
            final var measured = new LinkedHashMap<String, Measure>();
            steps.forEach((name, step) -> {
                final var measure = measure(step, reps);
                measured.put(name, measure);
                System.out.printf("  %-28s %8.1f ms CPU (wall %7.1f) %7.1f us/network %7.1f MB allocated (%d %s)%n",
                    name, measure.millis(), measure.medianWall(), measure.millis() * 1000 / networks,
                    measure.bytes() / 1e6, measure.changes(), name.startsWith("diff") ? "commands" : "objects");
            });
            results.put(networks, measured);
        }
        final int base = sizes[0];
        System.out.printf("%ncost per network relative to %d networks (same run; 1.0 = linear), time | allocation:%n",
            base);
        for (var step : results.get(base).keySet()) {
            final var line = new StringBuilder(String.format("  %-28s", step));
            final var first = results.get(base).get(step);
            for (int networks : sizes) {
                final var measure = results.get(networks).get(step);
                line.append(String.format("  %5d: %5.2f | %4.2f", networks,
                    measure.millis() / networks / (first.millis() / base),
                    (double) measure.bytes() / networks / ((double) first.bytes() / base)));
            }
            System.out.println(line);
        }
    }

    private View read(final SyntheticNode node, final List<FrrConfig> configs) {
        final var kernel = KernelState.parse(node.namespaces(), node.namespaces(), node.rootDevices,
            node.devicesByNamespace);
        final var zebra = ZebraView.parse(node.evpnVnis, node.interfaces, true);
        // as the driver does: an ovvx device makes its VNI OpenVNI's
        final var vnis = new ArrayList<Long>();
        kernel.links().stream().filter(link -> link.name().startsWith("ovvx"))
            .forEach(link -> vnis.add(Long.parseLong(link.name().substring(4))));
        final var scope = OwnedScope.of(configs, vnis);
        return new View(OwnedFrr.fromRunning(node.runningConfig, scope), kernel, zebra);
    }

    private int diff(final View current, final DeviceIntent desired) {
        final var plan = planner.plan(desired);
        final var lacking = current.zebra().devicesLacking(current.kernel(), ZebraView.plannedIpv4(plan));
        final var kernel = KernelDiff.diff(current.kernel(), plan, lacking);
        final var frr = VtyshDiff.diff(current.frr(), OwnedFrr.rendered(renderer.render(desired)));
        int commands = frr.size();
        for (var batch : kernel.before()) {
            commands += batch.commands().size();
        }
        for (var batch : kernel.after()) {
            commands += batch.commands().size();
        }
        return commands;
    }

    private static Measure measure(final IntSupplier step, final int reps) {
        int changes = 0;
        // warm-up: at least 5 runs and 2 s, so that the JIT has compiled what the step uses
        final long warm = System.nanoTime() + 2_000_000_000L;
        for (int i = 0; i < 5 || System.nanoTime() < warm; i++) {
            changes = step.getAsInt();
        }
        final var millis = new ArrayList<Double>();
        final var wall = new ArrayList<Double>();
        final var bytes = new ArrayList<Long>();
        final long until = System.nanoTime() + 3_000_000_000L;
        while (millis.size() < reps || System.nanoTime() < until) {
            final long allocated = THREADS.getCurrentThreadAllocatedBytes();
            final long cpu = THREADS.getCurrentThreadCpuTime();
            final long start = System.nanoTime();
            changes = step.getAsInt();
            wall.add((System.nanoTime() - start) / 1e6);
            millis.add((THREADS.getCurrentThreadCpuTime() - cpu) / 1e6);
            bytes.add(THREADS.getCurrentThreadAllocatedBytes() - allocated);
        }
        millis.sort(null);
        wall.sort(null);
        bytes.sort(null);
        return new Measure(millis.getFirst(), wall.get(wall.size() / 2), bytes.get(bytes.size() / 2), changes);
    }
}
