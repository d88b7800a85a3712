package io.openvni.testlib.leaves;

import static io.openvni.testlib.leaves.SimSupport.log;
import static io.openvni.testlib.leaves.SimSupport.run;

import io.openvni.testlib.Commands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The system user every simulated leaf's SSH login uses. Its password is set only while a fixture is open in this
 * JVM: the last fixture to close locks it again, so no other SSH server on the machine accepts the well-known
 * password in between.
 */
final class SimulatorUser {
    static final String NAME = "openvni-sim";
    static final String PASSWORD = "openvni-sim";

    /** Fixtures open in this JVM: the last one to close locks the user's password. */
    private static final AtomicInteger OPEN_FIXTURES = new AtomicInteger();

    private SimulatorUser() {
        // static only
    }

    /** Count one more open fixture; every call must be matched by one {@link #release()}. */
    static void acquire() {
        OPEN_FIXTURES.incrementAndGet();
    }

    /** Count one fixture less; the last one locks the password. */
    static void release() {
        if (OPEN_FIXTURES.decrementAndGet() == 0) {
            lock();
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
