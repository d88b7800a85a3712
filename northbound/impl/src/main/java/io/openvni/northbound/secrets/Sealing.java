package io.openvni.northbound.secrets;

import io.openvni.odl.SecretBox;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.Fabric;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.LeafSwitch;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.NodeRouter;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.leaf._switch.Netconf;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.leaf._switch.NetconfBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.node.router.Ssh;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.node.router.SshBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.node.router.ssh.credentials.Password;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.node.router.ssh.credentials.PasswordBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.node.router.ssh.credentials.PrivateKey;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.node.router.ssh.credentials.PrivateKeyBuilder;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;

/**
 * The sealing decision: which of the fabric's credentials are still plaintext, and the sealed container of each.
 * A credential given in both forms is left alone (validation rejects it, so a committed fabric has none).
 */
public final class Sealing {
    private Sealing() {
        // static decision
    }

    /**
     * The seals the fabric needs, empty if it holds no plaintext credential.
     *
     * @throws IllegalStateException if the AAA encryption service cannot encrypt
     */
    public static List<Seal<?>> plan(final @Nullable Fabric fabric, final SecretBox box) {
        return unsealed(fabric).stream().<Seal<?>>map(credential -> credential.seal(box)).toList();
    }

    /**
     * The fabric's plaintext credentials, in the order of its devices; empty if it holds none.
     */
    public static List<Unsealed> unsealed(final @Nullable Fabric fabric) {
        final var unsealed = new ArrayList<Unsealed>();
        if (fabric == null) {
            return unsealed;
        }
        if (fabric.getLeafSwitch() != null) {
            for (var leaf : fabric.getLeafSwitch().values()) {
                final var netconf = leaf.getNetconf();
                if (netconf != null && netconf.getPassword() != null && netconf.getEncryptedPassword() == null) {
                    final var name = leaf.getName().getValue();
                    unsealed.add(new Unsealed(FabricPaths.leafNetconf(name) + "/password",
                        box -> new Seal<>(netconfPath(leaf), new NetconfBuilder(netconf)
                            .setPassword(null)
                            .setEncryptedPassword(box.seal(netconf.getPassword()))
                            .build(), "the password of leaf-switch " + name)));
                }
            }
        }
        if (fabric.getNodeRouter() != null) {
            for (var node : fabric.getNodeRouter().values()) {
                final var ssh = node.getSsh();
                if (ssh == null) {
                    continue;
                }
                final var name = node.getName().getValue();
                if (ssh.getCredentials() instanceof Password password && password.getPassword() != null
                        && password.getEncryptedPassword() == null) {
                    unsealed.add(new Unsealed(FabricPaths.nodeSsh(name) + "/password",
                        box -> new Seal<>(sshPath(node), new SshBuilder(ssh)
                            .setCredentials(new PasswordBuilder()
                                .setEncryptedPassword(box.seal(password.getPassword())).build())
                            .build(), "the password of node-router " + name)));
                } else if (ssh.getCredentials() instanceof PrivateKey key && key.getPrivateKey() != null
                        && key.getEncryptedPrivateKey() == null) {
                    unsealed.add(new Unsealed(FabricPaths.nodeSsh(name) + "/private-key",
                        box -> new Seal<>(sshPath(node), new SshBuilder(ssh)
                            .setCredentials(new PrivateKeyBuilder()
                                .setEncryptedPrivateKey(box.seal(key.getPrivateKey())).build())
                            .build(), "the private key of node-router " + name)));
                }
            }
        }
        return unsealed;
    }

    private static DataObjectIdentifier<Netconf> netconfPath(final LeafSwitch leaf) {
        return DataObjectIdentifier.builder(Fabric.class).child(LeafSwitch.class, leaf.key())
            .child(Netconf.class).build();
    }

    private static DataObjectIdentifier<Ssh> sshPath(final NodeRouter node) {
        return DataObjectIdentifier.builder(Fabric.class).child(NodeRouter.class, node.key())
            .child(Ssh.class).build();
    }
}
