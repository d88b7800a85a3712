package io.openvni.northbound.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.core.allocation.Allocation;
import io.openvni.core.allocation.AllocationKind;
import io.openvni.core.allocation.Allocations;
import io.openvni.core.intent.DeviceLimits;
import io.openvni.core.intent.Fabric;
import io.openvni.core.intent.NumberRange;
import io.openvni.northbound.secrets.RealAaa;
import io.openvni.odl.SecretBox;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.types.rev261126.Host;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.types.rev261126.IpAddress;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.types.rev261126.IpPrefix;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.types.rev261126.Ipv4Address;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.types.rev261126.PortNumber;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.FabricBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.LeafSwitchBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.NodeRouterBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.LimitsBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.VniPoolsBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.leaf._switch.NetconfBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.node.router.BgpPeerBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.node.router.FrrBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.node.router.SshBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.node.router.ssh.credentials.PasswordBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.node.router.ssh.credentials.PrivateKeyBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.vni.pools.L2Builder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.tenant.rev261126.TenantsBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.tenant.rev261126.tenants.TenantBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.tenant.rev261126.tenants.tenant.NetworkBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.tenant.rev261126.tenants.tenant.VrfBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.types.rev261126.AsNumber;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.types.rev261126.DeviceName;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.types.rev261126.ObjectName;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.types.rev261126.RouteTarget;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.types.rev261126.Vni;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;

class IntentCodecTest {
    private static final SecretBox BOX = RealAaa.box("codec-test-key");

    @Test
    void absentContainersGiveTheEmptyIntent() {
        final var intent = IntentCodec.toIntent(null, null, BOX);
        assertEquals(Fabric.EMPTY, intent.fabric());
        assertTrue(intent.tenants().isEmpty());
    }

    @Test
    void appliesModelDefaults() {
        final var fabric = IntentCodec.toIntent(new FabricBuilder()
            .setVniPools(new VniPoolsBuilder().setL2(new L2Builder().setStart(Uint32.valueOf(20000)).build()).build())
            .build(), null, BOX).fabric();
        assertNull(fabric.routeTargetAsn());
        assertEquals(Fabric.DEFAULT_ANYCAST_GATEWAY_MAC, fabric.anycastGatewayMac());
        // a partially written pool keeps the default for the missing bound
        assertEquals(new NumberRange(20000, Fabric.DEFAULT_L2_VNI_POOL.end()), fabric.l2VniPool());
        assertEquals(Fabric.DEFAULT_VLAN_POOL, fabric.vlanPool());
        assertTrue(fabric.autoHeal());
    }

    @Test
    void convertsLimitsKeepingTheDefaultsOfWhatIsMissing() {
        assertEquals(DeviceLimits.DEFAULT, IntentCodec.toIntent(new FabricBuilder().build(), null, BOX).fabric()
            .limits());
        final var limits = IntentCodec.toIntent(new FabricBuilder().setLimits(new LimitsBuilder()
            .setLeafSwitch(new org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.limits
                .LeafSwitchBuilder().setMaxL2Vnis(Uint32.valueOf(500)).build())
            .setNodeRouter(new org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.limits
                .NodeRouterBuilder().setMaxL2Vnis(Uint32.valueOf(40)).setMaxVrfs(Uint32.ZERO).build())
            .build()).build(), null, BOX).fabric().limits();
        assertEquals(new DeviceLimits(new DeviceLimits.RoleLimits(500, DeviceLimits.DEFAULT_LEAF_SWITCH.maxVrfs()),
            new DeviceLimits.RoleLimits(40, 0)), limits);
    }

    @Test
    void convertsLeafSwitchNetconfAccessWithSchemaAdditions() {
        final var netconf = new NetconfBuilder()
            .setHost(new Host("192.0.2.1"))
            .setUsername("admin")
            .setPassword("leaf-secret");
        final var leaf = new LeafSwitchBuilder()
            .setName(new DeviceName("leaf1"))
            .setAsn(new AsNumber(Uint32.valueOf(65001)))
            .setRouterId(new Ipv4Address("10.0.0.1"))
            .setVtepAddress(new Ipv4Address("10.1.0.1"));
        final var plain = IntentCodec.toIntent(new FabricBuilder()
            .setLeafSwitch(BindingMap.of(leaf.setNetconf(netconf.build()).build())).build(), null, BOX)
            .fabric().leafSwitches().get(0).netconf();
        assertEquals(830, plain.port());
        assertEquals(List.of(), plain.extraCapabilities());
        assertNull(plain.schemaDirectory());
        assertEquals("***", String.valueOf(plain.password()));

        final var extended = IntentCodec.toIntent(new FabricBuilder()
            .setLeafSwitch(BindingMap.of(leaf.setNetconf(netconf
                .setPort(new PortNumber(Uint16.valueOf(17830)))
                .setExtraCapability(Set.of("urn:b?module=b-sub&revision=2020-01-01",
                    "urn:a?module=a-sub&revision=2020-01-01"))
                .setSchemaDirectory("/opt/yang/leaf").build()).build())).build(), null, BOX)
            .fabric().leafSwitches().get(0).netconf();
        assertEquals(17830, extended.port());
        assertEquals(List.of("urn:a?module=a-sub&revision=2020-01-01", "urn:b?module=b-sub&revision=2020-01-01"),
            extended.extraCapabilities());
        assertEquals("/opt/yang/leaf", extended.schemaDirectory());
    }

    @Test
    void convertsNodeRoutersAndKeepsCredentialsSecret() {
        final var node = new NodeRouterBuilder()
            .setName(new DeviceName("n1"))
            .setSsh(new SshBuilder().setHost(new Host("192.0.2.1"))
                .setUsername("root")
                .setCredentials(new PrivateKeyBuilder().setPrivateKey("-----BEGIN KEY-----").build()).build())
            .setFrr(new FrrBuilder().setNetnsVrf(true).setGrpcPort(new PortNumber(Uint16.valueOf(50051))).build())
            .setAsn(new AsNumber(Uint32.valueOf(65101)))
            .setRouterId(new Ipv4Address("10.0.1.1"))
            .setAttachedLeafSwitch(Set.of(new DeviceName("leaf2"), new DeviceName("leaf1")))
            .setBgpPeer(BindingMap.of(new BgpPeerBuilder().setAddress(new IpAddress("192.168.1.1"))
                .setAsn(new AsNumber(Uint32.valueOf(65001))).build()))
            .build();
        final var converted = IntentCodec.toIntent(new FabricBuilder().setNodeRouter(BindingMap.of(node)).build(),
            null, BOX).fabric().nodeRouter("n1").orElseThrow();
        assertEquals(22, converted.ssh().port());
        assertNull(converted.ssh().password());
        assertEquals("-----BEGIN KEY-----", converted.ssh().privateKey().value());
        assertFalse(converted.toString().contains("BEGIN KEY"), "credentials must never reach logs");
        assertTrue(converted.frr().netnsVrf());
        assertEquals(50051, converted.frr().grpcPort());
        assertNull(converted.vtepAddress());
        assertEquals(List.of("leaf1", "leaf2"), converted.attachedLeafSwitches());
        assertEquals("192.168.1.1", converted.bgpPeers().getFirst().address());
    }

    @Test
    void decryptsEncryptedCredentialsAndStillTakesPlaintext() {
        final var leaf = new LeafSwitchBuilder()
            .setName(new DeviceName("leaf1"))
            .setAsn(new AsNumber(Uint32.valueOf(65001)))
            .setRouterId(new Ipv4Address("10.0.0.1"))
            .setVtepAddress(new Ipv4Address("10.1.0.1"))
            .setNetconf(new NetconfBuilder().setHost(new Host("192.0.2.1")).setUsername("admin")
                .setEncryptedPassword(BOX.seal("leaf-secret")).build())
            .build();
        final var node = new NodeRouterBuilder()
            .setName(new DeviceName("n1"))
            .setSsh(new SshBuilder().setHost(new Host("192.0.2.9")).setUsername("root")
                .setCredentials(new PasswordBuilder().setEncryptedPassword(BOX.seal("node-secret")).build()).build())
            .setAsn(new AsNumber(Uint32.valueOf(65101)))
            .setRouterId(new Ipv4Address("10.0.1.1"))
            .build();
        final var fabric = IntentCodec.toIntent(new FabricBuilder().setLeafSwitch(BindingMap.of(leaf))
            .setNodeRouter(BindingMap.of(node)).build(), null, BOX).fabric();
        assertEquals("leaf-secret", fabric.leafSwitches().getFirst().netconf().password().value());
        assertEquals("node-secret", fabric.nodeRouter("n1").orElseThrow().ssh().password().value());
        assertNull(fabric.nodeRouter("n1").orElseThrow().ssh().privateKey());

        final var plain = IntentCodec.toIntent(new FabricBuilder().setNodeRouter(BindingMap.of(new NodeRouterBuilder(
            node).setSsh(new SshBuilder(node.getSsh()).setCredentials(new PasswordBuilder().setPassword("typed")
                .build()).build()).build())).build(), null, BOX).fabric();
        assertEquals("typed", plain.nodeRouter("n1").orElseThrow().ssh().password().value());
    }

    @Test
    void undecryptableCredentialNamesTheFieldNotTheValue() {
        final var foreign = RealAaa.box("another-controllers-key").seal("leaf-secret");
        final var fabric = new FabricBuilder().setLeafSwitch(BindingMap.of(new LeafSwitchBuilder()
            .setName(new DeviceName("leaf1"))
            .setAsn(new AsNumber(Uint32.valueOf(65001)))
            .setRouterId(new Ipv4Address("10.0.0.1"))
            .setVtepAddress(new Ipv4Address("10.1.0.1"))
            .setNetconf(new NetconfBuilder().setHost(new Host("192.0.2.1")).setUsername("admin")
                .setEncryptedPassword(foreign).build())
            .build())).build();
        final var error = assertThrows(IllegalArgumentException.class,
            () -> IntentCodec.toIntent(fabric, null, BOX));
        assertEquals("/fabric/leaf-switch[leaf1]/netconf/encrypted-password: cannot be decrypted with this "
            + "controller's AAA encryption key", error.getMessage());
    }

    @Test
    void convertsTenants() {
        final var tenants = new TenantsBuilder().setTenant(BindingMap.of(new TenantBuilder()
            .setName(new ObjectName("acme"))
            .setVrf(BindingMap.of(new VrfBuilder().setName(new ObjectName("red")).setL3Vni(new Vni(Uint32.valueOf(50001)))
                .setImportRouteTarget(Set.of(new RouteTarget("65000:7"))).build()))
            .setNetwork(BindingMap.of(new NetworkBuilder().setName(new ObjectName("web"))
                .setVrf(new ObjectName("red"))
                .setSubnet(Set.of(new IpPrefix("10.1.0.0/24")))
                .setGateway(Set.of(new IpPrefix("10.1.0.1/24")))
                .build()))
            .build())).build();
        final var tenant = IntentCodec.toIntent(null, tenants, BOX).tenant("acme").orElseThrow();
        assertEquals("", tenant.description());
        final var vrf = tenant.vrf("red").orElseThrow();
        assertEquals(50001L, vrf.l3Vni());
        assertEquals(List.of("65000:7"), vrf.importRouteTargets());
        final var network = tenant.network("web").orElseThrow();
        assertNull(network.l2Vni());
        assertTrue(network.arpSuppression(), "arp-suppression defaults to true");
        assertEquals(List.of("10.1.0.0/24"), network.subnets());
        assertEquals(List.of("10.1.0.1/24"), network.gateways());
        assertTrue(network.nodeRouters().isEmpty());
    }

    @Test
    void allocationsRoundTrip() {
        final var allocations = Allocations.of(List.of(
            new Allocation(AllocationKind.L2_VNI, "/tenants/tenant[a]/network[b]", "10000"),
            new Allocation(AllocationKind.VTEP, "/fabric/node-router[n1]", "10.255.0.1")));
        assertEquals(allocations, AllocationCodec.toCore(AllocationCodec.toStored(allocations)));
        assertEquals(2, AllocationCodec.toStatus(allocations).size());
        assertEquals(Allocations.EMPTY, AllocationCodec.toCore(null));
    }
}
