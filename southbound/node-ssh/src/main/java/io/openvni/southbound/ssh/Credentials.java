package io.openvni.southbound.ssh;

import static java.util.Objects.requireNonNull;

import org.eclipse.jdt.annotation.Nullable;

/**
 * How the controller authenticates to a node: a password, or a private key. The records never print their secrets.
 */
public sealed interface Credentials permits Credentials.Password, Credentials.PrivateKey {
    /**
     * Password authentication.
     *
     * @param password the password
     * @return the credentials
     */
    static Credentials password(final String password) {
        return new Password(password);
    }

    /**
     * Public key authentication with an unencrypted private key.
     *
     * @param pem the private key as PEM text (OpenSSH or PKCS#8, also PKCS#1 for RSA; ed25519, ecdsa or rsa)
     * @return the credentials
     * @throws IllegalArgumentException when the text is not a private key MINA SSHD can read
     */
    static Credentials privateKey(final String pem) {
        return new PrivateKey(pem, null);
    }

    /**
     * A password.
     *
     * @param password the password
     */
    record Password(String password) implements Credentials {
        public Password {
            requireNonNull(password);
        }

        @Override
        public String toString() {
            return "Password[***]";
        }
    }

    /**
     * A private key, parsed once here so that a broken key fails where it is configured rather than at the first
     * connect.
     *
     * @param pem the private key as PEM text
     * @param passphrase the passphrase of an encrypted key, or {@code null}
     */
    record PrivateKey(String pem, @Nullable String passphrase) implements Credentials {
        public PrivateKey {
            requireNonNull(pem);
            PrivateKeys.parse(pem, passphrase);
        }

        @Override
        public String toString() {
            return "PrivateKey[***]";
        }
    }
}
