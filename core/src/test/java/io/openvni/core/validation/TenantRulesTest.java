package io.openvni.core.validation;

import static io.openvni.core.testing.IntentFixtures.ACME;
import static io.openvni.core.testing.IntentFixtures.DB;
import static io.openvni.core.testing.IntentFixtures.RED;
import static io.openvni.core.testing.IntentFixtures.WEB;
import static io.openvni.core.testing.IntentFixtures.addNetwork;
import static io.openvni.core.testing.IntentFixtures.addTenant;
import static io.openvni.core.testing.IntentFixtures.addVrf;
import static io.openvni.core.testing.IntentFixtures.network;
import static io.openvni.core.testing.IntentFixtures.tenant;
import static io.openvni.core.testing.IntentFixtures.vrf;
import static io.openvni.core.testing.IntentFixtures.withNetwork;
import static io.openvni.core.testing.IntentFixtures.withVrf;

import io.openvni.core.testing.IntentFixtures;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TenantRulesTest {
    private static final String WEB_PATH = "/tenants/tenant[acme]/network[web]";
    private static final String DB_PATH = "/tenants/tenant[acme]/network[db]";
    private static final String RED_PATH = "/tenants/tenant[acme]/vrf[red]";

    static Stream<RuleCase> cases() {
        return Stream.of(
            RuleCase.of("vni reused by two networks",
                i -> withNetwork(withNetwork(i, ACME, WEB, n -> n.l2Vni(10_005)), ACME, DB, n -> n.l2Vni(10_005)),
                WEB_PATH + "/l2-vni", "VNI 10005 is also used by " + DB_PATH),
            RuleCase.of("vni reused by two vrfs",
                i -> withVrf(addVrf(i, ACME, vrf("blue").l3Vni(50_005).build()), ACME, RED, v -> v.l3Vni(50_005)),
                RED_PATH + "/l3-vni", "VNI 50005 is also used by /tenants/tenant[acme]/vrf[blue]"),
            RuleCase.of("vni reused by a network and a vrf",
                i -> withVrf(withNetwork(i, ACME, WEB, n -> n.l2Vni(10_005)), ACME, RED, v -> v.l3Vni(10_005)),
                RED_PATH + "/l3-vni", "VNI 10005 is also used by " + WEB_PATH),
            RuleCase.of("vni reused across tenants",
                i -> addTenant(withNetwork(i, ACME, WEB, n -> n.l2Vni(10_005)),
                    tenant("beta", List.of(), List.of(network("x").l2Vni(10_005).build()))),
                "/tenants/tenant[beta]/network[x]/l2-vni", "VNI 10005 is also used by " + WEB_PATH),
            RuleCase.of("l2 vni outside l2 pool", i -> withNetwork(i, ACME, WEB, n -> n.l2Vni(20_000)),
                WEB_PATH + "/l2-vni", "l2 VNI 20000 is outside the l2 VNI pool 10000..19999"),
            RuleCase.of("l2 vni in the l3 pool", i -> withNetwork(i, ACME, WEB, n -> n.l2Vni(50_500)),
                WEB_PATH + "/l2-vni", "l2 VNI 50500 is outside the l2 VNI pool"),
            RuleCase.of("l2 vni 0", i -> withNetwork(i, ACME, WEB, n -> n.l2Vni(0)),
                WEB_PATH + "/l2-vni", "l2 VNI 0 is out of range 1..16777215"),
            RuleCase.of("l3 vni outside l3 pool", i -> withVrf(i, ACME, RED, v -> v.l3Vni(10)),
                RED_PATH + "/l3-vni", "l3 VNI 10 is outside the l3 VNI pool 50000..50999"),
            RuleCase.of("vlan reused", i -> withNetwork(withNetwork(i, ACME, WEB, n -> n.vlan(200)), ACME, DB,
                    n -> n.vlan(200)),
                WEB_PATH + "/vlan", "VLAN 200 is also used by " + DB_PATH),
            RuleCase.of("vlan reused across tenants",
                i -> addTenant(withNetwork(i, ACME, WEB, n -> n.vlan(200)),
                    tenant("beta", List.of(), List.of(network("x").vlan(200).build()))),
                "/tenants/tenant[beta]/network[x]/vlan", "VLAN 200 is also used by " + WEB_PATH),
            RuleCase.of("vlan outside pool", i -> withNetwork(i, ACME, WEB, n -> n.vlan(4000)),
                WEB_PATH + "/vlan", "VLAN 4000 is outside the VLAN pool 100..3999"),
            RuleCase.of("vlan 4095", i -> withNetwork(i, ACME, WEB, n -> n.vlan(4095)),
                WEB_PATH + "/vlan", "VLAN 4095 is out of range 1..4094"),
            RuleCase.of("unknown vrf", i -> withNetwork(i, ACME, WEB, n -> n.vrf("blue")),
                WEB_PATH + "/vrf", "names VRF 'blue', which tenant 'acme' does not have"),
            RuleCase.of("vrf of another tenant",
                i -> addTenant(i, tenant("beta", List.of(), List.of(network("x").vrf(RED).build()))),
                "/tenants/tenant[beta]/network[x]/vrf", "names VRF 'red', which tenant 'beta' does not have"),
            RuleCase.of("unknown node router", i -> withNetwork(i, ACME, WEB, n -> n.nodeRouters("n1", "n9")),
                WEB_PATH + "/node-routers", "names node router 'n9', which is not in the fabric"),
            RuleCase.of("unknown leaf switch", i -> withNetwork(i, ACME, WEB, n -> n.leafSwitches("leaf9")),
                WEB_PATH + "/leaf-switches", "names leaf switch 'leaf9', which is not in the fabric"),
            RuleCase.of("placement on a leaf named as node",
                i -> withNetwork(i, ACME, WEB, n -> n.nodeRouters("leaf1")),
                WEB_PATH + "/node-routers", "names node router 'leaf1'"),
            RuleCase.of("import route target without number", i -> withVrf(i, ACME, RED,
                    v -> v.importRouteTargets("65000")),
                RED_PATH + "/import-route-target", "'65000' is not a route target (ASN:NN or IPv4:NN)"),
            RuleCase.of("export route target 4-byte asn with big number", i -> withVrf(i, ACME, RED,
                    v -> v.exportRouteTargets("65000:1", "4200000000:70000")),
                RED_PATH + "/export-route-target", "with a 4-byte ASN the assigned number must be at most 65535"),
            RuleCase.of("route target asn 0", i -> withVrf(i, ACME, RED, v -> v.importRouteTargets("0:1")),
                RED_PATH + "/import-route-target", "ASN 0 is out of range"),
            RuleCase.of("route target bad ipv4", i -> withVrf(i, ACME, RED, v -> v.exportRouteTargets("10.0.0.300:1")),
                RED_PATH + "/export-route-target", "octet 300 is over 255"),
            RuleCase.of("mtu too small", i -> withNetwork(i, ACME, WEB, n -> n.mtu(500)),
                WEB_PATH + "/mtu", "MTU 500 is out of range 576..9216"),
            RuleCase.of("mtu too large", i -> withNetwork(i, ACME, WEB, n -> n.mtu(9217)),
                WEB_PATH + "/mtu", "MTU 9217 is out of range"),
            RuleCase.of("tenant defined twice", i -> addTenant(i, IntentFixtures.acme()),
                "/tenants/tenant[acme]", "tenant 'acme' is defined more than once"),
            RuleCase.of("network defined twice", i -> addNetwork(i, ACME, network(WEB).build()),
                WEB_PATH, "network 'web' is defined more than once in tenant 'acme'"),
            RuleCase.of("vrf defined twice", i -> addVrf(i, ACME, vrf(RED).build()),
                RED_PATH, "VRF 'red' is defined more than once in tenant 'acme'"),
            RuleCase.of("invalid network name", i -> withNetwork(i, ACME, WEB, n -> n.name("web/1")),
                "/tenants/tenant[acme]/network[web/1]/name", "'web/1' is not a valid name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsError(final RuleCase rule) {
        rule.verify();
    }
}
