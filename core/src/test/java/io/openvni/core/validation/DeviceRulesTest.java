package io.openvni.core.validation;

import static io.openvni.core.testing.IntentFixtures.LEAF1;
import static io.openvni.core.testing.IntentFixtures.LEAF2;
import static io.openvni.core.testing.IntentFixtures.N1;
import static io.openvni.core.testing.IntentFixtures.N2;
import static io.openvni.core.testing.IntentFixtures.sample;
import static io.openvni.core.testing.IntentFixtures.sampleAllocations;
import static io.openvni.core.testing.IntentFixtures.withLeaf;
import static io.openvni.core.testing.IntentFixtures.withNode;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openvni.core.allocation.Allocations;
import io.openvni.core.intent.BgpPeer;
import io.openvni.core.intent.FrrSettings;
import io.openvni.core.intent.LeafSwitch;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DeviceRulesTest {
    private static final String LEAF1_PATH = "/fabric/leaf-switch[leaf1]";
    private static final String N1_PATH = "/fabric/node-router[n1]";
    private static final String PEER1 = N1_PATH + "/bgp-peer[192.168.1.0]";

    static Stream<RuleCase> cases() {
        return Stream.of(
            RuleCase.of("node named like a leaf", i -> withNode(i, N1, n -> n.name(LEAF1)),
                "/fabric/node-router[leaf1]/name", "device name 'leaf1' is also used by leaf switch "
                    + "/fabric/leaf-switch[leaf1]"),
            RuleCase.of("leaf defined twice", i -> withLeaf(i, LEAF2, l -> l.name(LEAF1)),
                LEAF1_PATH, "leaf switch 'leaf1' is defined more than once"),
            RuleCase.of("node defined twice", i -> withNode(i, N2, n -> n.name(N1)),
                N1_PATH, "node router 'n1' is defined more than once"),
            RuleCase.of("invalid device name", i -> withLeaf(i, LEAF2, l -> l.name("leaf 2;")),
                "/fabric/leaf-switch[leaf 2;]/name", "'leaf 2;' is not a valid name"),
            RuleCase.of("router id shared by leaves", i -> withLeaf(i, LEAF2, l -> l.routerId("10.0.0.1")),
                "/fabric/leaf-switch[leaf2]/router-id", "router ID 10.0.0.1 is also used by " + LEAF1_PATH),
            RuleCase.of("router id shared by leaf and node", i -> withNode(i, N2, n -> n.routerId("10.0.0.1")),
                "/fabric/node-router[n2]/router-id", "router ID 10.0.0.1 is also used by " + LEAF1_PATH),
            RuleCase.of("vtep shared by leaf and node", i -> withNode(i, N1, n -> n.vtepAddress("10.255.0.2")),
                N1_PATH + "/vtep-address", "VTEP address 10.255.0.2 is also used by /fabric/leaf-switch[leaf2]"),
            RuleCase.of("vtep shared by leaves", i -> withLeaf(i, LEAF2, l -> l.vtepAddress("10.255.0.1")),
                "/fabric/leaf-switch[leaf2]/vtep-address", "VTEP address 10.255.0.1 is also used by " + LEAF1_PATH),
            RuleCase.of("router id octet over 255", i -> withLeaf(i, LEAF1, l -> l.routerId("10.0.0.256")),
                LEAF1_PATH + "/router-id", "'10.0.0.256' is not an IPv4 address: octet 256 is over 255"),
            RuleCase.of("router id IPv6", i -> withNode(i, N1, n -> n.routerId("2001:db8::1")),
                N1_PATH + "/router-id", "'2001:db8::1' is not an IPv4 address"),
            RuleCase.of("leaf vtep not an address", i -> withLeaf(i, LEAF1, l -> l.vtepAddress("loopback")),
                LEAF1_PATH + "/vtep-address", "'loopback' is not an IP address"),
            RuleCase.of("node vtep IPv6", i -> withNode(i, N1, n -> n.vtepAddress("::1")),
                N1_PATH + "/vtep-address", "'::1' is not an IPv4 address"),
            RuleCase.of("bgp peer not an address", i -> withNode(i, N1, n -> n.bgpPeers(new BgpPeer("spine1", 1))),
                N1_PATH + "/bgp-peer[spine1]/address", "'spine1' is not an IP address"),
            RuleCase.of("leaf asn 0", i -> withLeaf(i, LEAF1, l -> l.asn(0)),
                LEAF1_PATH + "/asn", "ASN 0 is out of range 1..4294967294"),
            RuleCase.of("node asn reserved", i -> withNode(i, N1, n -> n.asn(4_294_967_295L)),
                N1_PATH + "/asn", "ASN 4294967295 is out of range"),
            RuleCase.of("bgp peer asn 0", i -> withNode(i, N1, n -> n.bgpPeers(new BgpPeer("192.168.1.0", 0))),
                PEER1 + "/asn", "ASN 0 is out of range"),
            RuleCase.of("access interfaces on an OpenConfig leaf", i -> withLeaf(i, LEAF1,
                    l -> l.accessInterfaces("ethernet-1/1")),
                LEAF1_PATH + "/access-interface", "access interfaces are attached by the srlinux dialect only"),
            RuleCase.of("SR Linux access interface that is no port", i -> withLeaf(i, LEAF1,
                    l -> l.dialect(LeafSwitch.Dialect.SRLINUX).accessInterfaces("ethernet-1/1", "irb0")),
                LEAF1_PATH + "/access-interface", "'irb0' is not an SR Linux Ethernet port or LAG name"),
            RuleCase.of("netconf port 0", i -> withLeaf(i, LEAF1, l -> l.netconfPort(0)),
                LEAF1_PATH + "/netconf/port", "port 0 is out of range 1..65535"),
            RuleCase.of("ssh port over 65535", i -> withNode(i, N1, n -> n.sshPort(70_000)),
                N1_PATH + "/ssh/port", "port 70000 is out of range 1..65535"),
            RuleCase.of("netconf host empty", i -> withLeaf(i, LEAF1, l -> l.netconfHost(" ")),
                LEAF1_PATH + "/netconf/host", "the NETCONF host is empty"),
            RuleCase.of("ssh user empty", i -> withNode(i, N1, n -> n.sshUsername("")),
                N1_PATH + "/ssh/username", "the SSH user name is empty"),
            RuleCase.of("no ssh credentials", i -> withNode(i, N1, n -> n.sshPrivateKey(null)),
                N1_PATH + "/ssh", "neither an SSH password nor a private key"),
            RuleCase.of("both ssh credentials", i -> withNode(i, N1, n -> n.sshPassword("secret")),
                N1_PATH + "/ssh", "both an SSH password and a private key"),
            RuleCase.of("unknown attached leaf", i -> withNode(i, N1, n -> n.attachedLeafSwitches(LEAF1, "leaf9")),
                N1_PATH + "/attached-leaf-switch", "names leaf switch 'leaf9', which is not in the fabric"),
            RuleCase.of("peer is own router id", i -> withNode(i, N1, n -> n.bgpPeers(new BgpPeer("10.0.1.1", 1))),
                N1_PATH + "/bgp-peer[10.0.1.1]/address", "10.0.1.1 is the node's own router ID"),
            RuleCase.of("peer is own explicit vtep", i -> withNode(i, N1, n -> n.vtepAddress("10.255.0.9")
                .bgpPeers(new BgpPeer("10.255.0.9", 1))),
                N1_PATH + "/bgp-peer[10.255.0.9]/address", "10.255.0.9 is the node's own VTEP address"),
            RuleCase.of("peer defined twice", i -> withNode(i, N1, n -> n.bgpPeers(new BgpPeer("192.168.1.0", 1),
                new BgpPeer("192.168.1.0", 2))),
                PEER1, "BGP peer 192.168.1.0 is defined more than once"),
            RuleCase.of("grpc port 0", i -> withNode(i, N1, n -> n.frr(new FrrSettings(null, 0, false))),
                N1_PATH + "/frr/grpc-port", "port 0 is out of range 1..65535"),
            RuleCase.of("grpc port over 65535", i -> withNode(i, N1, n -> n.frr(new FrrSettings(null, 65_536, false))),
                N1_PATH + "/frr/grpc-port", "port 65536 is out of range"),
            RuleCase.of("pathspace with shell characters",
                i -> withNode(i, N1, n -> n.frr(new FrrSettings("a;reboot", null, false))),
                N1_PATH + "/frr/pathspace", "'a;reboot' is not a valid FRR pathspace"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsError(final RuleCase rule) {
        rule.verify();
    }

    @Test
    void peerOnOwnAllocatedVtep() {
        // n1 keeps 10.255.0.3 from before; a peer on that address is the node itself
        final var intent = withNode(sample(), N1, n -> n.bgpPeers(new BgpPeer("10.255.0.3", 65001)));
        RuleCase.assertError(IntentValidator.validate(intent, sampleAllocations()),
            N1_PATH + "/bgp-peer[10.255.0.3]/address", List.of("10.255.0.3 is the node's own VTEP address"));
    }

    @Test
    void mixedDialectsWithSrLinuxPortsAreValid() {
        final var intent = withLeaf(sample(), LEAF2, l -> l.dialect(LeafSwitch.Dialect.SRLINUX)
            .vtepSourceInterface("system0.0").accessInterfaces("ethernet-1/1", "ethernet-2/m1/3/12", "lag1000"));
        assertEquals(List.of(), IntentValidator.validate(intent, Allocations.EMPTY));
    }
}
