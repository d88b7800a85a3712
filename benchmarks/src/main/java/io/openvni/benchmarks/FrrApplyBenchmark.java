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
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jdt.annotation.Nullable;

/**
 * OpenVNI's FRR node driver against {@code frr-reload.py --reload} on ONE real FRR 8.4 instance (the frr module's
 * test fixture {@link FrrNode}), same run, same starting states. Each scenario is measured four ways: the driver's
 * read+diff+apply (its apply includes the check afterwards) from the old intent's FRR config and devices; the same
 * from the observation a previous pass left (the state an apply returned, still current in the node's session), so
 * without the read; the driver with the new intent's devices already in place, so only FRR work remains; and
 * frr-reload.py from that same state with the full target file (the operator's base config plus the rendered
 * intent). All must end in the same running-config. Arguments: repetitions (default 5), CSV file.
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

    record Scenario(String name, DeviceIntent from, DeviceIntent to) {
    }

    /**
     * One sync, in milliseconds: the driver's first read (none from an observation), the diff, and the apply split
     * by TimedShell; frr-reload.py's has its total only.
     */
    record Sync(double total, double read, double diff, double kernel, double settle, double vtysh,
            double verify, int readBacks, double readShell) {
    }

    /** How the node gets from the old intent to the new one. */
    enum Method {
        READ("driver: read, diff, apply", "openvni", false),
        OBSERVED("driver from its observation: diff, apply", "openvni-observed", false),
        FRR_ONLY("driver, devices already in place", "openvni-frr-only", true),
        RELOAD("frr-reload.py --reload", "frr-reload", true);

        final String label;
        final String csv;
        private final boolean devicesInPlace;

        Method(final String label, final String csv, final boolean devicesInPlace) {
            this.label = label;
            this.csv = csv;
            this.devicesInPlace = devicesInPlace;
        }

        boolean devicesInPlace() {
            return devicesInPlace;
        }
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
        final var results = new LinkedHashMap<Scenario, Map<Method, List<Sync>>>();
        final var allSame = new LinkedHashMap<Scenario, Boolean>();
        for (var scenario : scenarios) {
            final var target = work.resolve("target-" + scenarios.indexOf(scenario) + ".conf");
            Files.writeString(target, baseConfig + renderer.render(scenario.to()).text());
            final var byMethod = new EnumMap<Method, List<Sync>>(Method.class);
            boolean same = true;
            for (int rep = 1; rep <= reps; rep++) {
                final var configs = new EnumMap<Method, String>(Method.class);
                for (var method : Method.values()) {
                    // the old intent's FRR config, and its devices unless the method does FRR alone
                    setState(scenario.from(), method.devicesInPlace() ? scenario.to() : scenario.from());
                    final Sync sync = switch (method) {
                        case READ, FRR_ONLY -> sync(scenario.to(), scenario.from(), null);
                        case OBSERVED -> sync(scenario.to(), scenario.from(), observation(scenario.from()));
                        case RELOAD -> frrReload(target);
                    };
                    byMethod.computeIfAbsent(method, m -> new ArrayList<>()).add(sync);
                    configs.put(method, node.runningConfig());
                }
                final String reference = configs.get(Method.RELOAD);
                final boolean sameNow = configs.values().stream().allMatch(reference::equals);
                if (!sameNow) {
                    configs.forEach((method, config) -> System.err.print(method.label + ": "
                        + firstDifference(config, reference)));
                }
                same &= sameNow;
                System.err.printf("%s, rep %d: read %.0f ms, observed %.0f ms, FRR only %.0f ms, frr-reload %.0f ms,"
                    + " %s%n", scenario.name(), rep, last(byMethod, Method.READ), last(byMethod, Method.OBSERVED),
                    last(byMethod, Method.FRR_ONLY), last(byMethod, Method.RELOAD),
                    sameNow ? "same running-config" : "MISMATCH");
                for (var method : Method.values()) {
                    rows.add(csv(scenario, rep, method, byMethod.get(method).getLast(), sameNow));
                }
            }
            results.put(scenario, byMethod);
            allSame.put(scenario, same);
        }
        Files.createDirectories(csv.toAbsolutePath().getParent());
        Files.write(csv, rows);
        FrrApplyReport.print(reps, results, allSame);
        System.out.println("\nper repetition: " + csv);
    }

    private static double last(final Map<Method, List<Sync>> byMethod, final Method method) {
        return byMethod.get(method).getLast().total();
    }

    // What the reconciler holds after a pass that applied or confirmed the old intent: the driver's state of it,
    // seen in the node's current session (not timed).
    private NodeState observation(final DeviceIntent from) {
        final var read = driver.readOwned(new ReadScope(from, from));
        if (!(read instanceof ReadResult.Current<NodeState> current) || !driver.stillCurrent(current.config(),
                from.name())) {
            throw new IllegalStateException("no observation in the current session: " + read);
        }
        return current.config();
    }

    // Brings the node to one intent's FRR configuration and another's kernel devices: a driver sync to the
    // devices' intent, then only the vtysh part of the change to the FRR intent.
    private void setState(final DeviceIntent frr, final DeviceIntent kernel) throws Exception {
        sync(kernel, ALL, null);
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

    // One driver pass: a read unless the previous pass's observation is given, the diff, and the apply.
    private Sync sync(final DeviceIntent to, final DeviceIntent from, final @Nullable NodeState observed) {
        shell.reset();
        final long start = System.nanoTime();
        NodeState current = observed;
        if (current == null) {
            final var read = driver.readOwned(new ReadScope(to, from));
            if (!(read instanceof ReadResult.Current<NodeState> state)) {
                throw new IllegalStateException("read failed: " + read);
            }
            current = state.config();
        }
        final long read0 = System.nanoTime();
        final var changes = driver.diff(current, to);
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
            shell.calls(Kind.READ) - (observed == null ? 1 : 0), shell.millis(Kind.READ));
    }

    private ChangeSet<NodeChange> changes(final DeviceIntent to, final DeviceIntent from) {
        final var read = driver.readOwned(new ReadScope(to, from));
        if (!(read instanceof ReadResult.Current<NodeState> current)) {
            throw new IllegalStateException("read failed: " + read);
        }
        return driver.diff(current.config(), to);
    }

    private Sync frrReload(final Path target) throws Exception {
        final long start = System.nanoTime();
        final var result = node.shell().exec("python3 /usr/lib/frr/frr-reload.py --reload -N " + FrrNode.PATHSPACE
            + " --stdout --log-level error " + target, null, TIMEOUT);
        final double millis = (System.nanoTime() - start) / 1e6;
        if (!result.succeeded()) {
            throw new IllegalStateException("frr-reload.py failed: " + result.stdout() + result.stderr());
        }
        return new Sync(millis, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    private static String csv(final Scenario scenario, final int rep, final Method method, final Sync s,
            final boolean same) {
        return String.format("\"%s\",%d,%s,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%d,%.1f,%s", scenario.name(), rep,
            method.csv, s.total(), s.read(), s.diff(), s.kernel(), s.settle(), s.vtysh(), s.verify(), s.readBacks(),
            s.readShell(), same);
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
