package io.openvni.it.sim;

import io.openvni.it.Credentials;
import io.openvni.it.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
 * per sshd {@code sshdN/} with its config, host keys (made with ssh-keygen for this run) and log.
 *
 * <p>Needs root: SSH logins use the system user {@value #USER} (password {@value #PASSWORD}, shell {@code /bin/sh},
 * home {@code /}), created with {@code useradd --system} when missing. Only the private sshd processes (127.0.0.1,
 * {@code AllowUsers} that user, password logins only, {@code UsePAM no}) are meant to be used with it; they run only
 * while a fixture is open, and the user's password is locked again when the last open fixture closes, so no other
 * SSH server on the machine accepts the well-known password in between. Ports are free ephemeral ports chosen at
 * start.
 */
public final class NetconfdLeaves implements AutoCloseable {
    /** The SSH (and netconfd superuser) login of every leaf. */
    public static final String USER = "openvni-sim";
    /** Its password. */
    public static final String PASSWORD = "openvni-sim";
    /** Address every leaf listens on. */
    public static final String HOST = "127.0.0.1";
    /** Leaves (ports) per sshd process. */
    public static final int LEAVES_PER_SSHD = 16;
    /** System property: the directory the temporary directory is made in (short: UNIX socket paths). */
    public static final String TMP_PROPERTY = "openvni.sim.tmpdir";

    static final String NETCONFD = "/usr/sbin/netconfd";
    static final String SSHD = "/usr/sbin/sshd";
    static final String SUBSYSTEM = "/usr/sbin/netconf-subsystem";
    static final String SSH_KEYGEN = "/usr/bin/ssh-keygen";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration TERM_TIMEOUT = Duration.ofSeconds(6);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(3);
    private static final int MAX_SOCKET_PATH = 100;
    private static final int BIND_ATTEMPTS = 4;

    private final Path workDir;
    private final Path yangDir;
    private final List<Leaf> leaves = new ArrayList<>();
    private final List<Sshd> sshds = new ArrayList<>();
    private final Thread killOnExit;
    private boolean closed;

    private static final class Leaf {
        final int index;
        final Path dir;
        int port;
        @Nullable Process netconfd;

        Leaf(final int index, final Path dir) {
            this.index = index;
            this.dir = dir;
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
    }

    private static final class Sshd {
        final Path dir;
        final List<Leaf> leaves;
        @Nullable Process process;

        Sshd(final Path dir, final List<Leaf> leaves) {
            this.dir = dir;
            this.leaves = leaves;
        }

        Path config() {
            return dir.resolve("sshd_config");
        }

        Path log() {
            return dir.resolve("sshd.log");
        }
    }

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
        for (String tool : List.of(NETCONFD, SUBSYSTEM, SSHD, SSH_KEYGEN)) {
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
        final Path workDir = Files.createTempDirectory(base, "ovni-sim");
        final var result = new NetconfdLeaves(workDir, OpenConfigYang.directory());
        Runtime.getRuntime().addShutdownHook(result.killOnExit);
        try {
            result.startAll(count);
        } catch (IOException | RuntimeException e) {
            result.close();
            throw e;
        }
        log(String.format(Locale.ROOT, "%d netconfd leaves ready in %.2f s (ports %s, dir %s)", count,
            (System.nanoTime() - begin) / 1e9, result.leaves.stream().map(l -> Integer.toString(l.port))
                .collect(Collectors.joining(",")), workDir));
        return result;
    }

    private void startAll(final int count) throws IOException {
        // counted before anything can fail: close() always runs after startAll and decrements
        OPEN_FIXTURES.incrementAndGet();
        ensureUser();
        Files.createDirectories(Path.of("/run/sshd"));
        // netconf-subsystem runs as USER and must reach the sockets
        openUp(workDir);
        for (int i = 0; i < count; i++) {
            final Path dir = workDir.resolve("leaf" + (i + 1));
            Files.createDirectories(dir.resolve("data"));
            openUp(dir);
            Files.writeString(dir.resolve("startup.xml"), "<config/>\n");
            final Leaf leaf = new Leaf(i, dir);
            if (leaf.socket().toString().length() > MAX_SOCKET_PATH) {
                throw new IOException("UNIX socket path too long: " + leaf.socket() + "; set -D" + TMP_PROPERTY
                    + " to a short directory");
            }
            leaves.add(leaf);
        }
        for (int first = 0; first < count; first += LEAVES_PER_SSHD) {
            final Path dir = workDir.resolve("sshd" + (sshds.size() + 1));
            Files.createDirectories(dir);
            sshds.add(new Sshd(dir, leaves.subList(first, Math.min(count, first + LEAVES_PER_SSHD))));
        }
        makeHostKeys();
        for (Sshd sshd : sshds) {
            startSshd(sshd);
        }
        for (Leaf leaf : leaves) {
            launchNetconfd(leaf);
        }
        for (Leaf leaf : leaves) {
            awaitNetconfd(leaf);
        }
    }

    /** Fixtures open in this JVM: the last one to close locks the user's password. */
    private static final java.util.concurrent.atomic.AtomicInteger OPEN_FIXTURES =
        new java.util.concurrent.atomic.AtomicInteger();

    private static void lockUser() {
        try {
            final var locked = run(List.of("usermod", "--lock", USER));
            if (locked.exit() != 0) {
                log("could not lock the password of " + USER + ": " + locked.output());
            }
        } catch (IOException e) {
            log("could not lock the password of " + USER + ": " + e.getMessage());
        }
    }

    private static void ensureUser() throws IOException {
        if (run(List.of("id", "-u", USER)).exit() != 0) {
            final var added = run(List.of("useradd", "--system", "--shell", "/bin/sh", "--home-dir", "/",
                "--no-create-home", "--comment", "OpenVNI test leaf simulators (netconfd over private sshd)", USER));
            if (added.exit() != 0 && run(List.of("id", "-u", USER)).exit() != 0) {
                throw new IOException("cannot create system user " + USER + ": " + added.output());
            }
            log("created system user " + USER + " for the leaf simulators' SSH logins");
        }
        final String shadow = Files.readAllLines(Path.of("/etc/shadow")).stream()
            .filter(line -> line.startsWith(USER + ":")).findFirst().orElse(USER + "::");
        final String hash = shadow.split(":", -1)[1];
        if (hash.isEmpty() || hash.startsWith("!") || hash.startsWith("*")) {
            final Process chpasswd = new ProcessBuilder("chpasswd").redirectErrorStream(true).start();
            chpasswd.getOutputStream().write((USER + ":" + PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
            chpasswd.getOutputStream().close();
            final String output = new String(chpasswd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (Processes.waitFor(chpasswd, Duration.ofSeconds(30)) != 0) {
                throw new IOException("cannot set the password of " + USER + ": " + output);
            }
        }
    }

    private void makeHostKeys() throws IOException {
        final var keygens = new ArrayList<Process>();
        for (String type : List.of("ecdsa", "ed25519", "rsa")) {
            final var command = new ArrayList<>(List.of(SSH_KEYGEN, "-q", "-t", type, "-N", "", "-C", "openvni-sim",
                "-f", workDir.resolve("ssh_host_" + type + "_key").toString()));
            if ("rsa".equals(type)) {
                command.addAll(List.of("-b", "2048"));
            }
            keygens.add(new ProcessBuilder(command).redirectErrorStream(true).start());
        }
        for (Process keygen : keygens) {
            final String output = new String(keygen.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (Processes.waitFor(keygen, Duration.ofSeconds(60)) != 0) {
                throw new IOException("ssh-keygen failed: " + output);
            }
        }
    }

    private void startSshd(final Sshd sshd) throws IOException {
        boolean checked = false;
        for (int attempt = 1; attempt <= BIND_ATTEMPTS; attempt++) {
            final List<Integer> ports = freePorts(sshd.leaves.size());
            for (int i = 0; i < ports.size(); i++) {
                sshd.leaves.get(i).port = ports.get(i);
            }
            writeSshdConfig(sshd, true);
            if (!checked) {
                final var test = run(List.of(SSHD, "-t", "-f", sshd.config().toString()));
                if (test.exit() != 0 && test.output().contains("PerSourcePenalties")) {
                    // OpenSSH < 9.8 has no per-source penalties; newer ones must not penalize 127.0.0.1
                    writeSshdConfig(sshd, false);
                } else if (test.exit() != 0) {
                    throw new IOException("sshd rejects its config " + sshd.config() + ": " + test.output());
                }
                checked = true;
            }
            Files.deleteIfExists(sshd.log());
            final Process process = new ProcessBuilder(SSHD, "-D", "-f", sshd.config().toString(),
                "-E", sshd.log().toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(sshd.dir.resolve("sshd.out").toFile()))
                .start();
            sshd.process = process;
            final long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
            while (true) {
                final String log = Files.exists(sshd.log()) ? Files.readString(sshd.log()) : "";
                if (ports.stream().allMatch(port -> log.contains("Server listening on " + HOST + " port " + port))) {
                    return;
                }
                final boolean bindFailed = log.contains("Bind to port");
                if (bindFailed || !process.isAlive()) {
                    terminate(List.of(process.toHandle()));
                    sshd.process = null;
                    if (bindFailed && attempt < BIND_ATTEMPTS) {
                        log("sshd lost a port race, retrying with other ports: " + log.strip());
                        break;
                    }
                    throw new IOException("sshd " + sshd.config() + " did not start: " + log + readIfExists(
                        sshd.dir.resolve("sshd.out")));
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("sshd not listening within " + READY_TIMEOUT + ": " + log);
                }
                sleep(Duration.ofMillis(20));
            }
        }
    }

    private void writeSshdConfig(final Sshd sshd, final boolean noPenalties) throws IOException {
        final var config = new StringBuilder()
            .append("# private sshd of the OpenVNI leaf simulators (io.openvni.it.sim.NetconfdLeaves)\n")
            .append("ListenAddress ").append(HOST).append('\n');
        for (Leaf leaf : sshd.leaves) {
            config.append("Port ").append(leaf.port).append('\n');
        }
        for (String type : List.of("ecdsa", "ed25519", "rsa")) {
            config.append("HostKey ").append(workDir.resolve("ssh_host_" + type + "_key")).append('\n');
        }
        config.append("""
            PidFile none
            UsePAM no
            PasswordAuthentication yes
            PermitEmptyPasswords no
            KbdInteractiveAuthentication no
            PubkeyAuthentication no
            AuthorizedKeysFile none
            PermitRootLogin no
            AllowUsers\s""").append(USER).append('\n').append("""
            UseDNS no
            PrintMotd no
            PrintLastLog no
            X11Forwarding no
            AllowTcpForwarding no
            AllowAgentForwarding no
            PermitTunnel no
            MaxStartups 500
            MaxSessions 100
            LoginGraceTime 60
            ClientAliveInterval 0
            LogLevel INFO
            """);
        if (noPenalties) {
            config.append("PerSourcePenalties no\n");
        }
        config.append("Subsystem netconf \"").append(SUBSYSTEM);
        for (Leaf leaf : sshd.leaves) {
            config.append(" --ncxserver-sockname=").append(leaf.port).append('@').append(leaf.socket());
        }
        config.append("\"\n");
        Files.writeString(sshd.config(), config.toString());
    }

    private void launchNetconfd(final Leaf leaf) throws IOException {
        Files.deleteIfExists(leaf.socket());
        final var command = new ArrayList<>(List.of(NETCONFD, "--home=" + leaf.dir, "--yuma-home=" + leaf.dir,
            "--modpath=" + yangDir));
        for (String module : OpenConfigYang.MODULES) {
            command.add("--module=" + module);
        }
        command.addAll(List.of("--startup=" + leaf.startup(), "--target=candidate", "--with-startup=false",
            "--access-control=off", "--superuser=" + USER, "--idle-timeout=0", "--log=" + leaf.log(), "--log-append",
            "--ncxserver-sockname=" + leaf.socket(), "--port=" + leaf.port));
        final var builder = new ProcessBuilder(command)
            .directory(leaf.dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(leaf.dir.resolve("netconfd.out").toFile()));
        builder.environment().put("HOME", leaf.dir.toString());
        leaf.netconfd = builder.start();
    }

    private void awaitNetconfd(final Leaf leaf) throws IOException {
        final Process process = leaf.netconfd;
        final long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (process != null && !Files.exists(leaf.socket())) {
            if (!process.isAlive()) {
                throw new IOException("netconfd of " + name(leaf.index) + " exited with " + process.exitValue()
                    + "; log tail:\n" + tail(leaf.log(), 30));
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("netconfd of " + name(leaf.index) + " not ready within " + READY_TIMEOUT
                    + "; log tail:\n" + tail(leaf.log(), 30));
            }
            sleep(Duration.ofMillis(20));
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
        return "leaf" + (leaf(leaf).index + 1);
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
        final Process process = leaf(leaf).netconfd;
        return process != null && process.isAlive();
    }

    /**
     * Stop a leaf's netconfd (SIGTERM, SIGKILL if it takes too long), as when a switch goes down: its port still
     * accepts SSH but sessions end at once, and open sessions are closed. Its committed configuration stays in its
     * startup file. Takes about 2.5 s (netconfd's shutdown). Does nothing if it is stopped.
     *
     * @param leaf index from 0
     */
    public synchronized void stop(final int leaf) {
        final Leaf target = leaf(leaf);
        final Process process = target.netconfd;
        target.netconfd = null;
        if (process != null) {
            final long begin = System.nanoTime();
            terminate(List.of(process.toHandle()));
            log(String.format(Locale.ROOT, "%s stopped in %.2f s", name(leaf), (System.nanoTime() - begin) / 1e9));
        }
        try {
            Files.deleteIfExists(target.socket());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
        final Leaf target = leaf(leaf);
        if (isRunning(leaf)) {
            return;
        }
        final long begin = System.nanoTime();
        launchNetconfd(target);
        awaitNetconfd(target);
        log(String.format(Locale.ROOT, "%s started in %.2f s", name(leaf), (System.nanoTime() - begin) / 1e9));
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
        Files.writeString(leaf(leaf).startup(), "<config/>\n");
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
        terminate(handles());
        for (Leaf leaf : leaves) {
            leaf.netconfd = null;
        }
        for (Sshd sshd : sshds) {
            sshd.process = null;
        }
        deleteRecursively(workDir);
        if (OPEN_FIXTURES.decrementAndGet() == 0) {
            lockUser();
        }
        log(String.format(Locale.ROOT, "leaves stopped and removed in %.2f s", (System.nanoTime() - begin) / 1e9));
    }

    private List<ProcessHandle> handles() {
        final var handles = new ArrayList<ProcessHandle>();
        for (Leaf leaf : leaves) {
            final Process process = leaf.netconfd;
            if (process != null) {
                handles.add(process.toHandle());
            }
        }
        for (Sshd sshd : sshds) {
            final Process process = sshd.process;
            if (process != null) {
                // the per-connection sshd processes and their netconf-subsystem
                process.descendants().forEach(handles::add);
                handles.add(process.toHandle());
            }
        }
        return handles;
    }

    private void killAll() {
        for (ProcessHandle handle : handles()) {
            handle.destroyForcibly();
        }
        deleteRecursively(workDir);
    }

    private static void terminate(final List<ProcessHandle> handles) {
        handles.forEach(ProcessHandle::destroy);
        if (!awaitExit(handles, TERM_TIMEOUT)) {
            handles.stream().filter(ProcessHandle::isAlive).forEach(handle -> {
                log("process " + handle.pid() + " ignored SIGTERM for " + TERM_TIMEOUT + "; killing it");
                handle.destroyForcibly();
            });
            awaitExit(handles, KILL_TIMEOUT);
        }
    }

    private static boolean awaitExit(final List<ProcessHandle> handles, final Duration timeout) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (handles.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(Duration.ofMillis(20));
        }
        return true;
    }

    private Leaf leaf(final int leaf) {
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

    private static List<Integer> freePorts(final int count) throws IOException {
        final var sockets = new ArrayList<ServerSocket>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getByName(HOST)));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    private static void openUp(final Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Result(int exit, String output) {
    }

    private static Result run(final List<String> command) throws IOException {
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(Processes.waitFor(process, Duration.ofSeconds(30)), output);
    }

    private static String tail(final Path file, final int lines) {
        try {
            final List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no " + file + ")";
        }
    }

    private static String readIfExists(final Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteRecursively(final Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            log("could not remove " + dir + ": " + e);
        }
    }

    private static void sleep(final Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void log(final String message) {
        System.out.println("[openvni-sim] " + message);
    }
}
