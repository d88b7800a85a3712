package io.openvni.testlib.leaves;

import static io.openvni.testlib.leaves.SimSupport.log;
import static io.openvni.testlib.leaves.SimSupport.run;

import io.openvni.testlib.Commands;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The system user every simulated leaf's SSH login uses. Its password is set only while a fixture is open on this
 * machine: the last fixture to close locks it again, so no other SSH server on the machine accepts the well-known
 * password in between. Fixtures of several JVMs (a test run beside a demo or a benchmark) count together: each JVM
 * with an open fixture holds a shared lock on {@value #IN_USE}, and a closing JVM locks the password only when it
 * can take that file's lock exclusively.
 */
final class SimulatorUser {
    static final String NAME = "openvni-sim";
    static final String PASSWORD = "openvni-sim";

    static final String IN_USE = "/run/openvni-sim-user.lock";

    // fixtures open in this JVM, and this JVM's shared lock while there are any; guarded by the class
    private static int openFixtures;
    private static @Nullable FileChannel inUse;

    private SimulatorUser() {
        // static only
    }

    /**
     * Count one more open fixture; every call must be matched by one {@link #release()}.
     *
     * @throws IOException if the machine-wide use cannot be recorded
     */
    static synchronized void acquire() throws IOException {
        // counted first: a caller whose acquire failed still calls release()
        openFixtures++;
        if (inUse == null) {
            final FileChannel channel = FileChannel.open(Path.of(IN_USE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.READ);
            try {
                channel.lock(0, Long.MAX_VALUE, true);
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            inUse = channel;
        }
    }

    /** Count one fixture less; the machine's last one locks the password. */
    static synchronized void release() {
        if (--openFixtures > 0) {
            return;
        }
        final FileChannel channel = inUse;
        inUse = null;
        if (channel == null) {
            return;
        }
        try {
            // gives up this JVM's shared lock
            channel.close();
        } catch (IOException e) {
            log("could not release " + IN_USE + ": " + e.getMessage());
        }
        // granted only while no other JVM has a fixture open; one that opens meanwhile waits, then sets it again
        try (FileChannel check = FileChannel.open(Path.of(IN_USE), StandardOpenOption.WRITE);
             FileLock exclusive = check.tryLock()) {
            if (exclusive != null) {
                lock();
            }
        } catch (IOException e) {
            log("could not check " + IN_USE + ": " + e.getMessage());
        }
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
            final var chpasswd = Commands.run(new ProcessBuilder("chpasswd").redirectErrorStream(true),
                NAME + ":" + PASSWORD + "\n", Duration.ofSeconds(30));
            if (!chpasswd.ok()) {
                throw new IOException("cannot set the password of " + NAME + ": " + chpasswd.output());
            }
        }
    }
}
