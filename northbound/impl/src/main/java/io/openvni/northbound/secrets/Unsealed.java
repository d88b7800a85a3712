package io.openvni.northbound.secrets;

import static java.util.Objects.requireNonNull;

import io.openvni.odl.SecretBox;
import java.util.function.Function;

/**
 * A credential still in plaintext in the fabric: where it is, and how to seal it. Holds the plaintext only inside
 * {@code sealer}; {@link #toString()} names the credential, never its value.
 *
 * @param credential the credential's path, e.g. {@code /fabric/leaf-switch[leaf1]/netconf/password}
 * @param sealer builds the sealed container with a box; may fail like {@link SecretBox#seal(String)}
 */
public record Unsealed(String credential, Function<SecretBox, Seal<?>> sealer) {
    public Unsealed {
        requireNonNull(credential);
        requireNonNull(sealer);
    }

    /**
     * The sealing of this credential.
     *
     * @throws IllegalStateException if the AAA encryption service cannot encrypt
     */
    public Seal<?> seal(final SecretBox box) {
        return sealer.apply(box);
    }

    @Override
    public String toString() {
        return "Unsealed[" + credential + "]";
    }
}
