package io.openvni.northbound.secrets;

import io.openvni.core.validation.ValidationError;
import io.openvni.odl.SecretBox;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.Fabric;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.node.router.ssh.credentials.Password;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.node.router.ssh.credentials.PrivateKey;

/**
 * Commit-time check of the fabric's credentials: each is given in one form only (plaintext or encrypted), and an
 * encrypted one decrypts with this controller's AAA key. Errors name the field, never the value.
 */
public final class SecretCheck {
    static final String BOTH_FORMS = "give either %s or %s, not both";
    static final String UNREADABLE = "cannot be decrypted with this controller's AAA encryption key (encrypted "
        + "with another key, or not produced by an AAA encryption service)";

    private SecretCheck() {
        // static check
    }

    /**
     * The errors of the fabric's credentials, empty if all are usable.
     */
    public static List<ValidationError> errors(final @Nullable Fabric fabric, final SecretBox box) {
        final var errors = new ArrayList<ValidationError>();
        if (fabric == null) {
            return errors;
        }
        if (fabric.getLeafSwitch() != null) {
            for (var leaf : fabric.getLeafSwitch().values()) {
                final var netconf = leaf.getNetconf();
                if (netconf != null) {
                    check(FabricPaths.leafNetconf(leaf.getName().getValue()), "password", netconf.getPassword(),
                        netconf.getEncryptedPassword(), box, errors);
                }
            }
        }
        if (fabric.getNodeRouter() != null) {
            for (var node : fabric.getNodeRouter().values()) {
                final var ssh = node.getSsh();
                final var base = FabricPaths.nodeSsh(node.getName().getValue());
                if (ssh != null && ssh.getCredentials() instanceof Password password) {
                    check(base, "password", password.getPassword(), password.getEncryptedPassword(), box, errors);
                } else if (ssh != null && ssh.getCredentials() instanceof PrivateKey key) {
                    check(base, "private-key", key.getPrivateKey(), key.getEncryptedPrivateKey(), box, errors);
                }
            }
        }
        return errors;
    }

    private static void check(final String container, final String field, final @Nullable String plaintext,
            final byte @Nullable [] ciphertext, final SecretBox box, final List<ValidationError> errors) {
        final var encrypted = "encrypted-" + field;
        if (plaintext != null && ciphertext != null) {
            errors.add(new ValidationError(container + "/" + encrypted, BOTH_FORMS.formatted(field, encrypted)));
        } else if (ciphertext != null && box.open(ciphertext).isEmpty()) {
            errors.add(new ValidationError(container + "/" + encrypted, UNREADABLE));
        }
    }
}
