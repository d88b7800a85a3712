package io.openvni.it.nodes;

import io.openvni.testlib.Commands;
import io.openvni.testlib.FrrRouter;
import io.openvni.testlib.NamespaceHost;
import io.openvni.testlib.PrivateSshd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A node router of the {@link NodeLab}: FRR 8.4 (zebra {@code -n}, bgpd) under pathspace {@link #pathspace()} and an
 * OpenSSH server for root (public key only, the lab's key; {@code UsePAM no}; its own host key) on the management
 * address, both in the node's private namespaces. The controller reaches it over SSH like a real node.
 *
 * @param name the device name in the fabric ({@code node1}, ...)
 * @param index 1, 2, ...
 * @param router its FRR
 * @param managementAddress where its sshd listens, reachable from the root namespace
 * @param uplinkAddress its address on the point-to-point link to the spine
 * @param spineAddress the spine's address on that link (the node's {@code bgp-peer})
 * @param asn its BGP ASN
 * @param routerId its BGP router id
 * @param vtep its VTEP address
 * @param privateKey the PEM text of the key root logs in with (for the fabric's {@code ssh/private-key})
 * @param grpcPort the port of zebra's northbound gRPC inside the node (only through SSH from outside), 0 if none
 */
public record LabNode(String name, int index, FrrRouter router, String managementAddress, String uplinkAddress,
        String spineAddress, long asn, String routerId, String vtep, String privateKey, int grpcPort) {
    /** SSH port of every node's sshd. */
    public static final int SSH_PORT = 22;

    public NamespaceHost host() {
        return router.host();
    }

    public String pathspace() {
        return router.pathspace();
    }

    /** Writes the sshd configuration and host key; then {@link #startSshd()}. */
    static void prepareSshd(final NamespaceHost host, final String address, final Path authorizedKeys)
            throws IOException {
        final Path dir = host.dir();
        Commands.check("ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-N", "", "-C", "openvni-lab",
            "-f", dir.resolve("ssh_host_ecdsa_key").toString());
        final String config = """
            # private sshd of an OpenVNI lab node (io.openvni.it.nodes.NodeLab)
            ListenAddress %s
            Port %d
            HostKey %s
            PidFile %s
            UsePAM no
            StrictModes no
            PermitRootLogin prohibit-password
            AllowUsers root
            PubkeyAuthentication yes
            AuthorizedKeysFile %s
            PasswordAuthentication no
            %s
            KbdInteractiveAuthentication no
            UseDNS no
            PrintMotd no
            PrintLastLog no
            X11Forwarding no
            AllowTcpForwarding local
            MaxStartups 100
            MaxSessions 100
            LogLevel INFO
            """.formatted(address, SSH_PORT, dir.resolve("ssh_host_ecdsa_key"), dir.resolve("sshd.pid"),
            authorizedKeys, PrivateSshd.PLAIN_SHELL);
        // OpenSSH >= 9.8 penalizes sources with failed logins; older ones do not know the option
        Files.writeString(dir.resolve("sshd_config"), config + "PerSourcePenalties no\n");
        var test = host.sh("/usr/sbin/sshd -t -f " + dir.resolve("sshd_config"), null, Duration.ofSeconds(10));
        if (!test.ok() && (test.stderr() + test.stdout()).contains("PerSourcePenalties")) {
            Files.writeString(dir.resolve("sshd_config"), config);
            test = host.sh("/usr/sbin/sshd -t -f " + dir.resolve("sshd_config"), null, Duration.ofSeconds(10));
        }
        if (!test.ok()) {
            throw new IOException("sshd refuses its configuration: " + test.stderr() + test.stdout());
        }
    }

    /** Starts the node's sshd and waits until it listens. */
    public void startSshd() throws IOException {
        final Path dir = host().dir();
        Files.deleteIfExists(dir.resolve("sshd.log"));
        final var started = host().sh("/usr/sbin/sshd -f " + dir.resolve("sshd_config") + " -E " + dir.resolve(
            "sshd.log") + " && for i in $(seq 200); do ss -ltn | grep -q '" + managementAddress + ":" + SSH_PORT
            + " ' && exit 0; sleep 0.05; done; exit 1", null, Duration.ofSeconds(20));
        if (!started.ok()) {
            throw new IOException("sshd of " + name + " did not start: " + started.stderr() + router.log("sshd.log"));
        }
    }

    /**
     * Stops the node's sshd, with every session it serves: the node becomes unreachable over SSH, while FRR and
     * the data plane keep running.
     */
    public void stopSshd() throws IOException {
        // only processes of this lab: the node's own, as seen from here
        final List<ProcessHandle> sshds = host().processes().stream()
            .filter(process -> process.info().command().map(command -> command.endsWith("/sshd")).orElse(false))
            .toList();
        sshds.forEach(ProcessHandle::destroyForcibly);
        host().check("for i in $(seq 100); do ss -ltn | grep -q '" + managementAddress + ":" + SSH_PORT
            + " ' || exit 0; sleep 0.05; done; exit 1");
    }

    /** Runs vtysh show commands on the node. */
    public String vtysh(final String... commands) throws IOException {
        return router.vtysh(commands);
    }
}
