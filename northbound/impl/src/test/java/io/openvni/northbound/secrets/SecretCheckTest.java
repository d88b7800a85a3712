package io.openvni.northbound.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.core.validation.ValidationError;
import io.openvni.odl.SecretBox;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.node.router.ssh.credentials.PasswordBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.node.router.ssh.credentials.PrivateKeyBuilder;

class SecretCheckTest {
    private static final SecretBox BOX = RealAaa.box("test-key-1");
    private static final SecretBox OTHER_CONTROLLER = RealAaa.box("test-key-2");

    @Test
    void acceptsEitherForm() {
        assertEquals(List.of(), SecretCheck.errors(Fabrics.fabric(Fabrics.netconf().setPassword("pw").build(),
            new PrivateKeyBuilder().setEncryptedPrivateKey(BOX.seal("key")).build()), BOX));
        assertEquals(List.of(), SecretCheck.errors(Fabrics.fabric(
            Fabrics.netconf().setEncryptedPassword(BOX.seal("pw")).build(),
            new PasswordBuilder().setPassword("node").build()), BOX));
        assertEquals(List.of(), SecretCheck.errors(null, BOX));
    }

    @Test
    void rejectsBothFormsNamingTheField() {
        final var errors = SecretCheck.errors(Fabrics.fabric(
            Fabrics.netconf().setPassword("pw").setEncryptedPassword(BOX.seal("pw")).build(),
            new PrivateKeyBuilder().setPrivateKey("key").setEncryptedPrivateKey(BOX.seal("key")).build()), BOX);
        assertEquals(List.of(
            new ValidationError("/fabric/leaf-switch[leaf1]/netconf/encrypted-password",
                "give either password or encrypted-password, not both"),
            new ValidationError("/fabric/node-router[n1]/ssh/encrypted-private-key",
                "give either private-key or encrypted-private-key, not both")), errors);
    }

    @Test
    void rejectsValuesThisControllerCannotDecrypt() {
        final var errors = SecretCheck.errors(Fabrics.fabric(
            Fabrics.netconf().setEncryptedPassword(OTHER_CONTROLLER.seal("leaf-pw")).build(),
            new PasswordBuilder().setEncryptedPassword("not a ciphertext".getBytes(StandardCharsets.UTF_8))
                .build()), BOX);
        assertEquals(List.of("/fabric/leaf-switch[leaf1]/netconf/encrypted-password",
            "/fabric/node-router[n1]/ssh/encrypted-password"), errors.stream().map(ValidationError::path).toList());
        assertTrue(errors.getFirst().reason().startsWith("cannot be decrypted with this controller's AAA"),
            errors.getFirst()::reason);
        assertFalse(errors.toString().contains("leaf-pw"));
    }
}
