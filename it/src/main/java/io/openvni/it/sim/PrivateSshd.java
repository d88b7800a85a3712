package io.openvni.it.sim;

import static io.openvni.it.sim.SimSupport.READY_TIMEOUT;
import static io.openvni.it.sim.SimSupport.readIfExists;

import io.openvni.it.Processes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A private {@code sshd -D} in front of some leaves: bound to {@value NetconfdLeaves#HOST}, one port per leaf, only
 * the simulator user with a password, and a {@code netconf} subsystem whose {@code netconf-subsystem} picks the
 * leaf's netconfd socket by the server port. Its directory holds {@code sshd_config} and {@code sshd.log}; the host
 * keys are shared by all sshd of a fixture.
 */
final class PrivateSshd {
    static final String SSHD = "/usr/sbin/sshd";
    static final String SUBSYSTEM = "/usr/sbin/netconf-subsystem";
    static final String SSH_KEYGEN = "/usr/bin/ssh-keygen";

    private static final List<String> KEY_TYPES = List.of("ecdsa", "ed25519", "rsa");
    private static final int BIND_ATTEMPTS = 4;

    final Path dir;
    final List<NetconfdInstance> leaves;
    private final Path keyDir;
    @Nullable Process process;

    PrivateSshd(final Path dir, final List<NetconfdInstance> leaves, final Path keyDir) {
        this.dir = dir;
        this.leaves = leaves;
        this.keyDir = keyDir;
    }

    Path config() {
        return dir.resolve("sshd_config");
    }

    Path log() {
        return dir.resolve("sshd.log");
    }

    /** Make this run's host keys in {@code keyDir}, all types at once. */
    static void makeHostKeys(final Path keyDir) throws IOException {
        final var keygens = new ArrayList<Process>();
        for (String type : KEY_TYPES) {
            final var command = new ArrayList<>(List.of(SSH_KEYGEN, "-q", "-t", type, "-N", "", "-C", "openvni-sim",
                "-f", keyDir.resolve("ssh_host_" + type + "_key").toString()));
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

    /**
     * Pick free ports for the leaves, start sshd on them and wait until it listens on all. Ports are chosen before
     * sshd binds them, so another program can take one in between: then it retries with other ports.
     */
    void start() throws IOException {
        boolean checked = false;
        for (int attempt = 1; attempt <= BIND_ATTEMPTS; attempt++) {
            final List<Integer> ports = freePorts(leaves.size());
            for (int i = 0; i < ports.size(); i++) {
                leaves.get(i).port = ports.get(i);
            }
            writeConfig(true);
            if (!checked) {
                final var test = SimSupport.run(List.of(SSHD, "-t", "-f", config().toString()));
                if (test.exit() != 0 && test.output().contains("PerSourcePenalties")) {
                    // OpenSSH < 9.8 has no per-source penalties; newer ones must not penalize 127.0.0.1
                    writeConfig(false);
                } else if (test.exit() != 0) {
                    throw new IOException("sshd rejects its config " + config() + ": " + test.output());
                }
                checked = true;
            }
            Files.deleteIfExists(log());
            final Process started = new ProcessBuilder(SSHD, "-D", "-f", config().toString(), "-E", log().toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("sshd.out").toFile()))
                .start();
            process = started;
            final long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
            while (true) {
                final String log = Files.exists(log()) ? Files.readString(log()) : "";
                if (ports.stream().allMatch(port -> log.contains("Server listening on " + NetconfdLeaves.HOST
                        + " port " + port))) {
                    return;
                }
                final boolean bindFailed = log.contains("Bind to port");
                if (bindFailed || !started.isAlive()) {
                    SimSupport.terminate(List.of(started.toHandle()));
                    process = null;
                    if (bindFailed && attempt < BIND_ATTEMPTS) {
                        SimSupport.log("sshd lost a port race, retrying with other ports: " + log.strip());
                        break;
                    }
                    throw new IOException("sshd " + config() + " did not start: " + log + readIfExists(
                        dir.resolve("sshd.out")));
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("sshd not listening within " + READY_TIMEOUT + ": " + log);
                }
                SimSupport.sleep(Duration.ofMillis(20));
            }
        }
    }

    /** The sshd and its per-connection children (sshd sessions and their netconf-subsystem). */
    void addHandles(final List<ProcessHandle> handles) {
        final Process current = process;
        if (current != null) {
            current.descendants().forEach(handles::add);
            handles.add(current.toHandle());
        }
    }

    private void writeConfig(final boolean noPenalties) throws IOException {
        final var config = new StringBuilder()
            .append("# private sshd of the OpenVNI leaf simulators (io.openvni.it.sim.NetconfdLeaves)\n")
            .append("ListenAddress ").append(NetconfdLeaves.HOST).append('\n');
        for (NetconfdInstance leaf : leaves) {
            config.append("Port ").append(leaf.port).append('\n');
        }
        for (String type : KEY_TYPES) {
            config.append("HostKey ").append(keyDir.resolve("ssh_host_" + type + "_key")).append('\n');
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
            AllowUsers\s""").append(SimulatorUser.NAME).append('\n').append("""
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
        for (NetconfdInstance leaf : leaves) {
            config.append(" --ncxserver-sockname=").append(leaf.port).append('@').append(leaf.socket());
        }
        config.append("\"\n");
        Files.writeString(config(), config.toString());
    }

    private static List<Integer> freePorts(final int count) throws IOException {
        final var sockets = new ArrayList<ServerSocket>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getByName(NetconfdLeaves.HOST)));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
