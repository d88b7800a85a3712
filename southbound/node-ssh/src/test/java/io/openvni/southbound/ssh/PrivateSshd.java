package io.openvni.southbound.ssh;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real OpenSSH sshd for tests: 127.0.0.1 on a free port, its own host keys (ssh-keygen, in a private directory),
 * root logins with the keys in its own authorized_keys file, no PAM. Needs root. {@link #close()} kills it (and the
 * per-connection processes) and removes the directory.
 */
final class PrivateSshd implements AutoCloseable {
    static final String SSHD = "/usr/sbin/sshd";
    static final String SSH_KEYGEN = "/usr/bin/ssh-keygen";
    private static final String HOST = "127.0.0.1";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(30);

    private final Path dir;
    private final List<String> allowUsers;
    private final int port;
    private boolean penaltiesKnown;
    private boolean noPenalties = true;
    private Process process;

    private PrivateSshd(final Path dir, final List<String> allowUsers, final int port) {
        this.dir = dir;
        this.allowUsers = allowUsers;
        this.port = port;
    }

    /** Whether this machine can run the fixture. */
    static boolean available() {
        return Files.isExecutable(Path.of(SSHD)) && Files.isExecutable(Path.of(SSH_KEYGEN))
            && "root".equals(System.getProperty("user.name"));
    }

    /**
     * Start an sshd that lets the given users log in (root always).
     *
     * @param allowUsers further users that may log in with a password
     */
    static PrivateSshd start(final String... allowUsers) throws IOException {
        final Path dir = Files.createTempDirectory("openvni-sshd");
        final var users = new ArrayList<>(List.of("root"));
        users.addAll(List.of(allowUsers));
        final var sshd = new PrivateSshd(dir, users, freePort());
        try {
            Files.createDirectories(Path.of("/run/sshd"));
            Files.createFile(sshd.authorizedKeys());
            sshd.regenerateHostKeys();
            sshd.launch();
            return sshd;
        } catch (IOException | RuntimeException e) {
            sshd.close();
            throw e;
        }
    }

    int port() {
        return port;
    }

    String hostPort() {
        return HOST + ":" + port;
    }

    Path dir() {
        return dir;
    }

    /** Let a public key log in as root. */
    void authorize(final String publicKeyLine) throws IOException {
        Files.writeString(authorizedKeys(), publicKeyLine.strip() + "\n", StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.APPEND);
    }

    /** New host keys; they count from the next start. */
    void regenerateHostKeys() throws IOException {
        for (String type : List.of("ed25519", "ecdsa")) {
            final Path key = dir.resolve("ssh_host_" + type + "_key");
            Files.deleteIfExists(key);
            Files.deleteIfExists(Path.of(key + ".pub"));
            run(SSH_KEYGEN, "-q", "-t", type, "-N", "", "-C", "openvni-test-host", "-f", key.toString());
        }
    }

    /** Stop sshd with every session it serves (a node reboot, as seen by a client), and start it again. */
    void restart() throws IOException {
        stop();
        launch();
    }

    /** Successful logins so far, from sshd's log: each is a new SSH session. */
    long logins() throws IOException {
        try (Stream<String> lines = Files.lines(log())) {
            return lines.filter(line -> line.contains("Accepted ")).count();
        }
    }

    String log(final int lastLines) {
        try {
            final List<String> lines = Files.readAllLines(log());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - lastLines), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        stop();
        deleteRecursively(dir);
    }

    /** A fresh key pair made by ssh-keygen: private key text (in the given -m format, or OpenSSH) and public line. */
    record KeyPairText(String privatePem, String publicLine) {
        KeyPairText {
            requireNonNull(privatePem);
            requireNonNull(publicLine);
        }
    }

    static KeyPairText generateKey(final Path dir, final String type, final String format) throws IOException {
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

    static String run(final String... command) throws IOException {
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (waitFor(process, PROCESS_TIMEOUT) != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    private Path authorizedKeys() {
        return dir.resolve("authorized_keys");
    }

    private Path config() {
        return dir.resolve("sshd_config");
    }

    private Path log() {
        return dir.resolve("sshd.log");
    }

    private void launch() throws IOException {
        writeConfig();
        if (!penaltiesKnown) {
            // OpenSSH >= 9.8 penalizes failed logins per source; our wrong-key tests must not lock out 127.0.0.1
            final Process test = new ProcessBuilder(SSHD, "-t", "-f", config().toString()).redirectErrorStream(true)
                .start();
            final String output = new String(test.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (waitFor(test, PROCESS_TIMEOUT) != 0) {
                if (!output.contains("PerSourcePenalties")) {
                    throw new IOException("sshd rejects " + config() + ": " + output);
                }
                noPenalties = false;
                writeConfig();
            }
            penaltiesKnown = true;
        }
        // a restart appends to the same log: look for this start's "listening" line only
        final int from = Files.exists(log()) ? Files.readString(log()).length() : 0;
        final Process started = new ProcessBuilder(SSHD, "-D", "-e", "-f", config().toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
            .start();
        process = started;
        final String ready = "Server listening on " + HOST + " port " + port;
        final long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!Files.readString(log()).substring(from).contains(ready)) {
            if (!started.isAlive() || System.nanoTime() > deadline) {
                stop();
                throw new IOException("sshd did not start on " + hostPort() + ": " + log(20));
            }
            sleep(20);
        }
    }

    private void writeConfig() throws IOException {
        final var config = new StringBuilder()
            .append("ListenAddress ").append(HOST).append('\n')
            .append("Port ").append(port).append('\n');
        for (String type : List.of("ed25519", "ecdsa")) {
            config.append("HostKey ").append(dir.resolve("ssh_host_" + type + "_key")).append('\n');
        }
        config.append("AuthorizedKeysFile ").append(authorizedKeys()).append('\n')
            .append("AllowUsers ").append(String.join(" ", allowUsers)).append('\n')
            .append("""
                PidFile none
                UsePAM no
                StrictModes no
                PermitRootLogin yes
                PubkeyAuthentication yes
                PasswordAuthentication yes
                KbdInteractiveAuthentication no
                PermitEmptyPasswords no
                AllowTcpForwarding local
                X11Forwarding no
                UseDNS no
                PrintMotd no
                MaxSessions 50
                MaxStartups 100
                LogLevel INFO
                """);
        if (noPenalties) {
            config.append("PerSourcePenalties no\n");
        }
        Files.writeString(config(), config.toString());
    }

    private void stop() {
        final Process current = process;
        process = null;
        if (current == null) {
            return;
        }
        final List<ProcessHandle> handles = new ArrayList<>(current.descendants().toList());
        handles.add(current.toHandle());
        handles.forEach(ProcessHandle::destroy);
        final long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (handles.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            sleep(20);
        }
        handles.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static int waitFor(final Process process, final Duration timeout) throws IOException {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException("process did not end within " + timeout);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted", e);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void deleteRecursively(final Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            System.err.println("could not remove " + root + ": " + e);
        }
    }
}
