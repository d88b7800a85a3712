package io.openvni.southbound.frr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.compile.EvpnSegment;
import io.openvni.core.compile.EvpnVrf;
import io.openvni.southbound.spi.ApplyProgress;
import io.openvni.southbound.spi.ApplyResult;
import io.openvni.southbound.spi.ChangeSet;
import io.openvni.southbound.spi.ReadResult;
import io.openvni.southbound.spi.ReadScope;
import io.openvni.southbound.ssh.ExecResult;
import io.openvni.southbound.ssh.NodeUnreachableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How far one node router gets on a real FRR 8.4 (zebra -n, bgpd, netns VRFs): the driver brings a fresh node to
 * N networks and back, and every pass is timed and split by where the time goes (the first read, the diff, the
 * iproute2 batches, the wait for zebra's netns VRFs, the vtysh session, the read-backs of the check). A soak, not
 * part of the default test run (minutes at 4,000 networks):
 *
 * <pre>
 * ./mvnw -pl core,southbound/frr test -Dtest=NodeScaleSoak [-Dnetworks=500,1000,4000] [-Dvrfs=4] [-Dstep=250]
 *     [-Dvrf-series=50,100,200,500] [-Dsingle-pass=true]
 * </pre>
 *
 * {@code networks}: routed networks spread over {@code vrfs} VRFs, added {@code step} at a time (as networks come in
 * practice) and then removed {@code step} at a time, with a drift check (read and diff, nothing to do) and a
 * one-network change at full size in between. {@code vrf-series}: that many VRFs with one network each, added and
 * removed {@code step / 5} VRFs at a time. {@code single-pass}: first try each size in one pass from an empty node
 * and report what happens. Asserts only that every pass succeeds and that the node is in sync afterwards.
 */
class NodeScaleSoak {
    private static final int[] NETWORKS = sizes("networks", "500,1000,4000");
    private static final int VRFS = Integer.getInteger("vrfs", 4);
    private static final int STEP = Integer.getInteger("step", 250);
    private static final int[] VRF_SERIES = sizes("vrf-series", "50,100,200,500");
    private static final boolean SINGLE_PASS = Boolean.getBoolean("single-pass");

    @BeforeAll
    static void requireFrr() {
        assumeTrue(FrrNode.available(), "FRR, nsenter/unshare or root missing");
    }

    @Test
    void networksInAFewVrfs() throws Exception {
        final var report = new Report("networks in " + VRFS + " VRFs");
        for (int networks : NETWORKS) {
            if (SINGLE_PASS) {
                report.run(networks + " in one pass", lines -> lines.accept(singlePass(intent(networks,
                    Math.min(VRFS, networks)))));
            }
            report.run(networks + " networks", lines -> growAndShrink(networks, Math.min(VRFS, networks), STEP,
                lines));
        }
        report.finish();
    }

    @Test
    void manyVrfs() throws Exception {
        final var report = new Report("VRFs with one network each");
        for (int vrfs : VRF_SERIES) {
            if (SINGLE_PASS) {
                report.run(vrfs + " VRFs in one pass", lines -> lines.accept(singlePass(intent(vrfs, vrfs))));
            }
            report.run(vrfs + " VRFs", lines -> growAndShrink(vrfs, vrfs, Math.max(1, STEP / 5), lines));
        }
        report.finish();
    }

    /** The lines of a series, printed as they come and again at the end; a failed size is recorded, not fatal. */
    private static final class Report {
        private final String title;
        private final List<String> lines = new ArrayList<>();
        private @Nullable AssertionError failure;

        Report(final String title) {
            this.title = title;
        }

        void run(final String what, final Step step) throws Exception {
            try {
                step.run(this::add);
            } catch (AssertionError e) {
                add(what + ": FAILED: " + String.join("\n  ", e.getMessage().lines().limit(12).toList()));
                if (failure == null) {
                    failure = e;
                }
            }
        }

        private void add(final String line) {
            System.out.println("NodeScaleSoak: " + line);
            lines.add(line);
        }

        void finish() {
            System.out.println("\n=== NodeScaleSoak: " + title + " (load average " + loadAverage() + ")");
            lines.forEach(System.out::println);
            if (failure != null) {
                throw failure;
            }
        }
    }

    @FunctionalInterface
    private interface Step {
        void run(Consumer<String> lines) throws Exception;
    }

    /** A fresh node brought from nothing to the intent in one pass. */
    private static String singlePass(final DeviceIntent intent) throws Exception {
        try (var node = FrrNode.start()) {
            final var shell = new PhaseShell(node.shell());
            final var driver = new FrrNodeDriver(device -> shell, FrrNodeSettings.DEFAULT);
            final var none = intent(0, 0);
            pass(driver, shell, none, null);
            return "single pass 0 -> " + intent.segments().size() + ": " + pass(driver, shell, intent, none).text();
        }
    }

    /**
     * A fresh node grown to {@code networks} networks in {@code vrfs} VRFs, {@code step} networks (or VRFs) a pass;
     * then a drift check, one network's RD changed, and back to nothing the same way.
     */
    private static void growAndShrink(final int networks, final int vrfs, final int step, final Consumer<String> lines)
            throws Exception {
        try (var node = FrrNode.start()) {
            final var shell = new PhaseShell(node.shell());
            final var driver = new FrrNodeDriver(device -> shell, FrrNodeSettings.DEFAULT);
            final boolean byVrf = vrfs == networks;
            DeviceIntent previous = intent(0, 0);
            pass(driver, shell, previous, null);
            final long start = System.nanoTime();
            for (int size = step; size - step < networks; size += step) {
                final int now = Math.min(size, networks);
                final var next = byVrf ? intent(now, now) : intent(now, vrfs);
                final var timing = pass(driver, shell, next, previous);
                lines.accept(String.format("%5d -> %5d networks (%3d VRFs): %s", previous.segments().size(), now,
                    next.vrfs().size(), timing.text()));
                previous = next;
            }
            final double grown = (System.nanoTime() - start) / 1e9;
            final var full = previous;
            final var check = pass(driver, shell, full, full);
            lines.accept(String.format("%5d networks in sync, drift check: %s", networks, check.text()));
            assertEquals(0, check.changes(), "a node in sync has nothing to do");
            final var changed = NodeIntents.withSegments(full, segments -> segments.stream()
                .map(s -> s != segments.getFirst() ? s : withRd(s, "10.0.2.1:30000")).toList());
            lines.accept(String.format("%5d networks, one RD changed: %s", networks,
                pass(driver, shell, changed, full).text()));
            previous = changed;
            final long shrinkStart = System.nanoTime();
            for (int size = networks - step; size + step > 0; size -= step) {
                final int now = Math.max(size, 0);
                final var next = byVrf ? intent(now, now) : intent(now, now == 0 ? 0 : vrfs);
                final var timing = pass(driver, shell, next, previous);
                lines.accept(String.format("%5d -> %5d networks (%3d VRFs): %s", previous.segments().size(), now,
                    next.vrfs().size(), timing.text()));
                previous = next;
            }
            lines.accept(String.format("%5d networks: grown in %.1f s, removed in %.1f s", networks, grown,
                (System.nanoTime() - shrinkStart) / 1e9));
            assertEquals("", node.check("ip -o link show | grep ' ov' || true"));
        }
    }

    /** One reconciler pass: read, diff, apply (its check included), each timed. */
    private static Timing pass(final FrrNodeDriver driver, final PhaseShell shell, final DeviceIntent intent,
            final @Nullable DeviceIntent previous) {
        shell.reset();
        final long start = System.nanoTime();
        final var read = driver.readOwned(new ReadScope(intent, previous));
        final var current = assertInstanceOf(ReadResult.Current.class, read, read::toString);
        final long read0 = System.nanoTime();
        final ChangeSet<NodeChange> changes = driver.diff((NodeState) current.config(), intent);
        final long diffed = System.nanoTime();
        final var firstRead = shell.snapshot();
        if (!changes.isEmpty()) {
            final var result = driver.apply(intent, changes, ApplyProgress.NONE);
            assertInstanceOf(ApplyResult.Applied.class, result, () -> result.toString().substring(0,
                Math.min(4000, result.toString().length())));
        }
        final long end = System.nanoTime();
        return new Timing(changes.changes().stream().mapToInt(NodeChange::commandCount).sum(), (end - start) / 1e9,
            (read0 - start) / 1e9, (diffed - read0) / 1e9, shell.snapshot().minus(firstRead));
    }

    /** A pass: commands written, total, first read, diff, then the apply's node commands by phase. */
    private record Timing(int changes, double total, double read, double diff, Phases apply) {
        String text() {
            return String.format("%6d commands, %6.2f s (read %.2f, diff %.2f, %s)", changes, total, read, diff,
                apply.text());
        }
    }

    /** What a pass spent on the node, by phase: seconds, calls and the bytes sent to the node. */
    private record Phases(Map<Phase, double[]> byPhase) {
        Phases minus(final Phases before) {
            final var left = new EnumMap<Phase, double[]>(Phase.class);
            byPhase.forEach((phase, values) -> {
                final double[] earlier = before.byPhase.getOrDefault(phase, new double[3]);
                left.put(phase, IntStream.range(0, 3).mapToDouble(i -> values[i] - earlier[i]).toArray());
            });
            return new Phases(left);
        }

        String text() {
            final var parts = new ArrayList<String>();
            byPhase.forEach((phase, values) -> {
                if (values[1] > 0) {
                    parts.add(String.format("%s %.2f s/%d (%.0f kB)", phase.label, values[0], (int) values[1],
                        values[2] / 1000));
                }
            });
            return String.join(", ", parts);
        }
    }

    private enum Phase {
        READ("read-back"), KERNEL("iproute2"), NETNS_WAIT("netns wait"), VTYSH("vtysh"), OTHER("other");

        final String label;

        Phase(final String label) {
            this.label = label;
        }
    }

    /**
     * The node's shell, adding up time, calls and bytes sent per phase; the phase is told by what the driver sends
     * (its read has an @@frr section marker, iproute2 batches run "-batch -", the netns wait polls "show vrf", the vtysh
     * session starts with "configure terminal").
     */
    private static final class PhaseShell implements NodeShell {
        private final NodeShell node;
        private final Map<Phase, double[]> byPhase = new EnumMap<>(Phase.class);

        PhaseShell(final NodeShell node) {
            this.node = node;
        }

        @Override
        public ExecResult exec(final String command, final @Nullable String stdin, final Duration timeout)
                throws NodeUnreachableException {
            final long start = System.nanoTime();
            try {
                return node.exec(command, stdin, timeout);
            } finally {
                final Phase phase = command.contains("@@frr") ? Phase.READ : command.contains("-batch -")
                    ? Phase.KERNEL : command.contains("show vrf") ? Phase.NETNS_WAIT
                    : stdin != null && stdin.startsWith("configure terminal") ? Phase.VTYSH : Phase.OTHER;
                final double[] values = byPhase.computeIfAbsent(phase, key -> new double[3]);
                values[0] += (System.nanoTime() - start) / 1e9;
                values[1]++;
                values[2] += command.length() + (stdin == null ? 0 : stdin.length());
            }
        }

        void reset() {
            byPhase.clear();
        }

        Phases snapshot() {
            final var copy = new EnumMap<Phase, double[]>(Phase.class);
            byPhase.forEach((phase, values) -> copy.put(phase, values.clone()));
            return new Phases(copy);
        }
    }

    /**
     * {@code networks} routed networks over {@code vrfs} VRFs (VNIs from 100000, L3 VNIs from 50000, /24 gateways,
     * RD indexes from 10000 like allocation).
     */
    static DeviceIntent intent(final int networks, final int vrfs) {
        final var vrfList = new ArrayList<EvpnVrf>();
        for (int v = 0; v < vrfs; v++) {
            vrfList.add(NodeIntents.vrf("v" + v, 50_000 + v, "10.0.2.1:" + (10_000 + v)));
        }
        final var segments = new ArrayList<EvpnSegment>();
        for (int i = 0; i < networks; i++) {
            segments.add(NodeIntents.routed("n" + i, 100_000 + i, "10.0.2.1:" + (20_000 + i),
                vrfList.get(i % vrfs).vni(), "10." + (1 + i / 250) + "." + i % 250 + ".1/24"));
        }
        return NodeIntents.intent(segments, vrfList);
    }

    private static EvpnSegment withRd(final EvpnSegment segment, final String rd) {
        return new EvpnSegment(segment.tenant(), segment.network(), segment.vni(), segment.vlan(), rd,
            segment.importRouteTargets(), segment.exportRouteTargets(), segment.arpSuppression(), segment.vrf(),
            segment.gateways(), segment.mtu());
    }

    private static String loadAverage() {
        return String.format("%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            .getSystemLoadAverage());
    }

    private static int[] sizes(final String property, final String defaults) {
        return Arrays.stream(System.getProperty(property, defaults).split(",")).map(String::strip)
            .mapToInt(Integer::parseInt).toArray();
    }
}
