package io.openvni.core.validation;

import static io.openvni.core.testing.IntentFixtures.ACME;
import static io.openvni.core.testing.IntentFixtures.DB;
import static io.openvni.core.testing.IntentFixtures.LEAF1;
import static io.openvni.core.testing.IntentFixtures.N1;
import static io.openvni.core.testing.IntentFixtures.RED;
import static io.openvni.core.testing.IntentFixtures.WEB;
import static io.openvni.core.testing.IntentFixtures.addNetwork;
import static io.openvni.core.testing.IntentFixtures.addTenant;
import static io.openvni.core.testing.IntentFixtures.addVrf;
import static io.openvni.core.testing.IntentFixtures.network;
import static io.openvni.core.testing.IntentFixtures.sample;
import static io.openvni.core.testing.IntentFixtures.sampleAllocations;
import static io.openvni.core.testing.IntentFixtures.tenant;
import static io.openvni.core.testing.IntentFixtures.vrf;
import static io.openvni.core.testing.IntentFixtures.withFabric;
import static io.openvni.core.testing.IntentFixtures.withLeaf;
import static io.openvni.core.testing.IntentFixtures.withNetwork;
import static io.openvni.core.testing.IntentFixtures.withNode;
import static io.openvni.core.testing.IntentFixtures.withVrf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openvni.core.allocation.Allocations;
import io.openvni.core.intent.BgpPeer;
import io.openvni.core.intent.FrrSettings;
import io.openvni.core.intent.Intent;
import io.openvni.core.intent.Tenant;
import io.openvni.core.testing.IntentFixtures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IntentValidatorTest {
    static Stream<Arguments> validIntents() {
        return Stream.of(
            valid("sample", UnaryOperator.identity()),
            valid("empty intent", i -> Intent.EMPTY),
            valid("fabric only, no route-target asn or vtep pool",
                i -> withNode(withNode(withFabric(i, f -> f.routeTargetAsn(null).vtepPool(null)), N1,
                    n -> n.vtepAddress("10.254.0.1")), "n2", n -> n.vtepAddress("10.254.0.2")).withTenants(List.of())),
            valid("tenant without networks needs no route-target asn",
                i -> new Intent(withFabric(i, f -> f.routeTargetAsn(null)).fabric(),
                    List.of(tenant("empty", List.of(), List.of())))),
            valid("explicit values inside pools", i -> withVrf(withNetwork(i, ACME, WEB,
                n -> n.l2Vni(19_999).vlan(3999)), ACME, RED, v -> v.l3Vni(50_999))),
            valid("4-byte route-target asn with 2-byte vnis",
                i -> withFabric(i, f -> f.routeTargetAsn(4_200_000_000L))),
            valid("dual-stack network", i -> withNetwork(i, ACME, WEB, n -> n.subnets("10.1.0.0/24", "2001:db8:1::/64")
                .gateways("10.1.0.1/24", "2001:db8:1::1/64"))),
            valid("gateway in a /31", i -> withNetwork(i, ACME, WEB, n -> n.subnets("10.1.0.0/31")
                .gateways("10.1.0.0/31"))),
            valid("same subnets in different vrfs", i -> withNetwork(addVrf(i, ACME, vrf("blue").build()), ACME, DB,
                n -> n.vrf("blue").subnets("10.1.0.0/24").gateways("10.1.0.1/24"))),
            valid("same subnets in pure l2 networks", i -> addNetwork(addNetwork(i, ACME,
                network("l2a").subnets("10.1.0.0/24").build()), ACME, network("l2b").subnets("10.1.0.0/16").build())),
            valid("same subnets in different tenants", i -> addTenant(i, IntentFixtures.tenant("beta",
                List.of(vrf(RED).build()), List.of(network(WEB).vrf(RED).subnets("10.1.0.0/24")
                    .gateways("10.1.0.1/24").build())))),
            valid("route targets, mtu and placement", i -> withNetwork(withVrf(i, ACME, RED,
                v -> v.importRouteTargets("65000:1", "10.0.0.1:5").exportRouteTargets("4200000000:100")), ACME, WEB,
                n -> n.mtu(9000).nodeRouters(N1).leafSwitches(LEAF1))),
            valid("password login, ipv6 peer, grpc and pathspace", i -> withNode(i, N1, n -> n.sshPrivateKey(null)
                .sshPassword("secret").bgpPeers(new BgpPeer("2001:db8::1", 65001), new BgpPeer("192.168.1.0", 65001))
                .frr(new FrrSettings("blue_1", 50_051, true)))),
            valid("router id equal to own vtep", i -> withLeaf(i, LEAF1, l -> l.routerId("10.255.0.1"))),
            valid("uppercase gateway mac", i -> withFabric(i, f -> f.anycastGatewayMac("02:AA:BB:CC:DD:EE"))));
    }

    private static Arguments valid(final String name, final UnaryOperator<Intent> change) {
        return Arguments.of(name, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validIntents")
    void validIntentHasNoErrors(final String name, final UnaryOperator<Intent> change) {
        final var intent = change.apply(sample());
        assertEquals(List.of(), IntentValidator.validate(intent, Allocations.EMPTY));
        assertEquals(List.of(), IntentValidator.validate(intent, sampleAllocations()));
    }

    @Test
    void largeIntentIsValid() {
        assertEquals(List.of(), IntentValidator.validate(IntentFixtures.scale(10, 50, 1000), Allocations.EMPTY));
    }

    @Test
    void reportsAllErrorsSortedAndIndependentOfListOrder() {
        final var intent = withNetwork(withNetwork(withFabric(sample(), f -> f.anycastGatewayMac("01:00:00:00:00:01")),
            ACME, WEB, n -> n.mtu(100).gateways("10.1.0.0/24")), ACME, DB, n -> n.vrf("blue"));
        final var errors = IntentValidator.validate(intent, Allocations.EMPTY);
        assertEquals(List.of(
            "/fabric/anycast-gateway-mac: '01:00:00:00:00:01' is a multicast MAC address (the first octet is odd); "
                + "a gateway MAC must be unicast",
            "/tenants/tenant[acme]/network[db]/vrf: names VRF 'blue', which tenant 'acme' does not have",
            "/tenants/tenant[acme]/network[web]/gateway: gateway 10.1.0.0/24 is the network address of subnet "
                + "10.1.0.0/24",
            "/tenants/tenant[acme]/network[web]/mtu: MTU 100 is out of range 576..9216"),
            errors.stream().map(ValidationError::toString).toList());
        assertEquals(errors, errors.stream().sorted(Comparator.comparing(ValidationError::path)).toList());
        assertEquals(errors, IntentValidator.validate(IntentFixtures.reverse(intent), Allocations.EMPTY));
    }

    @Test
    void includesAllocationErrors() {
        final var exhausted = IntentValidator.validate(withFabric(sample(), f -> f.vlanPool(100, 100)),
            Allocations.EMPTY);
        assertEquals(List.of(new ValidationError("/tenants/tenant[acme]/network[web]/vlan",
            "the VLAN pool 100..100 is exhausted: its only VLAN is in use and 1 more network needs one")), exhausted);

        // db holds l2 VNI 10000 from before: web may not take it, although it is free of explicit conflicts
        final var collision = IntentValidator.validate(withNetwork(sample(), ACME, WEB, n -> n.l2Vni(10_000)),
            sampleAllocations());
        RuleCase.assertError(collision, "/tenants/tenant[acme]/network[web]/l2-vni",
            List.of("l2 VNI 10000 is already allocated to /tenants/tenant[acme]/network[db]"));

        final var noPool = IntentValidator.validate(withFabric(sample(), f -> f.vtepPool(null)), Allocations.EMPTY);
        RuleCase.assertError(noPool, "/fabric/node-router[n1]/vtep-address", List.of("no vtep-pool"));
    }

}
