package io.openvni.benchmarks.nodes;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The rounds' times as a table with medians and the ratio OpenVNI / baseline, and as CSV. */
final class TrafficReport {
    private static final String ROW = "%-7s %10s %10s %10s %10s   %10s %10s %10s   %8s%n";

    /** One round of both sides; what did not happen is NaN. */
    record Round(int round, OpenVniRound.Times openvni, ScriptBaseline.Times baseline) {
        double ratio() {
            return openvni.traffic() / baseline.traffic();
        }
    }

    private final List<Round> rounds = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void add(final Round round) {
        rounds.add(round);
    }

    void note(final String note) {
        notes.add(note);
    }

    void print(final PrintStream out) {
        out.println();
        out.println("RESTCONF write -> traffic flowing, a new network on 2 node routers (ms from just before the PUT,"
            + " resp. from the baseline's first command)");
        out.printf(ROW, "", "OpenVNI", "", "", "", "baseline", "", "", "");
        out.printf(ROW, "round", "(a) PUT", "(b) ovw", "(c) sync", "(d) ping", "ip cmds", "frr-rld", "ping",
            "(d)/base");
        for (Round round : rounds) {
            out.printf(ROW, round.round(), ms(round.openvni().answer()), ms(round.openvni().devices()),
                ms(round.openvni().inSync()), ms(round.openvni().traffic()), ms(round.baseline().kernel()),
                ms(round.baseline().reload()), ms(round.baseline().traffic()), ratio(round.ratio()));
        }
        out.printf(ROW, "median", ms(median(r -> r.openvni().answer())), ms(median(r -> r.openvni().devices())),
            ms(median(r -> r.openvni().inSync())), ms(median(r -> r.openvni().traffic())),
            ms(median(r -> r.baseline().kernel())), ms(median(r -> r.baseline().reload())),
            ms(median(r -> r.baseline().traffic())),
            ratio(median(r -> r.openvni().traffic()) / median(r -> r.baseline().traffic())));
        out.println("  (a) PUT answered, (b) ovw<vni> on both nodes, (c) both nodes in-sync at a newer generation,"
            + " (d) first echo pod1 (node1) -> pod2 (node2) across VXLAN; baseline: ip commands and frr-reload.py"
            + " summed over both nodes, ping = first echo; '-' = did not happen within the timeout");
        notes.forEach(note -> out.println("  note: " + note));
    }

    void write(final Path csv) throws IOException {
        final var lines = new ArrayList<>(List.of("round,openvni_put_answer_ms,openvni_devices_ms,openvni_in_sync_ms,"
            + "openvni_traffic_ms,baseline_ip_ms,baseline_frr_reload_ms,baseline_traffic_ms,ratio_traffic"));
        for (Round round : rounds) {
            lines.add(String.join(",", Integer.toString(round.round()), csv(round.openvni().answer()),
                csv(round.openvni().devices()), csv(round.openvni().inSync()), csv(round.openvni().traffic()),
                csv(round.baseline().kernel()), csv(round.baseline().reload()), csv(round.baseline().traffic()),
                csv(round.ratio())));
        }
        Files.createDirectories(csv.toAbsolutePath().getParent());
        Files.write(csv, lines);
    }

    // of the rounds where the value exists
    private double median(final ToDoubleFunction<Round> field) {
        final double[] values = rounds.stream().mapToDouble(field).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        final int half = values.length / 2;
        return values.length % 2 == 1 ? values[half] : (values[half - 1] + values[half]) / 2;
    }

    private static String ms(final double millis) {
        return Double.isNaN(millis) ? "-" : String.format(Locale.ROOT, "%.0f", millis);
    }

    private static String ratio(final double ratio) {
        return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2fx", ratio);
    }

    private static String csv(final double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.1f", value);
    }
}
