package io.openvni.core.testing;

import io.openvni.core.intent.BgpPeer;
import io.openvni.core.intent.FrrSettings;
import io.openvni.core.intent.NodeRouter;
import io.openvni.core.intent.Secret;
import io.openvni.core.intent.SshAccess;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Builds a {@link NodeRouter}; by default it logs in with a private key, has no VTEP address (allocated), no
 * attached leaf switches and no BGP peers.
 */
public final class NodeBuilder {
    public static final String PRIVATE_KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\ntest\n"
        + "-----END OPENSSH PRIVATE KEY-----\n";

    private String name;
    private String sshHost = "192.0.2.11";
    private int sshPort = 22;
    private String sshUsername = "root";
    private @Nullable Secret sshPassword;
    private @Nullable Secret sshPrivateKey = new Secret(PRIVATE_KEY);
    private FrrSettings frr = FrrSettings.DEFAULT;
    private long asn = 65101;
    private String routerId = "10.0.1.1";
    private @Nullable String vtepAddress;
    private List<String> attachedLeafSwitches = List.of();
    private List<BgpPeer> bgpPeers = List.of();

    NodeBuilder(final String name) {
        this.name = name;
    }

    public static NodeBuilder from(final NodeRouter node) {
        final var builder = new NodeBuilder(node.name());
        builder.sshHost = node.ssh().host();
        builder.sshPort = node.ssh().port();
        builder.sshUsername = node.ssh().username();
        builder.sshPassword = node.ssh().password();
        builder.sshPrivateKey = node.ssh().privateKey();
        builder.frr = node.frr();
        builder.asn = node.asn();
        builder.routerId = node.routerId();
        builder.vtepAddress = node.vtepAddress();
        builder.attachedLeafSwitches = node.attachedLeafSwitches();
        builder.bgpPeers = node.bgpPeers();
        return builder;
    }

    public NodeBuilder name(final String value) {
        name = value;
        return this;
    }

    public NodeBuilder sshHost(final String value) {
        sshHost = value;
        return this;
    }

    public NodeBuilder sshPort(final int value) {
        sshPort = value;
        return this;
    }

    public NodeBuilder sshUsername(final String value) {
        sshUsername = value;
        return this;
    }

    public NodeBuilder sshPassword(final @Nullable String value) {
        sshPassword = value == null ? null : new Secret(value);
        return this;
    }

    public NodeBuilder sshPrivateKey(final @Nullable String value) {
        sshPrivateKey = value == null ? null : new Secret(value);
        return this;
    }

    public NodeBuilder frr(final FrrSettings value) {
        frr = value;
        return this;
    }

    public NodeBuilder asn(final long value) {
        asn = value;
        return this;
    }

    public NodeBuilder routerId(final String value) {
        routerId = value;
        return this;
    }

    public NodeBuilder vtepAddress(final @Nullable String value) {
        vtepAddress = value;
        return this;
    }

    public NodeBuilder attachedLeafSwitches(final String... value) {
        attachedLeafSwitches = List.of(value);
        return this;
    }

    public NodeBuilder bgpPeers(final BgpPeer... value) {
        bgpPeers = List.of(value);
        return this;
    }

    public NodeRouter build() {
        return new NodeRouter(name, new SshAccess(sshHost, sshPort, sshUsername, sshPassword, sshPrivateKey), frr,
            asn, routerId, vtepAddress, attachedLeafSwitches, bgpPeers);
    }
}
