package io.openvni.core.validation;

import static io.openvni.core.testing.IntentFixtures.ACME;
import static io.openvni.core.testing.IntentFixtures.RED;
import static io.openvni.core.testing.IntentFixtures.WEB;
import static io.openvni.core.testing.IntentFixtures.withFabric;
import static io.openvni.core.testing.IntentFixtures.withNetwork;
import static io.openvni.core.testing.IntentFixtures.withVrf;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FabricRulesTest {
    private static final long FOUR_BYTE_ASN = 4_200_000_000L;

    static Stream<RuleCase> cases() {
        return Stream.of(
            RuleCase.of("l2 pool inverted", i -> withFabric(i, f -> f.l2VniPool(20_000, 10_000)),
                "/fabric/vni-pools/l2", "the l2 VNI pool 20000..10000 starts after it ends"),
            RuleCase.of("l3 pool inverted", i -> withFabric(i, f -> f.l3VniPool(51_000, 50_000)),
                "/fabric/vni-pools/l3", "the l3 VNI pool 51000..50000 starts after it ends"),
            RuleCase.of("vlan pool inverted", i -> withFabric(i, f -> f.vlanPool(200, 100)),
                "/fabric/vlan-pool", "the VLAN pool 200..100 starts after it ends"),
            RuleCase.of("l2 pool below 1", i -> withFabric(i, f -> f.l2VniPool(0, 100)),
                "/fabric/vni-pools/l2", "the l2 VNI pool 0..100 is not within 1..16777215"),
            RuleCase.of("l3 pool above 24 bits", i -> withFabric(i, f -> f.l3VniPool(16_777_000, 16_777_216)),
                "/fabric/vni-pools/l3", "16777000..16777216 is not within 1..16777215"),
            RuleCase.of("vlan pool above 4094", i -> withFabric(i, f -> f.vlanPool(100, 4095)),
                "/fabric/vlan-pool", "the VLAN pool 100..4095 is not within 1..4094"),
            RuleCase.of("vni pools overlap", i -> withFabric(i, f -> f.l3VniPool(19_000, 20_999)),
                "/fabric/vni-pools/l3", "19000..20999 overlaps the l2 VNI pool 10000..19999"),
            RuleCase.of("vtep pool without length", i -> withFabric(i, f -> f.vtepPool("10.255.0.0")),
                "/fabric/vtep-pool", "not an IPv4 prefix", "'10.255.0.0' has no prefix length"),
            RuleCase.of("vtep pool is IPv6", i -> withFabric(i, f -> f.vtepPool("2001:db8::/64")),
                "/fabric/vtep-pool", "2001:db8::/64 is not an IPv4 prefix"),
            RuleCase.of("vtep pool with host bits", i -> withFabric(i, f -> f.vtepPool("10.255.0.1/24")),
                "/fabric/vtep-pool", "host bits set; its network address is 10.255.0.0/24"),
            RuleCase.of("route-target asn missing", i -> withFabric(i, f -> f.routeTargetAsn(null)),
                "/fabric/route-target-asn", "required once a tenant has a network or VRF"),
            RuleCase.of("route-target asn 0", i -> withFabric(i, f -> f.routeTargetAsn(0)),
                "/fabric/route-target-asn", "ASN 0 is out of range 1..4294967294"),
            RuleCase.of("route-target asn reserved", i -> withFabric(i, f -> f.routeTargetAsn(4_294_967_295L)),
                "/fabric/route-target-asn", "ASN 4294967295 is out of range"),
            RuleCase.of("4-byte asn with allocated vni over 65535",
                i -> withFabric(i, f -> f.routeTargetAsn(FOUR_BYTE_ASN).l2VniPool(70_000, 79_999)),
                "/fabric/route-target-asn", "4-byte route-target ASN 4200000000",
                "l2 VNI 70000 allocated to /tenants/tenant[acme]/network[db]"),
            RuleCase.of("4-byte asn with explicit l2 vni over 65535",
                i -> withNetwork(withFabric(i, f -> f.routeTargetAsn(FOUR_BYTE_ASN).l2VniPool(60_000, 79_999)),
                    ACME, WEB, n -> n.l2Vni(70_000)),
                "/tenants/tenant[acme]/network[web]/l2-vni", "derived route target 4200000000:70000",
                "at most 65535"),
            RuleCase.of("4-byte asn with explicit l3 vni over 65535",
                i -> withVrf(withFabric(i, f -> f.routeTargetAsn(FOUR_BYTE_ASN).l3VniPool(70_000, 70_999)),
                    ACME, RED, v -> v.l3Vni(70_000)),
                "/tenants/tenant[acme]/vrf[red]/l3-vni", "derived route target 4200000000:70000"),
            RuleCase.of("gateway mac malformed", i -> withFabric(i, f -> f.anycastGatewayMac("00:00:5e:00:01")),
                "/fabric/anycast-gateway-mac", "'00:00:5e:00:01' is not a MAC address"),
            RuleCase.of("gateway mac with dashes", i -> withFabric(i, f -> f.anycastGatewayMac("00-00-5e-00-01-01")),
                "/fabric/anycast-gateway-mac", "is not a MAC address (xx:xx:xx:xx:xx:xx)"),
            RuleCase.of("gateway mac multicast", i -> withFabric(i, f -> f.anycastGatewayMac("01:00:5E:00:00:01")),
                "/fabric/anycast-gateway-mac", "'01:00:5E:00:00:01' is a multicast MAC address"),
            RuleCase.of("gateway mac broadcast", i -> withFabric(i, f -> f.anycastGatewayMac("ff:ff:ff:ff:ff:ff")),
                "/fabric/anycast-gateway-mac", "multicast"),
            RuleCase.of("gateway mac zero", i -> withFabric(i, f -> f.anycastGatewayMac("00:00:00:00:00:00")),
                "/fabric/anycast-gateway-mac", "all-zeros"),
            RuleCase.of("drift check interval", i -> withFabric(i, f -> f.driftCheckInterval(0)),
                "/fabric/drift-check-interval", "0 s is out of range 5..86400"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsError(final RuleCase rule) {
        rule.verify();
    }
}
