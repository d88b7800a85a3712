package io.openvni.testlib.leaves;

import static io.openvni.testlib.leaves.SimSupport.READY_TIMEOUT;
import static io.openvni.testlib.leaves.SimSupport.sleep;
import static io.openvni.testlib.leaves.SimSupport.tail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One simulated leaf: a yuma123 {@code netconfd} with its own home directory {@code dir} holding its UNIX socket,
 * {@code startup.xml} (netconfd saves each commit there, so a restarted leaf comes back with its committed
 * configuration, like a rebooted switch) and {@code netconfd.log}. Its {@link #port} is the sshd port that
 * {@code netconf-subsystem} maps to its socket.
 */
final class NetconfdInstance {
    static final String NETCONFD = "/usr/sbin/netconfd";
    static final String EMPTY_CONFIG = "<config/>\n";

    final int index;
    final Path dir;
    int port;
    @Nullable Process process;

    NetconfdInstance(final int index, final Path dir) {
        this.index = index;
        this.dir = dir;
    }

    String name() {
        return "leaf" + (index + 1);
    }

    Path socket() {
        return dir.resolve("sock");
    }

    Path startup() {
        return dir.resolve("startup.xml");
    }

    Path log() {
        return dir.resolve("netconfd.log");
    }

    boolean isRunning() {
        final Process current = process;
        return current != null && current.isAlive();
    }

    /** Start netconfd without waiting for it; {@link #awaitReady()} waits. */
    void launch(final Path yangDir) throws IOException {
        Files.deleteIfExists(socket());
        final var command = new ArrayList<>(List.of(NETCONFD, "--home=" + dir, "--yuma-home=" + dir,
            "--modpath=" + yangDir));
        for (String module : OpenConfigYang.MODULES) {
            command.add("--module=" + module);
        }
        command.addAll(List.of("--startup=" + startup(), "--target=candidate", "--with-startup=false",
            "--access-control=off", "--superuser=" + SimulatorUser.NAME, "--idle-timeout=0", "--log=" + log(),
            "--log-append", "--ncxserver-sockname=" + socket(), "--port=" + port));
        final var builder = new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("netconfd.out").toFile()));
        builder.environment().put("HOME", dir.toString());
        process = builder.start();
    }

    /** Wait until netconfd has made its socket, i.e. serves sessions. */
    void awaitReady() throws IOException {
        final Process current = process;
        final long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (current != null && !Files.exists(socket())) {
            if (!current.isAlive()) {
                throw new IOException("netconfd of " + name() + " exited with " + current.exitValue()
                    + "; log tail:\n" + tail(log(), 30));
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("netconfd of " + name() + " not ready within " + READY_TIMEOUT
                    + "; log tail:\n" + tail(log(), 30));
            }
            sleep(Duration.ofMillis(20));
        }
    }

    /** Stop netconfd if it runs and remove its socket. */
    void stop() throws IOException {
        final Process current = process;
        process = null;
        if (current != null) {
            SimSupport.terminate(List.of(current.toHandle()));
        }
        Files.deleteIfExists(socket());
    }

    /** Next start begins with an empty configuration. */
    void eraseConfig() throws IOException {
        Files.writeString(startup(), EMPTY_CONFIG);
    }
}
