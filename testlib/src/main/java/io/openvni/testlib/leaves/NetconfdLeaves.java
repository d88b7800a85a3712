package io.openvni.testlib.leaves;

import io.openvni.testlib.controller.Credentials;
import io.openvni.testlib.PrivateSshd;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eclipse.jdt.annotation.Nullable;

/**
 * N simulated leaf switches: one yuma123 {@code netconfd} per leaf (strict validation, {@code :candidate},
 * OpenConfig models from {@link OpenConfigYang#directory()}, empty initial configuration), reached over NETCONF/SSH
 * at 127.0.0.1 on one port per leaf, through private {@code sshd -D} processes (up to {@value #LEAVES_PER_SSHD}
 * ports each) whose {@code netconf-subsystem} picks the leaf by the server port.
 *
 * <p>Everything lives in one temporary directory (removed by {@link #close()}): per leaf {@code leafN/} with the
 * netconfd home, its UNIX socket, {@code startup.xml} (netconfd saves each commit there, so a leaf restarted with
 * {@link #start(int)} comes back with its committed configuration, like a rebooted switch) and {@code netconfd.log};
 * per sshd {@code sshdN/} with its config and log, and beside them the host keys (made with ssh-keygen for this
 * run). {@link NetconfdInstance} runs one netconfd, {@link LeafSshd} one sshd, {@link SimulatorUser} handles the
 * login user.
 *
 * <p>Needs root: SSH logins use the system user {@value #USER} (password {@value #PASSWORD}, shell {@code /bin/sh},
 * home {@code /}), created with {@code useradd --system} when missing. Only the private sshd processes (127.0.0.1,
 * {@code AllowUsers} that user, password logins only, {@code UsePAM no}) are meant to be used with it; they run only
 * while a fixture is open, and the user's password is locked again when the last open fixture closes (or the JVM
 * exits with fixtures open), so no other SSH server on the machine accepts the well-known password in between.
 * Ports are free ephemeral ports chosen at start.
 */
public final class NetconfdLeaves implements AutoCloseable {
    /** The SSH (and netconfd superuser) login of every leaf. */
    public static final String USER = SimulatorUser.NAME;
    /** Its password. */
    public static final String PASSWORD = SimulatorUser.PASSWORD;
    /** Address every leaf listens on. */
    public static final String HOST = "127.0.0.1";
    /** Leaves (ports) per sshd process. */
    public static final int LEAVES_PER_SSHD = 16;
    /** System property: the directory the temporary directory is made in (short: UNIX socket paths). */
    public static final String TMP_PROPERTY = "openvni.sim.tmpdir";

    private static final int MAX_SOCKET_PATH = 100;

    private final Path workDir;
    private final Path yangDir;
    private final List<NetconfdInstance> leaves = new ArrayList<>();
    private final List<LeafSshd> sshds = new ArrayList<>();
    private final Thread killOnExit;
    private boolean closed;

    private NetconfdLeaves(final Path workDir, final Path yangDir) {
        this.workDir = workDir;
        this.yangDir = yangDir;
        killOnExit = new Thread(this::killAll, "openvni-sim-kill-leaves");
    }

    /**
     * What this machine lacks to run leaves (for test assumptions).
     *
     * @return null if nothing is missing, else a sentence naming it
     */
    public static @Nullable String missingPrerequisite() {
        for (String tool : List.of(NetconfdInstance.NETCONFD, LeafSshd.SUBSYSTEM, PrivateSshd.SSHD,
                PrivateSshd.SSH_KEYGEN)) {
            if (!Files.isExecutable(Path.of(tool))) {
                return tool + " is not installed (apt-get install netconfd openssh-server)";
            }
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return "the leaf simulators need root (system user " + USER + ", sshd)";
        }
        try {
            OpenConfigYang.directory();
        } catch (IOException e) {
            return e.getMessage();
        }
        return null;
    }

    /**
     * Start leaves and wait until each accepts NETCONF sessions. If anything fails, what was started is stopped.
     *
     * @param count how many leaves
     * @return the running leaves
     * @throws IOException with the reason and log tails
     */
    public static NetconfdLeaves launch(final int count) throws IOException {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        final String missing = missingPrerequisite();
        if (missing != null) {
            throw new IOException(missing);
        }
        final long begin = System.nanoTime();
        final Path base = Path.of(System.getProperty(TMP_PROPERTY, "/tmp"));
        final Path workDir = Files.createTempDirectory(base, SimulatorUser.SIM_DIRECTORY);
        final var result = new NetconfdLeaves(workDir, OpenConfigYang.directory());
        Runtime.getRuntime().addShutdownHook(result.killOnExit);
        try {
            result.startAll(count);
        } catch (IOException | RuntimeException e) {
            result.close();
            throw e;
        }
        SimSupport.log(String.format(Locale.ROOT, "%d netconfd leaves ready in %.2f s (ports %s, dir %s)",
            count, (System.nanoTime() - begin) / 1e9, result.leaves.stream().map(l -> Integer.toString(l.port))
                .collect(Collectors.joining(",")), workDir));
        return result;
    }

    private void startAll(final int count) throws IOException {
        // counted before anything can fail: close() always runs after startAll and releases it
        SimulatorUser.acquire();
        SimulatorUser.ensure();
        Files.createDirectories(Path.of("/run/sshd"));
        // netconf-subsystem runs as USER and must reach the sockets
        SimSupport.openUp(workDir);
        for (int i = 0; i < count; i++) {
            final Path dir = workDir.resolve("leaf" + (i + 1));
            Files.createDirectories(dir.resolve("data"));
            SimSupport.openUp(dir);
            final var leaf = new NetconfdInstance(i, dir);
            leaf.eraseConfig();
            if (leaf.socket().toString().length() > MAX_SOCKET_PATH) {
                throw new IOException("UNIX socket path too long: " + leaf.socket() + "; set -D" + TMP_PROPERTY
                    + " to a short directory");
            }
            leaves.add(leaf);
        }
        final List<Path> hostKeys = PrivateSshd.makeHostKeys(workDir, "openvni-sim", LeafSshd.KEY_TYPES);
        for (int first = 0; first < count; first += LEAVES_PER_SSHD) {
            final Path dir = workDir.resolve("sshd" + (sshds.size() + 1));
            Files.createDirectories(dir);
            sshds.add(new LeafSshd(dir, leaves.subList(first, Math.min(count, first + LEAVES_PER_SSHD)),
                hostKeys));
        }
        for (LeafSshd sshd : sshds) {
            sshd.start();
        }
        for (NetconfdInstance leaf : leaves) {
            leaf.launch(yangDir);
        }
        for (NetconfdInstance leaf : leaves) {
            leaf.awaitReady();
        }
    }

    /**
     * How many leaves.
     *
     * @return the count
     */
    public int size() {
        return leaves.size();
    }

    /**
     * A leaf's name: {@code leaf1} for index 0, and so on.
     *
     * @param leaf index from 0
     * @return the name
     */
    public String name(final int leaf) {
        return leaf(leaf).name();
    }

    /**
     * Host of a leaf's NETCONF (SSH) server.
     *
     * @param leaf index from 0
     * @return {@value #HOST}
     */
    public String host(final int leaf) {
        leaf(leaf);
        return HOST;
    }

    /**
     * Port of a leaf's NETCONF (SSH) server.
     *
     * @param leaf index from 0
     * @return the port
     */
    public int port(final int leaf) {
        return leaf(leaf).port;
    }

    /**
     * SSH user of a leaf.
     *
     * @param leaf index from 0
     * @return {@value #USER}
     */
    public String username(final int leaf) {
        leaf(leaf);
        return USER;
    }

    /**
     * SSH password of a leaf.
     *
     * @param leaf index from 0
     * @return {@value #PASSWORD}
     */
    public String password(final int leaf) {
        leaf(leaf);
        return PASSWORD;
    }

    /**
     * SSH user and password of a leaf.
     *
     * @param leaf index from 0
     * @return the credentials
     */
    public Credentials credentials(final int leaf) {
        return new Credentials(username(leaf), password(leaf));
    }

    /**
     * A test client bound to a leaf.
     *
     * @param leaf index from 0
     * @return the client
     */
    public NetconfTestClient client(final int leaf) {
        return new NetconfTestClient(host(leaf), port(leaf), credentials(leaf));
    }

    /**
     * A leaf's netconfd log (for failure messages).
     *
     * @param leaf index from 0
     * @return the log file
     */
    public Path log(final int leaf) {
        return leaf(leaf).log();
    }

    /**
     * The temporary directory holding everything.
     *
     * @return the directory
     */
    public Path workDir() {
        return workDir;
    }

    /**
     * Whether a leaf's netconfd runs.
     *
     * @param leaf index from 0
     * @return true if it runs
     */
    public synchronized boolean isRunning(final int leaf) {
        return leaf(leaf).isRunning();
    }

    /**
     * Stop a leaf's netconfd (SIGTERM, SIGKILL if it takes too long), as when a switch goes down: its port still
     * accepts SSH but sessions end at once, and open sessions are closed. Its committed configuration stays in its
     * startup file. Takes about 2.5 s (netconfd's shutdown). Does nothing if it is stopped.
     *
     * @param leaf index from 0
     */
    public synchronized void stop(final int leaf) {
        final NetconfdInstance target = leaf(leaf);
        final boolean wasStarted = target.process != null;
        final long begin = System.nanoTime();
        try {
            target.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (wasStarted) {
            SimSupport.log(String.format(Locale.ROOT, "%s stopped in %.2f s", name(leaf),
                (System.nanoTime() - begin) / 1e9));
        }
    }

    /**
     * Start a stopped leaf again and wait until it serves NETCONF; it loads the configuration it last committed
     * (or the empty one after {@link #eraseConfig(int)}). Does nothing if it runs.
     *
     * @param leaf index from 0
     * @throws IOException if netconfd does not come up (its log tail is in the message)
     */
    public synchronized void start(final int leaf) throws IOException {
        checkOpen();
        final NetconfdInstance target = leaf(leaf);
        if (target.isRunning()) {
            return;
        }
        final long begin = System.nanoTime();
        target.launch(yangDir);
        target.awaitReady();
        SimSupport.log(String.format(Locale.ROOT, "%s started in %.2f s", name(leaf),
            (System.nanoTime() - begin) / 1e9));
    }

    /**
     * Stop a leaf if it runs, erase its configuration and start it again: a switch back from a factory reset.
     *
     * @param leaf index from 0
     * @throws IOException if netconfd does not come up or the startup file cannot be written
     */
    public synchronized void restartEmpty(final int leaf) throws IOException {
        stop(leaf);
        eraseConfig(leaf);
        start(leaf);
    }

    /**
     * Make a stopped leaf start with an empty configuration next time (a factory reset).
     *
     * @param leaf index from 0
     * @throws IOException if the startup file cannot be written
     * @throws IllegalStateException if the leaf runs
     */
    public synchronized void eraseConfig(final int leaf) throws IOException {
        if (isRunning(leaf)) {
            throw new IllegalStateException(name(leaf) + " runs: stop it first");
        }
        leaf(leaf).eraseConfig();
    }

    /**
     * Stop every netconfd and sshd (SIGTERM to all at once, SIGKILL to what is left after a few seconds) and
     * remove the temporary directory. Safe to call twice.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        final long begin = System.nanoTime();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // the JVM is exiting: the hook kills everything
            return;
        }
        SimSupport.terminate(handles());
        for (NetconfdInstance leaf : leaves) {
            leaf.process = null;
        }
        SimSupport.deleteRecursively(workDir);
        SimulatorUser.release();
        SimSupport.log(String.format(Locale.ROOT, "leaves stopped and removed in %.2f s",
            (System.nanoTime() - begin) / 1e9));
    }

    private List<ProcessHandle> handles() {
        final var handles = new ArrayList<ProcessHandle>();
        for (NetconfdInstance leaf : leaves) {
            final Process process = leaf.process;
            if (process != null) {
                handles.add(process.toHandle());
            }
        }
        for (LeafSshd sshd : sshds) {
            handles.addAll(sshd.processes());
        }
        return handles;
    }

    private void killAll() {
        for (ProcessHandle handle : handles()) {
            handle.destroyForcibly();
        }
        SimSupport.deleteRecursively(workDir);
        // a JVM ended by a signal (Ctrl-C, the demo's stop) must not leave the well-known password usable either
        SimulatorUser.release();
        SimSupport.log("leaves killed and removed at JVM exit");
    }

    private NetconfdInstance leaf(final int leaf) {
        if (leaf < 0 || leaf >= leaves.size()) {
            throw new IndexOutOfBoundsException("no leaf " + leaf + " (there are " + leaves.size() + ")");
        }
        return leaves.get(leaf);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("closed");
        }
    }
}
