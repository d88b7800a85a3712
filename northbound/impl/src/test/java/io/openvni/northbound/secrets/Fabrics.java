package io.openvni.northbound.secrets;

import java.util.Set;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.Fabric;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.FabricBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.LeafSwitchBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.NodeRouterBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.leaf._switch.Netconf;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.leaf._switch.NetconfBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.node.router.SshBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.node.router.ssh.Credentials;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.types.rev261126.AsNumber;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.types.rev261126.DeviceName;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.types.rev261126.Host;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.types.rev261126.Ipv4Address;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint32;

/** Binding fabrics with one leaf switch and one node router, for the credential tests. */
public final class Fabrics {
    private Fabrics() {
        // factory
    }

    public static NetconfBuilder netconf() {
        return new NetconfBuilder().setHost(new Host("192.0.2.1")).setUsername("admin")
            .setExtraCapability(Set.of("urn:a?module=a-sub&revision=2020-01-01"));
    }

    public static Fabric fabric(final Netconf netconf, final Credentials nodeCredentials) {
        return new FabricBuilder()
            .setLeafSwitch(BindingMap.of(new LeafSwitchBuilder().setName(new DeviceName("leaf1"))
                .setAsn(new AsNumber(Uint32.valueOf(65001))).setRouterId(new Ipv4Address("10.0.0.1"))
                .setVtepAddress(new Ipv4Address("10.1.0.1")).setNetconf(netconf).build()))
            .setNodeRouter(BindingMap.of(new NodeRouterBuilder().setName(new DeviceName("n1"))
                .setSsh(new SshBuilder().setHost(new Host("192.0.2.9")).setUsername("root")
                    .setCredentials(nodeCredentials).build())
                .setAsn(new AsNumber(Uint32.valueOf(65101))).setRouterId(new Ipv4Address("10.0.1.1")).build()))
            .build();
    }
}
