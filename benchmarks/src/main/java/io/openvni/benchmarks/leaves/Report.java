package io.openvni.benchmarks.leaves;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Collects the measurements, prints the table and writes the CSVs. */
final class Report {
    /** The ways the tenant's configuration reaches N devices, as the table's columns. */
    enum Run {
        OPENVNI("openvni", "OpenVNI"),
        SEQUENTIAL("sequential", "ODL 1-by-1"),
        DIRECT("direct", "direct x" + DirectClient.THREADS);

        final String metric;
        final String column;

        Run(final String metric, final String column) {
            this.metric = metric;
            this.column = column;
        }
    }

    /** Metrics the table shows; the rest are listed below it. */
    private static final Pattern IN_TABLE = Pattern.compile("(openvni|sequential|direct)\\.(devices|p50-ms|p99-ms|max-ms"
        + "|total-ms|pushes-per-second|controller-cpu-ms-per-device|client-cpu-ms-per-device)|ratio\\..*");
    private static final String ROW = "%-34s %14s %14s %14s%n";
    private final int leaves;
    private final String dialect;
    private final String profile;
    private final Map<String, String> summary = new LinkedHashMap<>();
    private final List<String> deviceRows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<Run, Double> totalMs = new EnumMap<>(Run.class);
    private int edits;

    /**
     * A report.
     *
     * @param leaves devices per run
     * @param dialect the leaves' configuration dialect, for the title and the summary CSV
     * @param profile the latency profile, for the title and the CSV
     */
    Report(final int leaves, final String dialect, final String profile) {
        this.leaves = leaves;
        this.dialect = dialect;
        this.profile = profile;
        put("leaf-dialect", dialect);
        put("profile", profile);
    }

    void put(final String metric, final Object value) {
        summary.put(metric, String.valueOf(value));
    }

    void note(final String text) {
        notes.add(text);
    }

    /** One run's per-device times and its wall time. */
    void run(final Run run, final Map<String, Double> perDevice, final double total) {
        totalMs.put(run, total);
        perDevice.forEach((device, ms) -> deviceRows.add(run.metric + "," + device + "," + format(ms)));
        final var values = perDevice.values();
        put(run.metric + ".devices", values.size());
        put(run.metric + ".p50-ms", format(percentile(values, 50)));
        put(run.metric + ".p99-ms", format(percentile(values, 99)));
        put(run.metric + ".max-ms", format(percentile(values, 100)));
        put(run.metric + ".total-ms", format(total));
        put(run.metric + ".pushes-per-second", format(values.size() / (total / 1000)));
    }

    /** The controller's CPU time while a run pushed (user + system seconds of the Karaf JVM). */
    void controllerCpu(final Run run, final double seconds) {
        if (!Double.isNaN(seconds)) {
            put(run.metric + ".controller-cpu-ms-per-device", format(seconds * 1000 / leaves));
        }
    }

    /** YANG Patch edits per device of the sequential run (top-level list entries). */
    void edits(final int count) {
        edits = count;
        put("sequential.edits-per-device", count);
    }

    void print(final PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "Leaf-scale benchmark: %d %s leaf switches (netconf-testtool, md-sal datastore, SSH),"
            + " latency profile: %s%n", leaves, dialect, profile);
        out.println("OpenVNI   : one tenant PUT (1 VRF, 2 networks on every leaf); per device = time from the PUT's"
            + " answer until the device is in-sync at its new generation (all devices in parallel)");
        out.println("ODL 1-by-1: the same per-device configuration, one YANG Patch (" + edits + " edits) per device"
            + " through its ODL mount point, one device after another; per device = that request");
        out.println("direct x" + DirectClient.THREADS + " : the same configuration, no controller: " + DirectClient.THREADS
            + " threads of one ncclient process, each device written blind (connect, lock, edit-config, commit,"
            + " unlock, close); per device = that session");
        out.println();
        out.printf(Locale.ROOT, ROW, "", Run.OPENVNI.column, Run.SEQUENTIAL.column, Run.DIRECT.column);
        row(out, "devices", ".devices");
        row(out, "per device p50 (ms)", ".p50-ms");
        row(out, "per device p99 (ms)", ".p99-ms");
        row(out, "per device max (ms)", ".max-ms");
        out.printf(Locale.ROOT, ROW, "total (s)", seconds(Run.OPENVNI), seconds(Run.SEQUENTIAL), seconds(Run.DIRECT));
        row(out, "pushes per second", ".pushes-per-second");
        row(out, "controller CPU per device (ms)", ".controller-cpu-ms-per-device");
        row(out, "client CPU per device (ms)", ".client-cpu-ms-per-device");
        final Double openvni = totalMs.get(Run.OPENVNI);
        if (openvni != null) {
            final String sequential = ratio("ratio.sequential-over-openvni", Run.SEQUENTIAL, openvni);
            final String direct = ratio("ratio.direct-over-openvni", Run.DIRECT, openvni);
            out.printf(Locale.ROOT, ROW, "total / OpenVNI total", "1.0", sequential, direct);
        } else {
            out.printf("%nno ratio: the OpenVNI run did not complete (see above)%n");
        }
        out.println();
        summary.forEach((metric, value) -> {
            if (!IN_TABLE.matcher(metric).matches()) {
                out.printf(Locale.ROOT, "  %-48s %s%n", metric, value);
            }
        });
        notes.forEach(note -> out.println("  note: " + note));
    }

    /** {@code <prefix>.csv} (run,device,millis) and {@code <prefix>-summary.csv} (metric,value). */
    List<Path> write(final Path prefix) throws IOException {
        Files.createDirectories(prefix.toAbsolutePath().getParent());
        final Path devices = Path.of(prefix + ".csv");
        final var lines = new ArrayList<String>();
        lines.add("leaves,profile,run,device,millis");
        deviceRows.forEach(row -> lines.add(leaves + "," + profile + "," + row));
        Files.write(devices, lines);
        final Path totals = Path.of(prefix + "-summary.csv");
        final var summaryLines = new ArrayList<String>();
        summaryLines.add("leaves,metric,value");
        summary.forEach((metric, value) -> summaryLines.add(leaves + "," + metric + "," + value));
        Files.write(totals, summaryLines);
        return List.of(devices, totals);
    }

    private void row(final PrintStream out, final String label, final String suffix) {
        out.printf(Locale.ROOT, ROW, label, summary.getOrDefault(Run.OPENVNI.metric + suffix, "-"),
            summary.getOrDefault(Run.SEQUENTIAL.metric + suffix, "-"),
            summary.getOrDefault(Run.DIRECT.metric + suffix, "-"));
    }

    private String seconds(final Run run) {
        final Double total = totalMs.get(run);
        return total == null ? "-" : String.format(Locale.ROOT, "%.2f", total / 1000);
    }

    private String ratio(final String metric, final Run run, final double openvni) {
        final Double total = totalMs.get(run);
        if (total == null) {
            return "-";
        }
        final String ratio = String.format(Locale.ROOT, "%.2f", total / openvni);
        put(metric, ratio);
        return ratio;
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
