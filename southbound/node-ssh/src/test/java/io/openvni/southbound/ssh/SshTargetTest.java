package io.openvni.southbound.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SshTargetTest {
    // made here rather than committed: no private key material in the repository
    private static final String KEY = pkcs8Pem();

    private static String pkcs8Pem() {
        try {
            // RSA: Java's PKCS#8 EC encoding leaves out the public key, which MINA needs to make a key pair
            final var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void toStringNeverPrintsSecrets() {
        final SshTarget withPassword = SshTarget.of("10.0.0.7", 22, "frr", Credentials.password("s3cret-pw"));
        assertEquals("SshTarget[frr@10.0.0.7:22, Password[***], connect PT10S, auth PT15S, command PT30S]",
            withPassword.toString());
        final SshTarget withKey = SshTarget.of("10.0.0.7", 22, "frr", Credentials.privateKey(KEY));
        assertFalse(withKey.toString().contains(KEY.lines().skip(1).findFirst().orElseThrow()), withKey.toString());
        assertTrue(withKey.toString().contains("PrivateKey[***]"), withKey.toString());
    }

    @Test
    void namesItsEndpoint() {
        final SshTarget target = SshTarget.of("node-1", 2222, "root", Credentials.password("x"));
        assertEquals("node-1:2222", target.hostPort());
        assertEquals("root@node-1:2222", target.label());
    }

    @Test
    void rejectsNonsense() {
        final Credentials password = Credentials.password("x");
        assertThrows(IllegalArgumentException.class, () -> SshTarget.of("h", 0, "root", password));
        assertThrows(IllegalArgumentException.class, () -> SshTarget.of("h", 65_536, "root", password));
        assertThrows(IllegalArgumentException.class, () -> SshTarget.of(" ", 22, "root", password));
        assertThrows(IllegalArgumentException.class,
            () -> SshTarget.of("h", 22, "root", password).withTimeouts(Duration.ZERO, Duration.ofSeconds(1),
                Duration.ofSeconds(1)));
    }

    @Test
    void brokenPrivateKeyFailsWhereItIsConfiguredWithoutEchoingIt() {
        final var e = assertThrows(IllegalArgumentException.class,
            () -> Credentials.privateKey("-----BEGIN OPENSSH PRIVATE KEY-----\nbm90IGEga2V5\n"
                + "-----END OPENSSH PRIVATE KEY-----\n"));
        assertFalse(e.getMessage().contains("bm90IGEga2V5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Credentials.privateKey("not a key at all"));
    }
}
