package io.openvni.benchmarks;

import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.compile.EvpnSegment;
import io.openvni.core.render.frr.FrrRenderer;
import io.openvni.southbound.frr.FrrNode;
import io.openvni.southbound.frr.FrrNodeDriver;
import io.openvni.southbound.frr.FrrNodeSettings;
import io.openvni.southbound.frr.NodeChange;
import io.openvni.southbound.frr.NodeIntents;
import io.openvni.southbound.frr.NodeState;
import io.openvni.southbound.frr.config.VtyshOutput;
import io.openvni.southbound.spi.ApplyProgress;
import io.openvni.southbound.spi.ApplyResult;
import io.openvni.southbound.spi.ChangeSet;
import io.openvni.southbound.spi.ReadResult;
import io.openvni.southbound.spi.ReadScope;
import io.openvni.benchmarks.TimedShell.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * OpenVNI's FRR node driver against {@code frr-reload.py --reload} on ONE real FRR 8.4 instance (the frr module's
 * test fixture {@link FrrNode}), same run, same starting states. Each scenario is measured three ways: the driver's
 * full read+diff+apply (its apply includes the read-back check) from the old intent's FRR config and devices; the
 * same with the new intent's devices already in place, so only FRR work remains; and frr-reload.py from that same
 * state with the full target file (the operator's base config plus the rendered intent). The three must end in
 * the same running-config. Arguments: repetitions (default 5), CSV file.
 */
public final class FrrApplyBenchmark {
    private static final int VNIS = 200;
    private static final DeviceIntent NONE = NodeIntents.pureL2(0);
    private static final DeviceIntent ALL = NodeIntents.pureL2(VNIS);
    private static final String VTYSH = "vtysh -N " + FrrNode.PATHSPACE;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /** Not the driver's: frr-reload.py must leave it alone and converge on it (no hostname change, see frr.md). */
    private static final List<String> BASE_CONFIG = List.of("ip prefix-list BENCH seq 5 permit 10.99.0.0/16 le 32",
        "route-map KEEP permit 10", "match ip address prefix-list BENCH", "exit");

    private record Scenario(String name, DeviceIntent from, DeviceIntent to) {
    }

    /** One driver sync, in milliseconds: the first read, the diff, and the apply split by TimedShell. */
    private record Sync(double total, double read, double diff, double kernel, double settle, double vtysh,
            double verify, int readBacks, double readShell) {
    }

    private final FrrNode node;
    private final TimedShell shell;
    private final FrrNodeDriver driver;
    private final Path work;
    private final String baseConfig;
    private final FrrRenderer renderer = new FrrRenderer();

    private FrrApplyBenchmark(final FrrNode node, final Path work) throws Exception {
        this.node = node;
        this.work = work;
        shell = new TimedShell(node.shell());
        driver = new FrrNodeDriver(device -> shell, FrrNodeSettings.DEFAULT);
        final var commands = new ArrayList<String>(List.of("configure terminal"));
        commands.addAll(BASE_CONFIG);
        node.vtysh(commands.toArray(String[]::new));
        // frr-reload.py's target is a whole config: what runs now (header lines included) plus the rendered intent
        baseConfig = node.runningConfig().lines()
            .filter(line -> !line.startsWith("Building configuration") && !line.startsWith("Current configuration")
                && !line.startsWith("frr version") && !line.equals("end") && !line.isEmpty())
            .reduce("", (text, line) -> text + line + "\n");
    }

    public static void main(final String[] args) throws Exception {
        final int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        final Path csv = Path.of(args.length > 1 ? args[1] : "benchmarks/target/frr-apply.csv");
        if (!FrrNode.available()) {
            System.err.println("needs root, FRR (zebra, bgpd, vtysh), nsenter and unshare");
            System.exit(2);
        }
        final var work = Files.createTempDirectory("ovni-frr-bench");
        final var node = new AtomicReference<FrrNode>();
        final var closed = new AtomicBoolean();
        final Runnable cleanup = () -> {
            if (closed.compareAndSet(false, true)) {
                if (node.get() != null) {
                    node.get().close();
                }
                try (var files = Files.list(work)) {
                    files.forEach(file -> file.toFile().delete());
                    Files.deleteIfExists(work);
                } catch (IOException e) {
                    // best effort: a temp folder
                }
            }
        };
        // on Ctrl-C too: the namespaces and daemons die with the holder FrrNode.close() kills
        Runtime.getRuntime().addShutdownHook(new Thread(cleanup));
        try {
            node.set(FrrNode.start());
            new FrrApplyBenchmark(node.get(), work).run(reps, csv);
        } finally {
            cleanup.run();
        }
    }

    private void run(final int reps, final Path csv) throws Exception {
        final var vni = 20001 + VNIS / 2;
        final var small = NodeIntents.withSegments(ALL, segments -> segments.stream()
            .map(s -> s.vni() != vni ? s : new EvpnSegment(s.tenant(), s.network(), vni, s.vlan(), "10.0.2.1:999",
                List.of("65000:99999"), List.of("65000:99999"), s.arpSuppression(), null, List.of(), null))
            .toList());
        final var scenarios = List.of(new Scenario("small change (RD+RT of 1 of " + VNIS + " VNIs)", ALL, small),
            new Scenario("add " + VNIS + " L2VNIs", NONE, ALL), new Scenario("delete " + VNIS + " L2VNIs", ALL, NONE));
        final var rows = new ArrayList<String>(List.of("scenario,rep,method,total_ms,read_ms,diff_ms,kernel_ms,"
            + "settle_ms,vtysh_ms,verify_ms,read_backs,read_shell_ms,same_config"));
        final var summary = new LinkedHashMap<Scenario, List<List<Sync>>>();
        final var reloadMedians = new LinkedHashMap<Scenario, Double>();
        final var allSame = new LinkedHashMap<Scenario, Boolean>();
        for (var scenario : scenarios) {
            final var target = work.resolve("target-" + scenarios.indexOf(scenario) + ".conf");
            Files.writeString(target, baseConfig + renderer.render(scenario.to()).text());
            final var total = new ArrayList<Sync>();
            final var frrOnly = new ArrayList<Sync>();
            final var reload = new ArrayList<Double>();
            boolean same = true;
            for (int rep = 1; rep <= reps; rep++) {
                setState(scenario.from(), scenario.from());
                total.add(sync(scenario.to(), scenario.from()));
                final String afterTotal = node.runningConfig();
                setState(scenario.from(), scenario.to());
                frrOnly.add(sync(scenario.to(), scenario.from()));
                final String afterFrrOnly = node.runningConfig();
                setState(scenario.from(), scenario.to());
                reload.add(frrReload(target));
                final String afterReload = node.runningConfig();
                final boolean sameNow = afterTotal.equals(afterFrrOnly) && afterFrrOnly.equals(afterReload);
                if (!sameNow) {
                    System.err.println("MISMATCH in " + scenario.name() + ":\n" + firstDifference(afterFrrOnly,
                        afterReload) + firstDifference(afterTotal, afterFrrOnly));
                }
                same &= sameNow;
                System.err.printf("%s, rep %d: OpenVNI %.0f ms (FRR only %.0f ms), frr-reload %.0f ms, %s%n",
                    scenario.name(), rep, total.getLast().total(), frrOnly.getLast().total(), reload.getLast(),
                    sameNow ? "same running-config" : "MISMATCH");
                rows.add(csv(scenario, rep, "openvni", total.getLast(), sameNow));
                rows.add(csv(scenario, rep, "openvni-frr-only", frrOnly.getLast(), sameNow));
                rows.add(String.format("\"%s\",%d,frr-reload,%.1f,,,,,,,,,%s", scenario.name(), rep, reload.getLast(),
                    sameNow));
            }
            summary.put(scenario, List.of(total, frrOnly));
            reloadMedians.put(scenario, median(reload));
            allSame.put(scenario, same);
        }
        Files.createDirectories(csv.toAbsolutePath().getParent());
        Files.write(csv, rows);
        print(reps, summary, reloadMedians, allSame);
        System.out.println("\nper repetition: " + csv);
    }

    // Brings the node to one intent's FRR configuration and another's kernel devices: a driver sync to the
    // devices' intent, then only the vtysh part of the change to the FRR intent.
    private void setState(final DeviceIntent frr, final DeviceIntent kernel) throws Exception {
        sync(kernel, ALL);
        if (frr.equals(kernel)) {
            return;
        }
        for (var change : changes(frr, ALL).changes()) {
            if (change instanceof NodeChange.Vtysh vtysh) {
                final var result = node.shell().exec(VTYSH, vtysh.script(), TIMEOUT);
                final var errors = VtyshOutput.errors(result.stdout(), result.stderr());
                if (!result.succeeded() || !errors.isEmpty()) {
                    throw new IllegalStateException("setting up the FRR state failed: " + errors + result.stderr());
                }
            }
        }
    }

    private Sync sync(final DeviceIntent to, final DeviceIntent from) {
        shell.reset();
        final long start = System.nanoTime();
        final var read = driver.readOwned(new ReadScope(to, from));
        final long read0 = System.nanoTime();
        if (!(read instanceof ReadResult.Current<NodeState> current)) {
            throw new IllegalStateException("read failed: " + read);
        }
        final var changes = driver.diff(current.config(), to);
        final long diffed = System.nanoTime();
        if (!changes.isEmpty()) {
            final var result = driver.apply(to, changes, ApplyProgress.NONE);
            if (!(result instanceof ApplyResult.Applied)) {
                throw new IllegalStateException(result + " applying\n" + changes.describe(20) + node.log("zebra.log"));
            }
        }
        final long end = System.nanoTime();
        final double apply = (end - diffed) / 1e6;
        final double verify = apply - shell.millis(Kind.KERNEL) - shell.millis(Kind.SETTLE) - shell.millis(Kind.VTYSH);
        return new Sync((end - start) / 1e6, (read0 - start) / 1e6, (diffed - read0) / 1e6, shell.millis(Kind.KERNEL),
            shell.millis(Kind.SETTLE), shell.millis(Kind.VTYSH), changes.isEmpty() ? 0 : verify,
            shell.calls(Kind.READ) - 1, shell.millis(Kind.READ));
    }

    private ChangeSet<NodeChange> changes(final DeviceIntent to, final DeviceIntent from) {
        final var read = driver.readOwned(new ReadScope(to, from));
        if (!(read instanceof ReadResult.Current<NodeState> current)) {
            throw new IllegalStateException("read failed: " + read);
        }
        return driver.diff(current.config(), to);
    }

    private double frrReload(final Path target) throws Exception {
        final long start = System.nanoTime();
        final var result = node.shell().exec("python3 /usr/lib/frr/frr-reload.py --reload -N " + FrrNode.PATHSPACE
            + " --stdout --log-level error " + target, null, TIMEOUT);
        final double millis = (System.nanoTime() - start) / 1e6;
        if (!result.succeeded()) {
            throw new IllegalStateException("frr-reload.py failed: " + result.stdout() + result.stderr());
        }
        return millis;
    }

    private static String csv(final Scenario scenario, final int rep, final String method, final Sync s,
            final boolean same) {
        return String.format("\"%s\",%d,%s,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%d,%.1f,%s", scenario.name(), rep,
            method, s.total(), s.read(), s.diff(), s.kernel(), s.settle(), s.vtysh(), s.verify(), s.readBacks(),
            s.readShell(), same);
    }

    private static void print(final int reps, final Map<Scenario, List<List<Sync>>> summary,
            final Map<Scenario, Double> reload, final Map<Scenario, Boolean> same) {
        System.out.printf("%nOpenVNI FrrNodeDriver vs frr-reload.py --reload, one FRR 8.4 instance, medians of %d"
            + " (ms)%n", reps);
        final String row = "%-38s %13s %13s %11s %15s %14s  %s%n";
        System.out.printf(row, "scenario", "OpenVNI total", "OpenVNI FRR", "frr-reload", "reload/OV FRR",
            "reload/OV tot", "same config");
        summary.forEach((scenario, syncs) -> {
            final double total = median(syncs.get(0).stream().map(Sync::total).toList());
            final double frr = median(syncs.get(1).stream().map(Sync::total).toList());
            final double frrReload = reload.get(scenario);
            System.out.printf(row, scenario.name(), fmt(total), fmt(frr), fmt(frrReload),
                String.format("%.1fx", frrReload / frr), String.format("%.2fx", frrReload / total),
                same.get(scenario) ? "✓" : "✗ MISMATCH");
        });
        System.out.printf("%nwhere the driver's time goes (medians, ms; kernel = ip batches and the netns VRF wait,"
            + " verify = read-back, its diff and sleeps; reads on node = the read commands' own time)%n");
        final String split = "%-38s %-10s %7s %6s %7s %7s %7s %7s %10s %14s%n";
        System.out.printf(split, "scenario", "run", "total", "read", "diff", "kernel", "vtysh", "verify", "read-backs",
            "reads on node");
        summary.forEach((scenario, syncs) -> {
            for (int i = 0; i < 2; i++) {
                final var s = syncs.get(i);
                System.out.printf(split, scenario.name(), i == 0 ? "total" : "FRR only", fmt(m(s, Sync::total)),
                    fmt(m(s, Sync::read)), fmt(m(s, Sync::diff)), fmt(m(s, Sync::kernel) + m(s, Sync::settle)),
                    fmt(m(s, Sync::vtysh)), fmt(m(s, Sync::verify)), fmt(m(s, sync -> (double) sync.readBacks())),
                    fmt(m(s, Sync::readShell)));
            }
        });
    }

    private static double m(final List<Sync> syncs, final java.util.function.Function<Sync, Double> field) {
        return median(syncs.stream().map(field).toList());
    }

    private static double median(final List<Double> values) {
        final var sorted = values.stream().sorted().toList();
        final int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String fmt(final double millis) {
        return String.format("%.0f", millis);
    }

    private static String firstDifference(final String a, final String b) {
        final var left = a.lines().toList();
        final var right = b.lines().toList();
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            final String l = i < left.size() ? left.get(i) : "<end>";
            final String r = i < right.size() ? right.get(i) : "<end>";
            if (!l.equals(r)) {
                return "  line " + (i + 1) + ": '" + l + "' vs '" + r + "'\n";
            }
        }
        return "";
    }
}
