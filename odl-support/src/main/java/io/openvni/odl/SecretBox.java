package io.openvni.odl;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Optional;
import org.opendaylight.aaa.encrypt.AAAEncryptionService;

/**
 * Encrypts and decrypts the fabric's credentials with ODL AAA's encryption service, the same service (and key)
 * ODL's NETCONF topology uses for its encrypted {@code login-password}. Values are UTF-8 text.
 */
public final class SecretBox {
    private final AAAEncryptionService aaa;

    public SecretBox(final AAAEncryptionService aaa) {
        this.aaa = requireNonNull(aaa);
    }

    /**
     * The ciphertext of a credential.
     *
     * @throws IllegalStateException if the AAA service cannot encrypt (a broken AAA configuration)
     */
    public byte[] seal(final String plaintext) {
        try {
            return aaa.encrypt(plaintext.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            // the cause describes the cipher, never the value
            throw new IllegalStateException("AAA encryption service cannot encrypt: " + e.getMessage(), e);
        }
    }

    /**
     * The plaintext of a ciphertext, or empty if this controller's AAA key does not decrypt it to text (another
     * controller's key, a truncated or made-up value).
     */
    public Optional<String> open(final byte[] ciphertext) {
        final byte[] plain;
        try {
            plain = aaa.decrypt(ciphertext);
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
        try {
            // strict: garbage that slipped through an unauthenticated cipher mode is not taken for a password
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(plain)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
