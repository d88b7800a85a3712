package io.openvni.benchmarks.leaves;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The peak heap occupancy of a local JVM over a stretch of time, from one {@code jstat -gc PID INTERVAL} that runs
 * meanwhile. jstat reads the JVM's performance counters (hsperfdata) without attaching, so sampling every 100 ms
 * costs the measured JVM nothing; the peak includes garbage not collected yet, so it depends on when the collector
 * ran and is an upper bound of what the work needed, not the live data.
 */
public final class HeapSampler implements AutoCloseable {
    /** The columns whose sum is the heap in use (KiB): survivor spaces, eden, old generation. */
    private static final List<String> USED = List.of("S0U", "S1U", "EU", "OU");
    private static final int INTERVAL_MS = 100;

    private final @Nullable Process jstat;
    private final @Nullable Thread reader;
    private volatile double peakKib = Double.NaN;

    private HeapSampler(final @Nullable Process jstat) {
        this.jstat = jstat;
        reader = jstat == null ? null : Thread.ofVirtual().name("heap-sampler").start(() -> read(jstat));
    }

    /**
     * Starts sampling.
     *
     * @param pid the JVM; 0 or a JVM jstat cannot see gives a sampler whose peak is -1
     * @return the running sampler; close it to stop and read {@link #peakMib()}
     * @throws IOException if jstat cannot be started
     */
    public static HeapSampler start(final long pid) throws IOException {
        if (pid <= 0) {
            return new HeapSampler(null);
        }
        final Path jstat = Path.of(System.getProperty("java.home"), "bin", "jstat");
        return new HeapSampler(new ProcessBuilder(jstat.toString(), "-gc", Long.toString(pid),
            Integer.toString(INTERVAL_MS)).redirectErrorStream(true).start());
    }

    private void read(final Process process) {
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            int[] columns = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                final List<String> fields = Arrays.asList(line.trim().split("\\s+"));
                if (fields.contains("EU")) {
                    columns = USED.stream().mapToInt(fields::indexOf).toArray();
                } else if (columns != null && fields.size() > Arrays.stream(columns).max().orElse(0)) {
                    double used = 0;
                    for (int column : columns) {
                        used += Double.parseDouble(fields.get(column));
                    }
                    final double previous = peakKib;
                    peakKib = Double.isNaN(previous) ? used : Math.max(previous, used);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process went away or printed something else: the peak so far stands
        }
    }

    /**
     * The highest heap occupancy seen so far.
     *
     * @return MiB, or -1 when no sample was taken
     */
    public long peakMib() {
        final double peak = peakKib;
        return Double.isNaN(peak) ? -1 : Math.round(peak / 1024);
    }

    @Override
    public void close() {
        if (jstat == null || reader == null) {
            return;
        }
        jstat.destroy();
        try {
            if (!jstat.waitFor(5, TimeUnit.SECONDS)) {
                jstat.destroyForcibly();
            }
            reader.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
