package io.openvni.southbound.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openvni.southbound.ssh.NodeUnreachableException.Reason;
import io.openvni.testlib.Commands;
import io.openvni.testlib.PrivateSshd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Host keys in {@code known_hosts} ({@link KnownHostsVerifier} in {@link NodeSessions}) against a real OpenSSH sshd
 * ({@link PrivateSshd}), with OpenSSH's own ssh-keygen reading and editing the file as an operator would. Needs root.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KnownHostsTest {
    private static Path keys;
    private static PrivateSshd.KeyPairText clientKey;

    private PrivateSshd sshd;
    private Path knownHosts;
    private SshTarget target;

    @BeforeAll
    static void makeClientKey() throws IOException {
        assumeTrue(PrivateSshd.available(), "needs root and OpenSSH's sshd and ssh-keygen");
        keys = Files.createTempDirectory("openvni-ssh-keys");
        clientKey = PrivateSshd.generateKey(keys, "ed25519", null);
    }

    @AfterAll
    static void removeClientKey() {
        if (keys != null) {
            PrivateSshd.deleteRecursively(keys);
        }
    }

    @BeforeEach
    void startSshd() throws IOException {
        sshd = PrivateSshd.forLogins();
        sshd.authorize(clientKey.publicLine());
        knownHosts = sshd.dir().resolve("known_hosts");
        target = SshTarget.of("127.0.0.1", sshd.port(), "root", Credentials.privateKey(clientKey.privatePem()))
            .withTimeouts(Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    @AfterEach
    void stopSshd() {
        if (sshd != null) {
            sshd.close();
        }
    }

    @Test
    void firstContactPinsTheKeyAndTheSameKeyPassesLater() throws Exception {
        assertEquals("ok\n", exec(knownHosts));
        final String line = pinnedLine();
        assertEquals("[127.0.0.1]:" + sshd.port(), line.split(" ")[0]);
        assertEquals(hostKey(line.split(" ")[1]).split(" ")[1], line.split(" ")[2], "the node's own key is pinned");
        // OpenSSH itself finds the node in the file
        assertTrue(Commands.check(PrivateSshd.SSH_KEYGEN, "-F", hostPattern(), "-f", knownHosts.toString())
            .contains(line));

        final String pinned = Files.readString(knownHosts);
        sshd.restart();
        assertEquals("ok\n", exec(knownHosts), "a controller restart checks the same file");
        assertEquals(pinned, Files.readString(knownHosts), "a known key is not pinned again");
        assertEquals(2, sshd.logins(), sshd.log(20));
    }

    // The file the hand-written store of earlier versions wrote: a comment it kept, one bracketed line, no trailer.
    @Test
    void aFileFromEarlierVersionsIsReadAsItIs() throws Exception {
        exec(knownHosts);
        final String earlier = "# pinned by OpenVNI; edit with care\n" + pinnedLine() + "\n";
        Files.writeString(knownHosts, earlier);
        assertEquals("ok\n", exec(knownHosts));
        assertEquals(earlier, Files.readString(knownHosts));
    }

    @Test
    void aChangedKeyIsOneClearFailureUntilAnOperatorRemovesTheLine() throws Exception {
        exec(knownHosts);
        final String line = pinnedLine();
        final String before = fingerprint(line.substring(line.indexOf(' ') + 1));
        final String type = line.split(" ")[1];
        sshd.regenerateHostKeys();
        sshd.restart();
        final String after = fingerprint(hostKey(type));
        assertNotEquals(before, after);

        try (var sessions = new NodeSessions(knownHosts)) {
            final String expected = "host key of " + sshd.hostPort() + " changed: " + knownHosts + " has " + type
                + " " + before + ", the node offered " + type + " " + after + "; if the node was reinstalled, remove"
                + " its line from " + knownHosts + " (ssh-keygen -R '" + hostPattern() + "' -f " + knownHosts
                + ") to accept the new key";
            for (int attempt = 1; attempt <= 2; attempt++) {
                final var e = assertThrows(NodeUnreachableException.class, () -> sessions.exec(target, "true"));
                assertEquals(Reason.HOST_KEY_CHANGED, e.reason());
                // the cause, and only it: not the authentication that MINA reports as failed after it
                assertEquals(expected, e.getMessage(), "attempt " + attempt);
            }
            assertEquals(line + "\n", Files.readString(knownHosts), "nothing re-pinned behind the operator's back");

            // what the message tells the operator to do
            Commands.check(PrivateSshd.SSH_KEYGEN, "-R", hostPattern(), "-f", knownHosts.toString());
            assertEquals("ok\n", sessions.exec(target, "echo ok").stdout());
        }
        assertEquals(hostKey(type).split(" ")[1], pinnedLine().split(" ")[2]);
    }

    @Test
    void aRevokedKeyIsRefusedAndNotPinned() throws Exception {
        final String revoked = "@revoked * " + hostKey("ssh-ed25519") + "\n@revoked * "
            + hostKey("ecdsa-sha2-nistp256") + "\n";
        Files.writeString(knownHosts, revoked);
        try (var sessions = new NodeSessions(knownHosts)) {
            final var e = assertThrows(NodeUnreachableException.class, () -> sessions.exec(target, "true"));
            assertEquals(Reason.HOST_KEY_REVOKED, e.reason());
            assertTrue(e.getMessage().startsWith("host key of " + sshd.hostPort() + " is revoked: " + knownHosts
                + " marks "), e.getMessage());
            assertTrue(e.getMessage().endsWith(" @revoked; the node needs a new host key"), e.getMessage());
        }
        assertEquals(revoked, Files.readString(knownHosts));
        assertEquals(0, sshd.logins());
    }

    @Test
    void aHashedHostLineIsHonoured() throws Exception {
        exec(knownHosts);
        Commands.check(PrivateSshd.SSH_KEYGEN, "-H", "-f", knownHosts.toString());
        final String hashed = Files.readString(knownHosts);
        assertFalse(hashed.contains("127.0.0.1"), hashed);
        assertTrue(hashed.startsWith("|1|"), hashed);

        assertEquals("ok\n", exec(knownHosts));
        assertEquals(hashed, Files.readString(knownHosts), "the hashed line is the node's: nothing pinned anew");

        sshd.regenerateHostKeys();
        sshd.restart();
        try (var sessions = new NodeSessions(knownHosts)) {
            final var e = assertThrows(NodeUnreachableException.class, () -> sessions.exec(target, "true"));
            assertEquals(Reason.HOST_KEY_CHANGED, e.reason());
        }
    }

    @Test
    void aFileThatCannotBeReadRefusesEveryKey() throws Exception {
        Files.createDirectory(knownHosts);
        try (var sessions = new NodeSessions(knownHosts)) {
            final var e = assertThrows(NodeUnreachableException.class, () -> sessions.exec(target, "true"));
            assertEquals(Reason.CONNECT, e.reason());
            assertTrue(e.getMessage().startsWith("cannot read the known host keys in " + knownHosts
                + " to check the host key of " + sshd.hostPort() + ": "), e.getMessage());
        }
        assertEquals(0, sshd.logins());
    }

    private String exec(final Path file) throws NodeUnreachableException {
        try (var sessions = new NodeSessions(file)) {
            return sessions.exec(target, "echo ok").stdout();
        }
    }

    // the file's one line, as written at first contact (MINA separates lines with blank ones)
    private String pinnedLine() throws IOException {
        final List<String> lines = Files.readAllLines(knownHosts).stream().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), lines.toString());
        return lines.getFirst();
    }

    private String hostPattern() {
        return "[127.0.0.1]:" + sshd.port();
    }

    // the sshd's current public key of a type: "type base64 comment"
    private String hostKey(final String type) throws IOException {
        final String file = type.startsWith("ecdsa") ? "ecdsa" : "ed25519";
        return Files.readString(sshd.dir().resolve("ssh_host_" + file + "_key.pub")).strip();
    }

    // OpenSSH's fingerprint of a key: ssh-keygen -l says "256 SHA256:... comment (ED25519)"
    private static String fingerprint(final String publicLine) throws IOException {
        final Path file = Files.createTempFile(keys, "host", ".pub");
        Files.writeString(file, publicLine + "\n");
        return Commands.check(PrivateSshd.SSH_KEYGEN, "-l", "-f", file.toString()).split(" ")[1];
    }
}
