package io.openvni.benchmarks;

import io.openvni.benchmarks.FrrApplyBenchmark.Method;
import io.openvni.benchmarks.FrrApplyBenchmark.Scenario;
import io.openvni.benchmarks.FrrApplyBenchmark.Sync;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The tables {@link FrrApplyBenchmark} prints: medians with their spread, ratios, where the driver's time goes. */
final class FrrApplyReport {
    private FrrApplyReport() {
        // static helpers
    }

    static void print(final int reps, final Map<Scenario, Map<Method, List<Sync>>> results,
            final Map<Scenario, Boolean> same) {
        System.out.printf("%nOpenVNI FrrNodeDriver vs frr-reload.py --reload, one FRR 8.4 instance, median [min-max]"
            + " of %d (ms); load average now %s (others' work slows both sides)%n", reps, loadAverage());
        System.out.printf("  read     = %s (from the old intent's devices)%n  observed = %s%n  FRR only = %s%n"
            + "  reload   = %s (devices already in place)%n", Method.READ.label, Method.OBSERVED.label,
            Method.FRR_ONLY.label, Method.RELOAD.label);
        final String row = "%-36s %-18s %-18s %-18s %-18s %9s %9s %9s  %s%n";
        System.out.printf(row, "scenario", "read", "observed", "FRR only", "frr-reload", "rl/obs", "rl/FRR",
            "rl/read", "same config");
        results.forEach((scenario, byMethod) -> {
            final double reload = median(byMethod.get(Method.RELOAD), Sync::total);
            System.out.printf(row, scenario.name(), spread(byMethod.get(Method.READ)),
                spread(byMethod.get(Method.OBSERVED)), spread(byMethod.get(Method.FRR_ONLY)),
                spread(byMethod.get(Method.RELOAD)), ratio(reload, byMethod.get(Method.OBSERVED)),
                ratio(reload, byMethod.get(Method.FRR_ONLY)), ratio(reload, byMethod.get(Method.READ)),
                same.get(scenario) ? "yes" : "NO: MISMATCH");
        });
        System.out.printf("%nwhere the driver's time goes (medians, ms; kernel = ip batches and the netns VRF wait,"
            + " vtysh = its session, with the check's show running-config for a change to bgpd alone, verify ="
            + " read-backs, their diff and sleeps; reads on node = the read commands' own time)%n");
        final String split = "%-36s %-9s %7s %6s %6s %7s %7s %7s %10s %14s%n";
        System.out.printf(split, "scenario", "run", "total", "read", "diff", "kernel", "vtysh", "verify",
            "read-backs", "reads on node");
        results.forEach((scenario, byMethod) -> {
            for (var method : List.of(Method.READ, Method.OBSERVED, Method.FRR_ONLY)) {
                final var s = byMethod.get(method);
                System.out.printf(split, scenario.name(), method.name().toLowerCase(Locale.ROOT),
                    fmt(median(s, Sync::total)), fmt(median(s, Sync::read)), fmt(median(s, Sync::diff)),
                    fmt(median(s, sync -> sync.kernel() + sync.settle())), fmt(median(s, Sync::vtysh)),
                    fmt(median(s, Sync::verify)), fmt(median(s, Sync::readBacks)), fmt(median(s, Sync::readShell)));
            }
        });
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String spread(final List<Sync> syncs) {
        final var totals = syncs.stream().mapToDouble(Sync::total).sorted().toArray();
        return fmt(median(syncs, Sync::total)) + " [" + fmt(totals[0]) + "-" + fmt(totals[totals.length - 1]) + "]";
    }

    private static String ratio(final double reload, final List<Sync> driver) {
        return String.format("%.1fx", reload / median(driver, Sync::total));
    }

    static double median(final List<Sync> syncs, final ToDoubleFunction<Sync> field) {
        final var sorted = syncs.stream().mapToDouble(field).sorted().toArray();
        final int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String fmt(final double millis) {
        return String.format("%.0f", millis);
    }
}
