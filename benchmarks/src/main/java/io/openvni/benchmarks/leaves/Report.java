package io.openvni.benchmarks.leaves;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Collects the measurements, prints the table and writes the CSVs. */
final class Report {
    /** Metrics the table shows; the rest are listed below it. */
    private static final Pattern IN_TABLE = Pattern.compile(
        "(openvni|baseline)\\.(devices|p50-ms|p99-ms|max-ms|total-ms|pushes-per-second)|ratio\\..*");
    private final int leaves;
    private final Map<String, String> summary = new LinkedHashMap<>();
    private final List<String> deviceRows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private Map<String, Double> openvni;
    private double openvniTotalMs = Double.NaN;
    private Map<String, Double> baseline;
    private double baselineTotalMs = Double.NaN;
    private int baselineEdits;

    Report(final int leaves) {
        this.leaves = leaves;
    }

    void put(final String metric, final Object value) {
        summary.put(metric, String.valueOf(value));
    }

    void note(final String text) {
        notes.add(text);
    }

    void openvni(final Map<String, Double> millis, final double totalMs) {
        openvni = millis;
        openvniTotalMs = totalMs;
        millis.forEach((device, ms) -> deviceRows.add("openvni," + device + "," + format(ms)));
        stats("openvni", millis.values(), totalMs);
    }

    void baseline(final Baseline.Result result) {
        baseline = result.millis();
        baselineTotalMs = result.total().toNanos() / 1e6;
        baselineEdits = result.editsPerDevice();
        baseline.forEach((device, ms) -> deviceRows.add("baseline," + device + "," + format(ms)));
        stats("baseline", baseline.values(), baselineTotalMs);
        put("baseline.edits-per-device", baselineEdits);
    }

    private void stats(final String run, final Collection<Double> values, final double totalMs) {
        put(run + ".devices", values.size());
        put(run + ".p50-ms", format(percentile(values, 50)));
        put(run + ".p99-ms", format(percentile(values, 99)));
        put(run + ".max-ms", format(percentile(values, 100)));
        put(run + ".total-ms", format(totalMs));
        put(run + ".pushes-per-second", format(values.size() / (totalMs / 1000)));
    }

    void print(final PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "Leaf-scale benchmark: %d leaf switches (netconf-testtool, md-sal datastore, SSH)%n",
            leaves);
        out.println("OpenVNI : one tenant PUT (1 VRF, 2 networks on every leaf); per device = time from the PUT's"
            + " answer until the device is in-sync at its new generation (all devices in parallel)");
        out.println("baseline: the same per-device OpenConfig, one YANG Patch (" + baselineEdits + " edits) per"
            + " device through its ODL mount point, one device after another; per device = that request");
        out.println();
        out.printf(Locale.ROOT, "%-22s %14s %14s%n", "", "OpenVNI", "baseline");
        row(out, "devices", openvni == null ? "-" : Integer.toString(openvni.size()),
            baseline == null ? "-" : Integer.toString(baseline.size()));
        row(out, "per device p50 (ms)", cell(openvni, 50), cell(baseline, 50));
        row(out, "per device p99 (ms)", cell(openvni, 99), cell(baseline, 99));
        row(out, "per device max (ms)", cell(openvni, 100), cell(baseline, 100));
        row(out, "total (s)", seconds(openvniTotalMs), seconds(baselineTotalMs));
        row(out, "pushes per second", rate(openvni, openvniTotalMs), rate(baseline, baselineTotalMs));
        if (openvni != null && baseline != null) {
            final double ratio = baselineTotalMs / openvniTotalMs;
            put("ratio.baseline-over-openvni", format(ratio));
            out.printf(Locale.ROOT, "%nbaseline total / OpenVNI total = %.1f%n", ratio);
        } else {
            out.printf("%nno ratio: the OpenVNI run did not complete (see above)%n");
        }
        out.println();
        summary.forEach((metric, value) -> {
            if (!IN_TABLE.matcher(metric).matches()) {
                out.printf(Locale.ROOT, "  %-40s %s%n", metric, value);
            }
        });
        notes.forEach(note -> out.println("  note: " + note));
    }

    /** {@code <prefix>.csv} (run,device,millis) and {@code <prefix>-summary.csv} (metric,value). */
    List<Path> write(final Path prefix) throws IOException {
        Files.createDirectories(prefix.toAbsolutePath().getParent());
        final Path devices = Path.of(prefix + ".csv");
        final var lines = new ArrayList<String>();
        lines.add("leaves,run,device,millis");
        deviceRows.forEach(row -> lines.add(leaves + "," + row));
        Files.write(devices, lines);
        final Path totals = Path.of(prefix + "-summary.csv");
        final var summaryLines = new ArrayList<String>();
        summaryLines.add("leaves,metric,value");
        summary.forEach((metric, value) -> summaryLines.add(leaves + "," + metric + "," + value));
        Files.write(totals, summaryLines);
        return List.of(devices, totals);
    }

    private static void row(final PrintStream out, final String label, final String left, final String right) {
        out.printf(Locale.ROOT, "%-22s %14s %14s%n", label, left, right);
    }

    private static String cell(final Map<String, Double> millis, final int percentile) {
        return millis == null ? "-" : format(percentile(millis.values(), percentile));
    }

    private static String seconds(final double millis) {
        return Double.isNaN(millis) ? "-" : String.format(Locale.ROOT, "%.2f", millis / 1000);
    }

    private static String rate(final Map<String, Double> millis, final double totalMs) {
        return millis == null ? "-" : String.format(Locale.ROOT, "%.1f", millis.size() / (totalMs / 1000));
    }

    /** Nearest-rank percentile; 100 is the maximum. */
    static double percentile(final Collection<Double> values, final int percentile) {
        final var sorted = values.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        final int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    static String format(final double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
