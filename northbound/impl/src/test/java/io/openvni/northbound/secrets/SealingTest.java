package io.openvni.northbound.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.odl.SecretBox;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.leaf._switch.Netconf;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.node.router.Ssh;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.node.router.ssh.credentials.Password;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.node.router.ssh.credentials.PasswordBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.node.router.ssh.credentials.PrivateKey;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.node.router.ssh.credentials.PrivateKeyBuilder;

class SealingTest {
    private static final SecretBox BOX = RealAaa.box("test-key-1");

    @Test
    void sealsPlaintextLeafPasswordAndKeepsTheRestOfTheContainer() {
        final var seals = Sealing.plan(Fabrics.fabric(Fabrics.netconf().setPassword("leaf-pw").build(),
            new PasswordBuilder().setEncryptedPassword(BOX.seal("node-pw")).build()), BOX);
        assertEquals(1, seals.size());
        final var seal = seals.getFirst();
        assertEquals("the password of leaf-switch leaf1", seal.what());
        assertEquals(Netconf.class, seal.path().lastStep().type());
        final var sealed = (Netconf) seal.sealed();
        assertNull(sealed.getPassword());
        assertEquals(Optional.of("leaf-pw"), BOX.open(sealed.getEncryptedPassword()));
        assertEquals("admin", sealed.getUsername());
        assertEquals(Fabrics.netconf().build().getExtraCapability(), sealed.getExtraCapability());
        assertFalse(seal.toString().contains("leaf-pw"));
    }

    @Test
    void sealsNodeRouterPasswordAndPrivateKey() {
        final var sealedLeaf = Fabrics.netconf().setEncryptedPassword(BOX.seal("leaf-pw")).build();

        final var password = Sealing.plan(Fabrics.fabric(sealedLeaf,
            new PasswordBuilder().setPassword("node-pw").build()), BOX);
        assertEquals(1, password.size());
        assertEquals("the password of node-router n1", password.getFirst().what());
        final var byPassword = (Ssh) password.getFirst().sealed();
        final var credentials = (Password) byPassword.getCredentials();
        assertNull(credentials.getPassword());
        assertEquals(Optional.of("node-pw"), BOX.open(credentials.getEncryptedPassword()));
        assertEquals("root", byPassword.getUsername());

        final var key = Sealing.plan(Fabrics.fabric(sealedLeaf,
            new PrivateKeyBuilder().setPrivateKey("-----BEGIN KEY-----").build()), BOX);
        assertEquals("the private key of node-router n1", key.getFirst().what());
        final var keyCredentials = (PrivateKey) ((Ssh) key.getFirst().sealed()).getCredentials();
        assertNull(keyCredentials.getPrivateKey());
        assertEquals(Optional.of("-----BEGIN KEY-----"), BOX.open(keyCredentials.getEncryptedPrivateKey()));
    }

    @Test
    void nothingToSealWhenEncryptedAbsentOrGivenTwice() {
        assertTrue(Sealing.plan(null, BOX).isEmpty());
        assertTrue(Sealing.plan(Fabrics.fabric(Fabrics.netconf().setEncryptedPassword(BOX.seal("a")).build(),
            new PrivateKeyBuilder().setEncryptedPrivateKey(BOX.seal("k")).build()), BOX).isEmpty());
        assertTrue(Sealing.plan(Fabrics.fabric(Fabrics.netconf().build(), new PasswordBuilder().build()), BOX)
            .isEmpty(), "no credential at all");
        // both forms: validation rejects the commit; the sealer must not pick one
        assertTrue(Sealing.plan(Fabrics.fabric(
            Fabrics.netconf().setPassword("new").setEncryptedPassword(BOX.seal("old")).build(),
            new PasswordBuilder().setPassword("new").setEncryptedPassword(BOX.seal("old")).build()), BOX).isEmpty());
    }
}
