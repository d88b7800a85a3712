package io.openvni.testlib.leaves;

import static io.openvni.testlib.leaves.SimSupport.READY_TIMEOUT;
import static io.openvni.testlib.leaves.SimSupport.sleep;
import static io.openvni.testlib.leaves.SimSupport.tail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One simulated leaf: a yuma123 {@code netconfd} with its own home directory {@code dir} holding its UNIX socket,
 * {@code startup.xml} (netconfd saves each commit there, so a restarted leaf comes back with its committed
 * configuration, like a rebooted switch) and {@code netconfd.log}. Its {@link #port} is the sshd port that
 * {@code netconf-subsystem} maps to its socket.
 *
 * <p>Like a switch's process manager, it starts netconfd again when it exits without being told to (at most
 * {@value #MAX_RESTARTS} times within {@link #RESTART_WINDOW}, so a netconfd that dies at once is not restarted for
 * ever, while one that dies now and then, as yuma123 2.13 does in a session that follows one its peer cut off, is),
 * and says so with the exit status: the leaf's SSH server stays up meanwhile, so the controller sees sessions that
 * close before the hello. The leaf's files are copied first to
 * {@value #LOG_DIR_PROPERTY} (default {@code target/sim-logs}), because the lab's directory goes with the lab.
 */
final class NetconfdInstance {
    static final String NETCONFD = "/usr/sbin/netconfd";
    static final String EMPTY_CONFIG = "<config/>\n";
    /** Where the files of a netconfd that exited by itself are kept. */
    static final String LOG_DIR_PROPERTY = "openvni.sim.logdir";
    static final int MAX_RESTARTS = 3;
    static final Duration RESTART_WINDOW = Duration.ofMinutes(1);

    final int index;
    final Path dir;
    int port;
    // guarded by this; null while stopped, so an exit seen with it still set was not asked for
    private @Nullable Process process;
    private @Nullable Path yangDir;
    private final Deque<Instant> recentRestarts = new ArrayDeque<>();
    private int restarts;
    private boolean retired;

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
        final Process current = running();
        return current != null && current.isAlive();
    }

    /** Start netconfd without waiting for it; {@link #awaitReady()} waits. */
    synchronized void launch(final Path yangModules) throws IOException {
        yangDir = yangModules;
        Files.deleteIfExists(socket());
        final var command = new ArrayList<>(List.of(NETCONFD, "--home=" + dir, "--yuma-home=" + dir,
            "--modpath=" + yangModules));
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
        final Process started = builder.start();
        process = started;
        started.onExit().thenAccept(this::exited);
    }

    private synchronized void exited(final Process exited) {
        if (process != exited || retired) {
            return;
        }
        process = null;
        final Path kept = keepFiles();
        SimSupport.log(name() + "'s netconfd exited by itself with status " + exited.exitValue()
            + (exited.exitValue() > 128 ? " (signal " + (exited.exitValue() - 128) + ")" : "") + "; files kept in "
            + kept + "; log tail:\n" + tail(log(), 15));
        final Path modules = yangDir;
        final Instant now = Instant.now();
        while (!recentRestarts.isEmpty() && recentRestarts.peekFirst().isBefore(now.minus(RESTART_WINDOW))) {
            recentRestarts.removeFirst();
        }
        if (modules == null || recentRestarts.size() >= MAX_RESTARTS) {
            SimSupport.log(name() + ": not started again (" + recentRestarts.size() + " restarts within "
                + RESTART_WINDOW.toSeconds() + " s already)");
            return;
        }
        recentRestarts.addLast(now);
        restarts++;
        try {
            launch(modules);
            SimSupport.log(name() + "'s netconfd started again (restart " + restarts + "; " + recentRestarts.size()
                + " of at most " + MAX_RESTARTS + " within " + RESTART_WINDOW.toSeconds() + " s)");
        } catch (IOException e) {
            SimSupport.log(name() + "'s netconfd could not be started again: " + e);
        }
    }

    private Path keepFiles() {
        final Path target = Path.of(System.getProperty(LOG_DIR_PROPERTY, "target/sim-logs"))
            .resolve(name() + "-" + Instant.now().toString().replace(':', '-')).toAbsolutePath();
        try {
            Files.createDirectories(target);
            for (Path file : List.of(log(), dir.resolve("netconfd.out"), startup())) {
                if (Files.exists(file)) {
                    Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            SimSupport.log("cannot keep " + name() + "'s files in " + target + ": " + e);
        }
        return target;
    }

    /** Wait until netconfd has made its socket, i.e. serves sessions. */
    void awaitReady() throws IOException {
        final Process current = running();
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

    private synchronized @Nullable Process running() {
        return process;
    }

    /** Stop netconfd if it runs and remove its socket. */
    void stop() throws IOException {
        final Process current;
        synchronized (this) {
            current = process;
            process = null;
        }
        if (current != null) {
            SimSupport.terminate(List.of(current.toHandle()));
        }
        Files.deleteIfExists(socket());
    }

    /**
     * The lab is going away: no more restarts.
     *
     * @return the running netconfd, if any, for the caller to end
     */
    synchronized @Nullable ProcessHandle retire() {
        retired = true;
        final Process current = process;
        process = null;
        return current == null ? null : current.toHandle();
    }

    /** Next start begins with an empty configuration. */
    void eraseConfig() throws IOException {
        Files.writeString(startup(), EMPTY_CONFIG);
    }
}
