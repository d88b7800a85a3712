package io.openvni.benchmarks.scale;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The scale benchmark's rows as a table and as CSV. */
final class ScaleReport {
    private static final String ROW = "%-9s %8s %8s %11s %11s %9s %11s %13s %10s %14s %10s  %s%n";

    /**
     * One tenant size on one device; NaN or -1 where it was not measured.
     *
     * @param target netconfd, testtool or frr
     * @param networks networks in the tenant
     * @param putMs the tenant PUT's answer, from just before it was sent
     * @param inSyncMs from just before the PUT until the device was seen in sync at its new generation
     * @param cpuSeconds the controller's CPU time (user + system) over that stretch
     * @param deviceCpuSeconds the device's processes' CPU time over that stretch, reaped children included
     * @param heapPeakMib the highest heap occupancy jstat saw meanwhile (garbage included)
     * @param heapBeforeMib heap after a full GC before the PUT
     * @param heapAfterMib heap after a full GC once in sync, the tenant still in place
     * @param removalMs DELETE of the tenant until the device was in sync again
     * @param outcome ok, or what went wrong
     */
    record Row(String target, int networks, double putMs, double inSyncMs, double cpuSeconds, double deviceCpuSeconds,
            long heapPeakMib, long heapBeforeMib, long heapAfterMib, double removalMs, String outcome) {
        double perNetworkMs() {
            return inSyncMs / networks;
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void add(final Row row) {
        rows.add(row);
    }

    void note(final String note) {
        notes.add(note);
    }

    void print(final PrintStream out) {
        out.println();
        out.println("Scale: one tenant (1 VRF, N routed networks) PUT to a fabric of one device; times from just before"
            + " the PUT");
        out.printf(ROW, "target", "networks", "PUT (s)", "in-sync (s)", "per net (ms)", "CPU (s)", "CPU/net (ms)",
            "device CPU (s)", "heap peak", "heap GC'd b/a", "removal(s)", "");
        for (Row row : rows) {
            out.printf(Locale.ROOT, ROW, row.target(), row.networks(), seconds(row.putMs()), seconds(row.inSyncMs()),
                number(row.perNetworkMs(), "%.2f"), number(row.cpuSeconds(), "%.1f"),
                number(row.cpuSeconds() * 1000 / row.networks(), "%.2f"), number(row.deviceCpuSeconds(), "%.1f"),
                mib(row.heapPeakMib()),
                mib(row.heapBeforeMib()) + "/" + mib(row.heapAfterMib()), seconds(row.removalMs()),
                "ok".equals(row.outcome()) ? "" : row.outcome());
        }
        out.println("  in-sync: PUT to the device in sync at its new generation (polled every 50 ms); CPU: the"
            + " controller JVM's user+system seconds over that stretch; device CPU: the same for the device's processes"
            + " (daemons, sshd, and the commands they ran); heap peak: highest jstat occupancy meanwhile"
            + " (MiB, garbage included); heap GC'd b/a: after a full GC before the PUT / after sync (MiB);"
            + " removal: tenant DELETE to in sync again");
        notes.forEach(note -> out.println("  note: " + note));
    }

    void write(final Path csv) throws IOException {
        final var lines = new ArrayList<>(List.of("target,networks,put_ms,in_sync_ms,per_network_ms,controller_cpu_s,device_cpu_s,"
            + "heap_peak_mib,heap_gc_before_mib,heap_gc_after_mib,removal_ms,outcome"));
        for (Row row : rows) {
            lines.add(String.join(",", row.target(), Integer.toString(row.networks()), csv(row.putMs()),
                csv(row.inSyncMs()), csv(row.perNetworkMs()), csv(row.cpuSeconds()), csv(row.deviceCpuSeconds()),
                Long.toString(row.heapPeakMib()),
                Long.toString(row.heapBeforeMib()), Long.toString(row.heapAfterMib()), csv(row.removalMs()),
                '"' + row.outcome().replace("\"", "'") + '"'));
        }
        Files.createDirectories(csv.toAbsolutePath().getParent());
        Files.write(csv, lines);
    }

    private static String seconds(final double millis) {
        return number(millis / 1000, "%.2f");
    }

    private static String number(final double value, final String format) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, format, value);
    }

    private static String mib(final long mib) {
        return mib < 0 ? "-" : Long.toString(mib);
    }

    private static String csv(final double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.1f", value);
    }
}
