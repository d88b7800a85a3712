package io.openvni.northbound.binding;

import io.openvni.core.intent.BgpPeer;
import io.openvni.core.intent.DeviceLimits;
import io.openvni.core.intent.Fabric;
import io.openvni.core.intent.FrrSettings;
import io.openvni.core.intent.Intent;
import io.openvni.core.intent.LeafSwitch;
import io.openvni.core.intent.NetconfAccess;
import io.openvni.core.intent.Network;
import io.openvni.core.intent.NodeRouter;
import io.openvni.core.intent.NumberRange;
import io.openvni.core.intent.Secret;
import io.openvni.core.intent.SshAccess;
import io.openvni.core.intent.Tenant;
import io.openvni.core.intent.Vrf;
import io.openvni.northbound.secrets.FabricPaths;
import io.openvni.odl.SecretBox;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.Limits;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.node.router.Ssh;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.node.router.ssh.credentials.Password;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.node.router.ssh.credentials.PrivateKey;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.types.rev261126.PortNumber;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.types.rev261126.Range;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.types.rev261126.Vni;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;

/**
 * Builds the core's {@link Intent} from the {@code openvni-fabric:fabric} and {@code openvni-tenant:tenants}
 * containers, applying the models' defaults. Credentials are taken in either form: the encrypted one is decrypted
 * with the given {@link SecretBox}, the plaintext one (present only until the sealer replaces it) as it is.
 */
public final class IntentCodec {
    private static final int DEFAULT_NETCONF_PORT = 830;
    private static final int DEFAULT_SSH_PORT = 22;

    private IntentCodec() {
        // static codec
    }

    /**
     * Converts the two configuration containers, either of which may be absent.
     *
     * @throws IllegalArgumentException naming the field if an encrypted credential cannot be decrypted (the
     *         validation cohort rejects such commits, so only a changed AAA key leads here)
     */
    public static Intent toIntent(
            final org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.@Nullable Fabric fabric,
            final org.opendaylight.yang.gen.v1.urn.openvni.yang.tenant.rev261126.@Nullable Tenants tenants,
            final SecretBox secrets) {
        return new Intent(toFabric(fabric, secrets), tenants == null ? List.of() : map(tenants.getTenant(),
            IntentCodec::toTenant));
    }

    static Fabric toFabric(
            final org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.@Nullable Fabric fabric,
            final SecretBox secrets) {
        if (fabric == null) {
            return Fabric.EMPTY;
        }
        final var pools = fabric.getVniPools();
        return new Fabric(
            fabric.getRouteTargetAsn() == null ? null : fabric.getRouteTargetAsn().getValue().toJava(),
            fabric.getAnycastGatewayMac() == null ? Fabric.DEFAULT_ANYCAST_GATEWAY_MAC
                : fabric.getAnycastGatewayMac().getValue(),
            range(pools == null ? null : pools.getL2(), Fabric.DEFAULT_L2_VNI_POOL),
            range(pools == null ? null : pools.getL3(), Fabric.DEFAULT_L3_VNI_POOL),
            range(fabric.getVlanPool(), Fabric.DEFAULT_VLAN_POOL),
            fabric.getVtepPool() == null ? null : fabric.getVtepPool().getValue(),
            fabric.getAutoHeal() == null || fabric.getAutoHeal(),
            fabric.getDriftCheckInterval() == null ? Fabric.DEFAULT_DRIFT_CHECK_INTERVAL
                : fabric.getDriftCheckInterval().intValue(),
            toLimits(fabric.getLimits()),
            map(fabric.getLeafSwitch(), leaf -> toLeafSwitch(leaf, secrets)),
            map(fabric.getNodeRouter(), node -> toNodeRouter(node, secrets)));
    }

    private static DeviceLimits toLimits(final @Nullable Limits limits) {
        if (limits == null) {
            return DeviceLimits.DEFAULT;
        }
        final var leaf = limits.getLeafSwitch();
        final var node = limits.getNodeRouter();
        return new DeviceLimits(
            leaf == null ? DeviceLimits.DEFAULT_LEAF_SWITCH : new DeviceLimits.RoleLimits(
                limit(leaf.getMaxL2Vnis(), DeviceLimits.DEFAULT_LEAF_SWITCH.maxL2Vnis()),
                limit(leaf.getMaxVrfs(), DeviceLimits.DEFAULT_LEAF_SWITCH.maxVrfs())),
            node == null ? DeviceLimits.DEFAULT_NODE_ROUTER : new DeviceLimits.RoleLimits(
                limit(node.getMaxL2Vnis(), DeviceLimits.DEFAULT_NODE_ROUTER.maxL2Vnis()),
                limit(node.getMaxVrfs(), DeviceLimits.DEFAULT_NODE_ROUTER.maxVrfs())));
    }

    private static long limit(final @Nullable Uint32 value, final long defaultValue) {
        return value == null ? defaultValue : value.toJava();
    }

    private static LeafSwitch toLeafSwitch(
            final org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.LeafSwitch leaf,
            final SecretBox secrets) {
        final var netconf = leaf.getNetconf();
        final var access = netconf == null ? new NetconfAccess("", DEFAULT_NETCONF_PORT, "", null)
            : new NetconfAccess(netconf.getHost().getValue(), port(netconf.getPort(), DEFAULT_NETCONF_PORT),
                netconf.getUsername(), secret(netconf.getPassword(), netconf.getEncryptedPassword(),
                    FabricPaths.leafNetconf(leaf.getName().getValue()) + "/encrypted-password", secrets),
                strings(netconf.getExtraCapability(), capability -> capability),
                netconf.getSchemaDirectory());
        return new LeafSwitch(leaf.getName().getValue(), dialect(leaf.getDialect()), access,
            leaf.getAsn().getValue().toJava(), leaf.getRouterId().getValue(), leaf.getVtepAddress().getValue(),
            leaf.getVtepSourceInterface() == null ? "Loopback1" : leaf.getVtepSourceInterface(),
            strings(leaf.getAccessInterface(), name -> name));
    }

    private static LeafSwitch.Dialect dialect(
            final org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.LeafSwitch.@Nullable Dialect
                dialect) {
        if (dialect == null) {
            return LeafSwitch.Dialect.OPENCONFIG;
        }
        for (var known : LeafSwitch.Dialect.values()) {
            if (known.yangName().equals(dialect.getName())) {
                return known;
            }
        }
        // the YANG enumeration and the core enum list the same dialects
        throw new IllegalStateException("unknown leaf switch dialect " + dialect.getName());
    }

    private static NodeRouter toNodeRouter(
            final org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.NodeRouter node,
            final SecretBox secrets) {
        final var frr = node.getFrr();
        return new NodeRouter(node.getName().getValue(),
            toSsh(node.getSsh(), FabricPaths.nodeSsh(node.getName().getValue()), secrets),
            frr == null ? FrrSettings.DEFAULT : new FrrSettings(frr.getPathspace(),
                frr.getGrpcPort() == null ? null : frr.getGrpcPort().getValue().toJava(),
                Boolean.TRUE.equals(frr.getNetnsVrf())),
            node.getAsn().getValue().toJava(), node.getRouterId().getValue(),
            node.getVtepAddress() == null ? null : node.getVtepAddress().getValue(),
            set(node.getAttachedLeafSwitch()).stream().map(name -> name.getValue()).sorted().toList(),
            map(node.getBgpPeer(), peer -> new BgpPeer(peer.getAddress().getValue(),
                peer.getAsn().getValue().toJava())));
    }

    private static SshAccess toSsh(final @Nullable Ssh ssh, final String path, final SecretBox secrets) {
        if (ssh == null) {
            return new SshAccess("", DEFAULT_SSH_PORT, "", null, null);
        }
        final var credentials = ssh.getCredentials();
        return new SshAccess(ssh.getHost().getValue(), port(ssh.getPort(), DEFAULT_SSH_PORT), ssh.getUsername(),
            credentials instanceof Password password ? secret(password.getPassword(),
                password.getEncryptedPassword(), path + "/encrypted-password", secrets) : null,
            credentials instanceof PrivateKey key ? secret(key.getPrivateKey(), key.getEncryptedPrivateKey(),
                path + "/encrypted-private-key", secrets) : null);
    }

    private static Tenant toTenant(
            final org.opendaylight.yang.gen.v1.urn.openvni.yang.tenant.rev261126.tenants.Tenant tenant) {
        return new Tenant(tenant.getName().getValue(),
            tenant.getDescription() == null ? "" : tenant.getDescription(),
            map(tenant.getVrf(), vrf -> new Vrf(vrf.getName().getValue(), vni(vrf.getL3Vni()),
                strings(vrf.getImportRouteTarget(), rt -> rt.getValue()),
                strings(vrf.getExportRouteTarget(), rt -> rt.getValue()))),
            map(tenant.getNetwork(), IntentCodec::toNetwork));
    }

    private static Network toNetwork(
            final org.opendaylight.yang.gen.v1.urn.openvni.yang.tenant.rev261126.tenants.tenant.Network network) {
        final Uint16 mtu = network.getMtu();
        return new Network(network.getName().getValue(), vni(network.getL2Vni()),
            network.getVlan() == null ? null : network.getVlan().getValue().toJava(),
            network.getVrf() == null ? null : network.getVrf().getValue(),
            strings(network.getSubnet(), prefix -> prefix.getValue()),
            strings(network.getGateway(), prefix -> prefix.getValue()),
            network.getArpSuppression() == null || network.getArpSuppression(),
            mtu == null ? null : mtu.toJava(),
            strings(network.getNodeRouters(), name -> name.getValue()),
            strings(network.getLeafSwitches(), name -> name.getValue()));
    }

    private static NumberRange range(final @Nullable Range range, final NumberRange defaults) {
        if (range == null) {
            return defaults;
        }
        final Uint32 start = range.getStart();
        final Uint32 end = range.getEnd();
        return new NumberRange(start == null ? defaults.start() : start.toJava(),
            end == null ? defaults.end() : end.toJava());
    }

    private static @Nullable Long vni(final @Nullable Vni vni) {
        return vni == null ? null : vni.getValue().toJava();
    }

    private static int port(final @Nullable PortNumber port, final int defaultPort) {
        return port == null ? defaultPort : port.getValue().toJava();
    }

    /** The credential in whichever form it is given; the encrypted form wins (validation forbids both). */
    private static @Nullable Secret secret(final @Nullable String plaintext, final byte @Nullable [] ciphertext,
            final String ciphertextPath, final SecretBox secrets) {
        if (ciphertext != null) {
            return new Secret(secrets.open(ciphertext).orElseThrow(() -> new IllegalArgumentException(
                ciphertextPath + ": cannot be decrypted with this controller's AAA encryption key")));
        }
        return plaintext == null ? null : new Secret(plaintext);
    }

    private static <K, V, T> List<T> map(final @Nullable Map<K, V> map, final Function<V, T> function) {
        return map == null ? List.of() : map.values().stream().map(function).toList();
    }

    private static <T> Set<T> set(final @Nullable Set<T> set) {
        return set == null ? Set.of() : set;
    }

    private static <T> List<String> strings(final @Nullable Collection<T> values, final Function<T, String> toText) {
        return values == null ? List.of() : values.stream().map(toText).sorted().toList();
    }
}
