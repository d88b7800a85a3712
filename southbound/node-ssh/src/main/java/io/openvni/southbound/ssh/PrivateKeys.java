package io.openvni.southbound.ssh;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Iterator;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Reads private keys from PEM text with MINA's key parsers (OpenSSH, PKCS#8, PKCS#1; ed25519 needs BouncyCastle).
 */
final class PrivateKeys {
    private static final NamedResource RESOURCE = NamedResource.ofName("private key");

    private PrivateKeys() {
        // utility class
    }

    static KeyPair parse(final String pem, final @Nullable String passphrase) {
        final Iterator<KeyPair> keys;
        try {
            final Iterable<KeyPair> loaded = SecurityUtils.loadKeyPairIdentities(null, RESOURCE,
                new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)),
                passphrase == null ? FilePasswordProvider.EMPTY : FilePasswordProvider.of(passphrase));
            keys = loaded == null ? null : loaded.iterator();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            // the message of MINA's parsers names the format problem, never the key material
            throw new IllegalArgumentException("cannot read the private key: " + e.getMessage(), e);
        }
        if (keys == null || !keys.hasNext()) {
            throw new IllegalArgumentException("no private key in the given PEM text");
        }
        return keys.next();
    }
}
