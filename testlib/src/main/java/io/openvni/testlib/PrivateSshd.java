package io.openvni.testlib;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A real OpenSSH {@code sshd -D} for tests, on one address with one or more free ports chosen at start (a port
 * another program takes in between is retried with others), its own config and log in its folder, {@code UsePAM no}
 * and no per-source penalties (OpenSSH 9.8+ would lock out 127.0.0.1 after a test's failed logins). What users may
 * log in and how is the caller's {@link Settings}; {@link #forLogins} is the usual one: root with keys, other users
 * with passwords. Needs root. {@link #close()} kills it with its per-connection processes.
 */
public final class PrivateSshd implements AutoCloseable {
    public static final String SSHD = "/usr/sbin/sshd";
    public static final String SSH_KEYGEN = "/usr/bin/ssh-keygen";
    /**
     * sshd runs every command through the user's shell, and Debian's bash reads {@code ~/.bashrc} when sshd starts
     * it, unless it is not the top-level shell: this machine's root rc (pyenv init) costs about a second per
     * command, and a minute behind a stale pyenv lock, which a simulated device's sshd should not inherit from the
     * developer's account. With SHLVL=1 in the session, bash counts itself second-level and skips the file.
     */
    public static final String PLAIN_SHELL = "SetEnv SHLVL=1";
    private static final String LOOPBACK = "127.0.0.1";
    private static final List<String> LOGIN_KEY_TYPES = List.of("ed25519", "ecdsa");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(60);
    private static final int BIND_ATTEMPTS = 4;

    /** The part of {@code sshd_config} that says who logs in and how, given the ports sshd will listen on. */
    @FunctionalInterface
    public interface Settings {
        String lines(List<Integer> ports);
    }

    private final Path dir;
    private final String address;
    private final int portCount;
    private final List<Path> hostKeys;
    private final Settings settings;
    private final boolean ownsDir;
    private List<Integer> ports = List.of();
    private boolean penaltiesKnown;
    private boolean noPenalties = true;
    private @Nullable Process process;

    /**
     * An sshd not yet started.
     *
     * @param dir its folder: {@code sshd_config} and {@code sshd.log}
     * @param address where it listens
     * @param portCount how many ports it listens on
     * @param hostKeys its host keys (see {@link #makeHostKeys})
     * @param settings the rest of its configuration
     */
    public PrivateSshd(final Path dir, final String address, final int portCount, final List<Path> hostKeys,
            final Settings settings) {
        this(dir, address, portCount, hostKeys, settings, false);
    }

    private PrivateSshd(final Path dir, final String address, final int portCount, final List<Path> hostKeys,
            final Settings settings, final boolean ownsDir) {
        this.dir = requireNonNull(dir);
        this.address = requireNonNull(address);
        this.portCount = portCount;
        this.hostKeys = List.copyOf(hostKeys);
        this.settings = requireNonNull(settings);
        this.ownsDir = ownsDir;
    }

    /** Whether this machine can run an sshd for tests: root, OpenSSH's sshd and ssh-keygen. */
    public static boolean available() {
        return Files.isExecutable(Path.of(SSHD)) && Files.isExecutable(Path.of(SSH_KEYGEN)) && Commands.isRoot();
    }

    /**
     * Starts an sshd on 127.0.0.1 in a temporary folder (removed by {@link #close()}) with its own host keys: root
     * logs in with the keys {@link #authorize}d (or a password), the given users with their passwords; local TCP
     * forwarding is allowed.
     */
    public static PrivateSshd forLogins(final String... users) throws IOException {
        final Path dir = Files.createTempDirectory("openvni-sshd");
        final Path authorizedKeys = dir.resolve("authorized_keys");
        final var allowed = new ArrayList<>(List.of("root"));
        allowed.addAll(List.of(users));
        final List<Path> keys = LOGIN_KEY_TYPES.stream().map(type -> dir.resolve("ssh_host_" + type + "_key")).toList();
        final var sshd = new PrivateSshd(dir, LOOPBACK, 1, keys, ports -> "AuthorizedKeysFile " + authorizedKeys
            + "\nAllowUsers " + String.join(" ", allowed) + "\n" + """
            StrictModes no
            PermitRootLogin yes
            PubkeyAuthentication yes
            PasswordAuthentication yes
            KbdInteractiveAuthentication no
            PermitEmptyPasswords no
            AllowTcpForwarding local
            MaxSessions 50
            MaxStartups 100
            """, true);
        try {
            Files.createFile(authorizedKeys);
            sshd.regenerateHostKeys();
            sshd.start();
            return sshd;
        } catch (IOException | RuntimeException e) {
            sshd.close();
            throw e;
        }
    }

    /** Makes host keys of the given types in a folder, all at once; returns their paths. */
    public static List<Path> makeHostKeys(final Path keyDir, final String comment, final List<String> types)
            throws IOException {
        final var keygens = new ArrayList<Commands.Started>();
        final var keys = new ArrayList<Path>();
        for (String type : types) {
            final Path key = keyDir.resolve("ssh_host_" + type + "_key");
            Files.deleteIfExists(key);
            Files.deleteIfExists(Path.of(key + ".pub"));
            final var command = new ArrayList<>(List.of(SSH_KEYGEN, "-q", "-t", type, "-N", "", "-C", comment,
                "-f", key.toString()));
            if ("rsa".equals(type)) {
                command.addAll(List.of("-b", "2048"));
            }
            keygens.add(Commands.start(new ProcessBuilder(command).redirectErrorStream(true), null));
            keys.add(key);
        }
        for (Commands.Started keygen : keygens) {
            final var result = keygen.await(PROCESS_TIMEOUT);
            if (!result.ok()) {
                throw new IOException("ssh-keygen failed: " + result.output());
            }
        }
        return List.copyOf(keys);
    }

    /** New host keys (the {@link #forLogins} ones); they count from the next start. */
    public void regenerateHostKeys() throws IOException {
        makeHostKeys(dir, "openvni-test-host", LOGIN_KEY_TYPES);
    }

    /** Lets a public key log in as root ({@link #forLogins} sshd). */
    public void authorize(final String publicKeyLine) throws IOException {
        Files.writeString(dir.resolve("authorized_keys"), publicKeyLine.strip() + "\n", StandardCharsets.UTF_8,
            StandardOpenOption.APPEND);
    }

    /**
     * Picks free ports, starts sshd on them and waits until it listens on all. Ports are chosen before sshd binds
     * them, so another program can take one in between: then it retries with other ports.
     */
    public void start() throws IOException {
        for (int attempt = 1; ; attempt++) {
            ports = freePorts(address, portCount);
            if (launch(attempt < BIND_ATTEMPTS)) {
                return;
            }
            System.out.println("[sshd] lost a port race, retrying with other ports: " + log(5));
        }
    }

    /** Stops sshd with every session it serves (a node reboot, as seen by a client) and starts it on its ports. */
    public void restart() throws IOException {
        stop();
        if (!launch(false)) {
            throw new IOException("sshd cannot bind its ports again: " + log(20));
        }
    }

    public List<Integer> ports() {
        return ports;
    }

    /** The first (with {@link #forLogins}, the only) port. */
    public int port() {
        return ports.getFirst();
    }

    public String hostPort() {
        return address + ":" + port();
    }

    public Path dir() {
        return dir;
    }

    public Path config() {
        return dir.resolve("sshd_config");
    }

    /** sshd's log, appended to by every start. */
    public Path log() {
        return dir.resolve("sshd.log");
    }

    /** Successful logins so far, from sshd's log: each is a new SSH session. */
    public long logins() throws IOException {
        try (Stream<String> lines = Files.lines(log())) {
            return lines.filter(line -> line.contains("Accepted ")).count();
        }
    }

    /** The last lines of the log, for failure messages. */
    public String log(final int lastLines) {
        try {
            return Commands.tail(Files.readString(log()), lastLines);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** sshd and its per-connection children (sessions and what they run), while it runs. */
    public List<ProcessHandle> processes() {
        final Process current = process;
        if (current == null) {
            return List.of();
        }
        final var handles = new ArrayList<>(current.descendants().toList());
        handles.add(current.toHandle());
        return handles;
    }

    /** Ends sshd and its sessions (SIGTERM, SIGKILL after 5 s). */
    public void stop() {
        final List<ProcessHandle> handles = processes();
        process = null;
        handles.forEach(ProcessHandle::destroy);
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (handles.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            sleep();
        }
        handles.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public void close() {
        stop();
        if (ownsDir) {
            Commands.deleteTree(dir);
        }
    }

    /** A fresh key pair made by ssh-keygen: private key text (in the given -m format, or OpenSSH) and public line. */
    public record KeyPairText(String privatePem, String publicLine) {
        public KeyPairText {
            requireNonNull(privatePem);
            requireNonNull(publicLine);
        }
    }

    public static KeyPairText generateKey(final Path dir, final String type, final @Nullable String format)
            throws IOException {
        final Path file = Files.createTempFile(dir, "id_" + type, "");
        Files.delete(file);
        final var command = new ArrayList<>(List.of(SSH_KEYGEN, "-q", "-t", type, "-N", "", "-C", "openvni-test",
            "-f", file.toString()));
        if (format != null) {
            command.addAll(List.of("-m", format));
        }
        if ("rsa".equals(type)) {
            command.addAll(List.of("-b", "2048"));
        }
        run(command.toArray(String[]::new));
        return new KeyPairText(Files.readString(file), Files.readString(Path.of(file + ".pub")));
    }

    /** Runs a command here and returns its output (standard error included); throws with it when it fails. */
    public static String run(final String... command) throws IOException {
        final var result = Commands.run(List.of(command), null, PROCESS_TIMEOUT);
        if (!result.ok()) {
            throw new IOException(String.join(" ", command) + " failed: " + result.output());
        }
        return result.output();
    }

    public static void deleteRecursively(final Path root) {
        Commands.deleteTree(root);
    }

    // false: a port was taken in between (and retry is true); sshd is stopped then
    private boolean launch(final boolean retry) throws IOException {
        Files.createDirectories(Path.of("/run/sshd"));
        writeConfig();
        if (!penaltiesKnown) {
            final var test = Commands.run(List.of(SSHD, "-t", "-f", config().toString()), null, PROCESS_TIMEOUT);
            if (!test.ok()) {
                if (!test.output().contains("PerSourcePenalties")) {
                    throw new IOException("sshd rejects " + config() + ": " + test.output());
                }
                // OpenSSH < 9.8 has no per-source penalties
                noPenalties = false;
                writeConfig();
            }
            penaltiesKnown = true;
        }
        // every start appends to the same log: look at this start's lines only
        final long from = Files.exists(log()) ? Files.size(log()) : 0;
        final Process started = new ProcessBuilder(SSHD, "-D", "-e", "-f", config().toString())
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
        process = started;
        final long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            final String log = Files.readString(log()).substring((int) from);
            if (ports.stream().allMatch(port -> log.contains("Server listening on " + address + " port " + port))) {
                return true;
            }
            final boolean bindFailed = log.contains("Bind to port");
            if (bindFailed || !started.isAlive() || System.nanoTime() > deadline) {
                stop();
                if (bindFailed && retry) {
                    return false;
                }
                throw new IOException("sshd " + config() + " did not start on " + address + " " + ports + ": "
                    + log);
            }
            sleep();
        }
    }

    private void writeConfig() throws IOException {
        final var config = new StringBuilder("ListenAddress ").append(address).append('\n');
        ports.forEach(port -> config.append("Port ").append(port).append('\n'));
        hostKeys.forEach(key -> config.append("HostKey ").append(key).append('\n'));
        config.append("""
            PidFile none
            UsePAM no
            UseDNS no
            PrintMotd no
            X11Forwarding no
            LogLevel INFO
            """).append(PLAIN_SHELL).append('\n').append(settings.lines(ports));
        if (noPenalties) {
            config.append("PerSourcePenalties no\n");
        }
        Files.writeString(config(), config.toString());
    }

    private static List<Integer> freePorts(final String address, final int count) throws IOException {
        final var sockets = new ArrayList<ServerSocket>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getByName(address)));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
