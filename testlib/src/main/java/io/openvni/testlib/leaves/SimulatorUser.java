package io.openvni.testlib.leaves;

import static io.openvni.testlib.leaves.SimSupport.log;
import static io.openvni.testlib.leaves.SimSupport.run;

import io.openvni.testlib.controller.Processes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The system user every simulated leaf's SSH login uses. Its password is set only while a fixture is open: the last
 * fixture to close locks it again, so no other SSH server on the machine accepts the well-known password in between.
 * Several test JVMs may run simulators at once (other checkouts, a test beside the demo), so "last" is machine-wide:
 * the password stays while any simulator sshd of another process still runs.
 */
final class SimulatorUser {
    static final String NAME = "openvni-sim";
    static final String PASSWORD = "openvni-sim";
    /** What the simulators' work folders are called (see {@link NetconfdLeaves}). */
    static final String SIM_DIRECTORY = "ovni-sim";

    /** Fixtures open in this JVM: the last one to close locks the user's password. */
    private static final AtomicInteger OPEN_FIXTURES = new AtomicInteger();
    private static final long GUARD_SECONDS = 2;
    // guarded by SimulatorUser.class; runs while fixtures are open
    private static @Nullable ScheduledExecutorService guard;

    private SimulatorUser() {
        // static only
    }

    /**
     * Count one more open fixture; every call must be matched by one {@link #release()}. While fixtures are open, the
     * password is set again within seconds if another process locks it (one whose last fixture closed, built before
     * it looked for other processes' simulators).
     */
    static synchronized void acquire() {
        if (OPEN_FIXTURES.incrementAndGet() == 1) {
            guard = Executors.newSingleThreadScheduledExecutor(runnable -> {
                final var thread = new Thread(runnable, "openvni-sim-password-guard");
                thread.setDaemon(true);
                return thread;
            });
            guard.scheduleWithFixedDelay(SimulatorUser::ensureQuietly, GUARD_SECONDS, GUARD_SECONDS,
                TimeUnit.SECONDS);
        }
    }

    /** Count one fixture less; the last one on the machine locks the password. */
    static synchronized void release() {
        if (OPEN_FIXTURES.decrementAndGet() == 0) {
            if (guard != null) {
                guard.shutdownNow();
                guard = null;
            }
            if (!othersRunSimulators()) {
                lock();
            }
        }
    }

    private static void ensureQuietly() {
        try {
            ensure();
        } catch (IOException e) {
            log("could not set the password of " + NAME + " again: " + e.getMessage());
        }
    }

    /** Whether a process outside this JVM runs a simulator sshd (its config lies in an {@code ovni-sim} folder). */
    private static boolean othersRunSimulators() {
        final var mine = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
        return ProcessHandle.allProcesses()
            .filter(process -> process.isAlive() && !mine.contains(process.pid()))
            .map(process -> process.info().commandLine().orElse(""))
            .anyMatch(command -> command.contains("sshd") && command.contains(SIM_DIRECTORY));
    }

    private static void lock() {
        try {
            final var locked = run(List.of("usermod", "--lock", NAME));
            if (locked.exit() != 0) {
                log("could not lock the password of " + NAME + ": " + locked.output());
            }
        } catch (IOException e) {
            log("could not lock the password of " + NAME + ": " + e.getMessage());
        }
    }

    /** Create the user when missing and (re)set its password when it is locked or empty. */
    static void ensure() throws IOException {
        if (run(List.of("id", "-u", NAME)).exit() != 0) {
            final var added = run(List.of("useradd", "--system", "--shell", "/bin/sh", "--home-dir", "/",
                "--no-create-home", "--comment", "OpenVNI test leaf simulators (netconfd over private sshd)", NAME));
            if (added.exit() != 0 && run(List.of("id", "-u", NAME)).exit() != 0) {
                throw new IOException("cannot create system user " + NAME + ": " + added.output());
            }
            log("created system user " + NAME + " for the leaf simulators' SSH logins");
        }
        final String shadow = Files.readAllLines(Path.of("/etc/shadow")).stream()
            .filter(line -> line.startsWith(NAME + ":")).findFirst().orElse(NAME + "::");
        final String hash = shadow.split(":", -1)[1];
        if (hash.isEmpty() || hash.startsWith("!") || hash.startsWith("*")) {
            final Process chpasswd = new ProcessBuilder("chpasswd").redirectErrorStream(true).start();
            chpasswd.getOutputStream().write((NAME + ":" + PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
            chpasswd.getOutputStream().close();
            final String output = new String(chpasswd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (Processes.waitFor(chpasswd, Duration.ofSeconds(30)) != 0) {
                throw new IOException("cannot set the password of " + NAME + ": " + output);
            }
        }
    }
}
