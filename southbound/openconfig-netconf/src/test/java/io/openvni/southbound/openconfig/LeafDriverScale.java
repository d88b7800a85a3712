package io.openvni.southbound.openconfig;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.compile.EvpnSegment;
import io.openvni.core.render.openconfig.OpenConfigRenderer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.opendaylight.mdsal.dom.broker.DOMMountPointServiceImpl;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * Benchmark, not a test ({@code scripts/bench-leaf-driver.sh}): how the driver's pure parts scale with the networks on
 * one leaf. For a leaf of N pure L2 networks and one of 4N (N = 1,000 unless given), it times each step of a pass
 * that writes all of them and of one that finds them in sync, and prints both medians and their ratio: a linear step
 * takes about 4x as long at 4N. Both sizes are warmed up first, then measured in turns, so that neither gets the
 * JIT's or the machine's better moments alone.
 */
public final class LeafDriverScale {
    private static final int WARMUP = 5;
    private static final int RUNS = 9;

    private LeafDriverScale() {
        // main only
    }

    /**
     * Runs the benchmark.
     *
     * @param args optionally the smaller size N
     * @throws Exception if the schema cannot be parsed
     */
    public static void main(final String[] args) throws Exception {
        final int small = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        final EffectiveModelContext schema = OpenConfigSchemas.leaf();
        final var baseline = steps(schema, small);
        final var big = steps(schema, 4 * small);
        final var baselineTimes = new LinkedHashMap<String, double[]>();
        final var bigTimes = new LinkedHashMap<String, double[]>();
        baseline.keySet().forEach(step -> {
            baselineTimes.put(step, new double[RUNS]);
            bigTimes.put(step, new double[RUNS]);
        });
        for (int i = 0; i < WARMUP; i++) {
            baseline.values().forEach(Supplier::get);
            big.values().forEach(Supplier::get);
        }
        for (int i = 0; i < RUNS; i++) {
            for (var step : baseline.keySet()) {
                baselineTimes.get(step)[i] = time(baseline.get(step));
                bigTimes.get(step)[i] = time(big.get(step));
            }
        }
        System.out.printf(Locale.ROOT, "%-44s %12s %12s %7s%n", "step (median of " + RUNS + ")", small + " nets",
            4 * small + " nets", "ratio");
        for (var step : baseline.keySet()) {
            final double base = median(baselineTimes.get(step));
            final double large = median(bigTimes.get(step));
            System.out.printf(Locale.ROOT, "%-44s %9.1f ms %9.1f ms %6.1fx%n", step, base, large, large / base);
        }
    }

    // The steps of a pass for a leaf of that many networks, each ready to run again and again.
    private static Map<String, Supplier<?>> steps(final EffectiveModelContext schema, final int networks)
            throws UnsupportedSchemaException {
        final var segments = new ArrayList<EvpnSegment>(networks);
        for (int i = 0; i < networks; i++) {
            segments.add(LeafFixtures.pureL2("n" + i, 10_000 + i, 100 + i % 3900));
        }
        final DeviceIntent intent = LeafFixtures.leaf(segments, List.of(), List.of());
        final var renderer = new OpenConfigRenderer();
        final var parser = new JsonConfigParser(schema, "leaf1", OpenConfigDialect.INSTANCE);
        final var rendered = renderer.render(intent);
        final var desired = LeafFixtures.parsed(schema, intent);
        final var none = LeafFixtures.leaf(List.of(), List.of(), List.of());
        final var empty = LeafFixtures.parsed(schema, none).config();
        final var onDevice = LeafFixtures.read(desired.config(), intent);
        final var changes = LeafFixtures.diff(LeafFixtures.read(empty, none), desired).changes();
        final var instancesTop = desired.config().tops().getFirst().name();
        final var session = new MountSession(new DOMMountPointServiceImpl()
            .createMountPoint(OpenConfigNetconfDriver.mountPath("leaf1")).register().getInstance());

        final var result = new LinkedHashMap<String, Supplier<?>>();
        result.put("render", () -> renderer.render(intent));
        result.put("parse the rendering (JsonConfigParser)", () -> parse(parser, rendered));
        result.put("owned entries of a read (OwnedEntries)",
            () -> LeafFixtures.read(desired.config(), intent, none));
        result.put("diff, all new (OpenConfigDiff + EditTrees)",
            () -> LeafFixtures.diff(LeafFixtures.read(empty, none), desired));
        result.put("diff, in sync", () -> LeafFixtures.diff(onDevice, desired));
        result.put("union of the edit trees (EditTrees.union)", () -> EditTrees.union(changes.stream()
            .map(OpenConfigChange::edit).filter(tree -> tree.name().equals(instancesTop)).toList()));
        result.put("edit-config XML, one part (EditConfigXml)", () -> EditConfigXml.of(schema, changes));
        result.put("edit-config XML, parts of 500", () -> {
            for (int i = 0; i < changes.size(); i += 500) {
                EditConfigXml.of(schema, changes.subList(i, Math.min(changes.size(), i + 500)));
            }
            return changes;
        });
        result.put("observed after commit (committed)",
            () -> OpenConfigNetconfDriver.committed(desired.entries(), "leaf1", schema, session));
        return result;
    }

    private static LeafConfig parse(final JsonConfigParser parser, final ObjectNode json) {
        try {
            return parser.parse(json);
        } catch (UnsupportedSchemaException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double time(final Supplier<?> step) {
        final long start = System.nanoTime();
        step.get();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(final double[] millis) {
        final double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
