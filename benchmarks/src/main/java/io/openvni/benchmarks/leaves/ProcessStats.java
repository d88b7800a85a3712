package io.openvni.benchmarks.leaves;

import io.openvni.testlib.Commands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Resources of a local process: a JVM's heap used from {@code jcmd GC.heap_info}, resident set and CPU time from
 * /proc.
 */
public final class ProcessStats {
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total[^\\n]*?used (\\d+)K");
    private static final Pattern VM_RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");
    /** USER_HZ: the unit of utime and stime in /proc/PID/stat (100 on every Linux architecture we run on). */
    private static final double TICKS_PER_SECOND = 100;
    // after the ")" that ends the command name: state is field 3, utime and stime are fields 14 and 15
    private static final int UTIME_AFTER_NAME = 11;

    private ProcessStats() {
        // static only
    }

    /** Heap used in MiB (live data plus garbage not collected yet), or -1 if jcmd cannot tell. */
    public static long heapUsedMib(final long pid) {
        final String info = jcmd(pid, "GC.heap_info");
        final var matcher = HEAP_USED.matcher(info);
        return matcher.find() ? Long.parseLong(matcher.group(1)) / 1024 : -1;
    }

    /** Heap used in MiB right after a full collection: roughly the live data. */
    public static long heapLiveMib(final long pid) {
        jcmd(pid, "GC.run");
        return heapUsedMib(pid);
    }

    /** Resident set size in MiB, or -1. */
    public static long rssMib(final long pid) {
        final long kib = rssKib(pid);
        return kib < 0 ? -1 : kib / 1024;
    }

    /** Resident set size in KiB, or -1 (gone, or not readable). */
    public static long rssKib(final long pid) {
        try {
            final var matcher = VM_RSS.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
            return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * CPU time the process has used so far, user plus system, all threads; NaN if /proc cannot tell (another
     * user's process, or gone).
     */
    public static double cpuSeconds(final long pid) {
        try {
            final String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name may hold spaces and parentheses: count fields from the last ")"
            final String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            return (Long.parseLong(fields[UTIME_AFTER_NAME]) + Long.parseLong(fields[UTIME_AFTER_NAME + 1]))
                / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * CPU time of processes together with the children each has reaped (user plus system, /proc's cutime and
     * cstime too): a device's daemons and the short-lived commands its sshd ran for it. NaN for a process /proc
     * cannot tell about counts as 0.
     */
    public static double cpuSecondsWithChildren(final List<ProcessHandle> processes) {
        double total = 0;
        for (ProcessHandle process : processes) {
            try {
                final String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
                final String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
                long ticks = 0;
                for (int field = UTIME_AFTER_NAME; field < UTIME_AFTER_NAME + 4; field++) {
                    ticks += Long.parseLong(fields[field]);
                }
                total += ticks / TICKS_PER_SECOND;
            } catch (IOException | RuntimeException e) {
                // gone meanwhile: its parent's cutime has it once reaped
            }
        }
        return total;
    }

    /** The 1, 5 and 15 minute load averages, or "?". */
    public static String loadAverage() {
        try {
            final String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "?";
        }
    }

    private static String jcmd(final long pid, final String command) {
        final Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            return Commands.run(new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
                .redirectErrorStream(true), null, Duration.ofSeconds(60)).stdout();
        } catch (IOException e) {
            return "";
        }
    }
}
