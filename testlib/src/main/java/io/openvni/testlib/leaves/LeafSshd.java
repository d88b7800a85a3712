package io.openvni.testlib.leaves;

import io.openvni.testlib.PrivateSshd;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The private sshd in front of some leaves ({@link PrivateSshd}): bound to {@value NetconfdLeaves#HOST}, one port
 * per leaf, only the simulator user with a password, and a {@code netconf} subsystem whose
 * {@code netconf-subsystem} picks the leaf's netconfd socket by the server port. Its folder holds its config and
 * log; the host keys are shared by all sshd of a fixture.
 */
final class LeafSshd {
    static final String SUBSYSTEM = "/usr/sbin/netconf-subsystem";
    static final List<String> KEY_TYPES = List.of("ecdsa", "ed25519", "rsa");

    private final List<NetconfdInstance> leaves;
    private final PrivateSshd sshd;

    LeafSshd(final Path dir, final List<NetconfdInstance> leaves, final List<Path> hostKeys) {
        this.leaves = leaves;
        this.sshd = new PrivateSshd(dir, NetconfdLeaves.HOST, leaves.size(), hostKeys, this::settings);
    }

    /** Starts sshd on free ports and gives each leaf its port. */
    void start() throws IOException {
        sshd.start();
        for (int i = 0; i < leaves.size(); i++) {
            leaves.get(i).port = sshd.ports().get(i);
        }
    }

    /** The sshd and its per-connection children (sshd sessions and their netconf-subsystem). */
    List<ProcessHandle> processes() {
        return sshd.processes();
    }

    private String settings(final List<Integer> ports) {
        final var config = new StringBuilder("""
            # private sshd of the OpenVNI leaf simulators (io.openvni.testlib.leaves.NetconfdLeaves)
            PasswordAuthentication yes
            PermitEmptyPasswords no
            KbdInteractiveAuthentication no
            PubkeyAuthentication no
            AuthorizedKeysFile none
            PermitRootLogin no
            AllowUsers\s""").append(SimulatorUser.NAME).append('\n').append("""
            PrintLastLog no
            AllowTcpForwarding no
            AllowAgentForwarding no
            PermitTunnel no
            MaxStartups 500
            MaxSessions 100
            LoginGraceTime 60
            ClientAliveInterval 0
            """);
        // unquoted: OpenSSH 10 (Debian 13) takes a quoted command line for the program's path, runs nothing and
        // closes the channel; before (9.2, Debian 12) the quotes only grouped it, and the words work on both
        config.append("Subsystem netconf ").append(SUBSYSTEM);
        for (int i = 0; i < leaves.size(); i++) {
            config.append(" --ncxserver-sockname=").append(ports.get(i)).append('@').append(leaves.get(i).socket());
        }
        return config.append('\n').toString();
    }
}
