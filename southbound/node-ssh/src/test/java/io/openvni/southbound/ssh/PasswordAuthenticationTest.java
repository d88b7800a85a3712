package io.openvni.southbound.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openvni.southbound.ssh.NodeUnreachableException.Reason;
import io.openvni.testlib.Commands;
import io.openvni.testlib.PrivateSshd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Password logins against a private sshd, as a throwaway system user created here (random password, no home) and
 * deleted afterwards. Needs root and useradd/userdel.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PasswordAuthenticationTest {
    private static final String USER = "openvni-sshtest";

    private static String password;
    private static boolean userCreated;
    private static PrivateSshd sshd;
    private static NodeSessions sessions;

    @BeforeAll
    static void createUserAndSshd() throws IOException, InterruptedException {
        assumeTrue(PrivateSshd.available() && Files.isExecutable(Path.of("/usr/sbin/useradd")),
            "needs root, OpenSSH's sshd and useradd");
        final byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        password = Base64.getUrlEncoder().encodeToString(random);
        PrivateSshd.run("useradd", "-M", "-d", "/", "-s", "/bin/sh", "-c", "OpenVNI node-ssh test (temporary)", USER);
        userCreated = true;
        final var chpasswd = Commands.run(new ProcessBuilder("chpasswd").redirectErrorStream(true),
            USER + ":" + password + "\n", Duration.ofSeconds(30));
        assertTrue(chpasswd.ok(), chpasswd.output());
        sshd = PrivateSshd.forLogins(USER);
        sessions = new NodeSessions(sshd.dir().resolve("known_hosts"));
    }

    @AfterAll
    static void removeUserAndSshd() throws IOException {
        if (sessions != null) {
            sessions.close();
        }
        if (sshd != null) {
            sshd.close();
        }
        if (userCreated) {
            PrivateSshd.run("userdel", USER);
        }
    }

    @Test
    void passwordLogsIn() throws Exception {
        assertEquals(USER + "\n", sessions.exec(target(password), "id -un").stdout());
    }

    @Test
    void wrongPasswordIsAClearErrorThatNamesNoPassword() {
        final String wrong = password + "-wrong";
        final SshTarget target = target(wrong);
        final var e = assertThrows(NodeUnreachableException.class, () -> sessions.exec(target, "true"));
        assertEquals(Reason.AUTHENTICATION, e.reason());
        assertEquals("authentication as " + USER + " at " + sshd.hostPort() + " failed (password): "
            + "No more authentication methods available", e.getMessage());
        assertFalse(target.toString().contains(password), target.toString());
        assertFalse(sshd.log(100).contains(password));
    }

    private static SshTarget target(final String secret) {
        return SshTarget.of("127.0.0.1", sshd.port(), USER, Credentials.password(secret))
            .withTimeouts(Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(30));
    }
}
