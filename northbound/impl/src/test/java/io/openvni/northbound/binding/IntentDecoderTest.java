package io.openvni.northbound.binding;

import static io.openvni.northbound.binding.IntentDecoder.ALLOCATIONS;
import static io.openvni.northbound.binding.IntentDecoder.FABRIC;
import static io.openvni.northbound.binding.IntentDecoder.TENANTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.core.intent.Intent;
import io.openvni.core.validation.ValidationError;
import io.openvni.northbound.secrets.Fabrics;
import io.openvni.northbound.secrets.RealAaa;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.Fabric;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.FabricBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.node.router.ssh.credentials.PasswordBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.Allocations;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.tenant.rev261126.Tenants;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.tenant.rev261126.TenantsBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.tenant.rev261126.tenants.TenantBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.tenant.rev261126.tenants.tenant.NetworkBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.tenant.rev261126.tenants.tenant.VrfBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.types.rev261126.AsNumber;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.types.rev261126.IpPrefix;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.types.rev261126.Ipv4Prefix;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.types.rev261126.ObjectName;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.types.rev261126.Vni;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.binding.data.codec.impl.di.DefaultBindingDOMCodecFactory;
import org.opendaylight.yangtools.binding.data.codec.spi.BindingDOMCodecServices;
import org.opendaylight.yangtools.binding.runtime.api.BindingRuntimeContext;
import org.opendaylight.yangtools.binding.runtime.spi.BindingRuntimeHelpers;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTree;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeConfiguration;
import org.opendaylight.yangtools.yang.data.tree.impl.di.InMemoryDataTreeFactory;

/**
 * The decoder over yangtools' in-memory data tree, the tree each datastore shard keeps: a candidate as the
 * validation cohort sees it, committed, then read back as the controller does.
 */
class IntentDecoderTest {
    private static final String KEY = "decoder-test-key";
    private static final DataObjectIdentifier<Fabric> FABRIC_PATH = DataObjectIdentifier.builder(Fabric.class).build();
    private static final DataObjectIdentifier<Tenants> TENANTS_PATH =
        DataObjectIdentifier.builder(Tenants.class).build();

    private final BindingRuntimeContext runtime =
        BindingRuntimeHelpers.createRuntimeContext(Fabric.class, Tenants.class, Allocations.class);
    private final BindingDOMCodecServices codec =
        new DefaultBindingDOMCodecFactory().createBindingDOMCodec(runtime);
    private final IntentDecoder decoder = new IntentDecoder(codec, RealAaa.box(KEY));

    private static Fabric fabric() {
        return new FabricBuilder(Fabrics.fabric(Fabrics.netconf().setPassword("leaf-pw").build(),
            new PasswordBuilder().setPassword("node-pw").build()))
            .setRouteTargetAsn(new AsNumber(Uint32.valueOf(65000))).setVtepPool(new Ipv4Prefix("10.255.0.0/24"))
            .build();
    }

    private static Tenants tenants(final long l2Vni) {
        return new TenantsBuilder().setTenant(BindingMap.of(new TenantBuilder().setName(new ObjectName("acme"))
            .setVrf(BindingMap.of(new VrfBuilder().setName(new ObjectName("red")).build()))
            .setNetwork(BindingMap.of(new NetworkBuilder().setName(new ObjectName("web"))
                .setL2Vni(new Vni(Uint32.valueOf(l2Vni))).setVrf(new ObjectName("red"))
                .setSubnet(Set.of(new IpPrefix("10.1.0.0/24"))).setGateway(Set.of(new IpPrefix("10.1.0.1/24")))
                .build()))
            .build())).build();
    }

    private <T extends DataObject> NormalizedNode normalized(final DataObjectIdentifier<T> path, final T data) {
        return codec.toNormalizedDataObject(path, data).node();
    }

    private DataTree tree() {
        return new InMemoryDataTreeFactory().create(DataTreeConfiguration.DEFAULT_CONFIGURATION,
            runtime.modelContext());
    }

    private static NormalizedNode read(final DataTree tree, final NodeIdentifier id) {
        return tree.takeSnapshot().readNode(YangInstanceIdentifier.of(id)).orElse(null);
    }

    @Test
    void theCommittedGenerationIsTheOneDecodedForItsCandidate() throws Exception {
        final var tree = tree();
        final var modification = tree.takeSnapshot().newModification();
        modification.write(YangInstanceIdentifier.of(FABRIC), normalized(FABRIC_PATH, fabric()));
        modification.write(YangInstanceIdentifier.of(TENANTS), normalized(TENANTS_PATH, tenants(10_000)));
        modification.ready();
        tree.validate(modification);
        final var candidate = tree.prepare(modification);

        // what the validation cohort gets: the whole configuration root after the commit
        final var root = (ContainerNode) candidate.getRootNode().dataAfter();
        final var admitted = decoder.decode(root.childByArg(FABRIC), root.childByArg(TENANTS),
            root.childByArg(ALLOCATIONS));
        assertEquals(List.of(), admitted.errors());
        assertEquals(List.of("acme"), admitted.intent().tenants().stream().map(t -> t.name()).toList());

        tree.commit(candidate);
        // what the controller reads afterwards: the same nodes, so the cohort's result and no second decode
        assertSame(admitted, decoder.decode(read(tree, FABRIC), read(tree, TENANTS), read(tree, ALLOCATIONS)));
    }

    @Test
    void equalNodesBuiltAgainAreDecodedAgain() {
        final var first = decoder.decode(normalized(FABRIC_PATH, fabric()), null, null);
        final var again = decoder.decode(normalized(FABRIC_PATH, fabric()), null, null);
        assertNotSame(first, again);
        assertEquals(first.intent(), again.intent());
    }

    @Test
    void invalidIntentCarriesItsErrors() {
        final var decoded = decoder.decode(normalized(FABRIC_PATH, fabric()),
            normalized(TENANTS_PATH, tenants(30_000)), null);
        assertTrue(decoded.errors().stream().map(ValidationError::path)
            .anyMatch("/tenants/tenant[acme]/network[web]/l2-vni"::equals), decoded.errors()::toString);
    }

    @Test
    void unreadableCredentialsAreReportedBeforeAnythingIsDecoded() {
        final var otherController = RealAaa.box("another-controller-key");
        final var decoded = decoder.decode(normalized(FABRIC_PATH, Fabrics.fabric(
            Fabrics.netconf().setEncryptedPassword(otherController.seal("leaf-pw")).build(),
            new PasswordBuilder().setPassword("node-pw").build())), normalized(TENANTS_PATH, tenants(30_000)), null);
        assertEquals(List.of("/fabric/leaf-switch[leaf1]/netconf/encrypted-password"),
            decoded.errors().stream().map(ValidationError::path).toList());
        assertEquals(Intent.EMPTY, decoded.intent());
    }
}
