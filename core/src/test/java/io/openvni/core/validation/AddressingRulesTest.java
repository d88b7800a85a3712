package io.openvni.core.validation;

import static io.openvni.core.testing.IntentFixtures.ACME;
import static io.openvni.core.testing.IntentFixtures.DB;
import static io.openvni.core.testing.IntentFixtures.WEB;
import static io.openvni.core.testing.IntentFixtures.withNetwork;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AddressingRulesTest {
    private static final String WEB_PATH = "/tenants/tenant[acme]/network[web]";
    private static final String DB_PATH = "/tenants/tenant[acme]/network[db]";

    static Stream<RuleCase> cases() {
        return Stream.of(
            RuleCase.of("subnet without length", i -> withNetwork(i, ACME, WEB, n -> n.subnets("10.1.0.0")),
                WEB_PATH + "/subnet", "subnet is not a prefix", "'10.1.0.0' has no prefix length"),
            RuleCase.of("subnet length over 32", i -> withNetwork(i, ACME, WEB, n -> n.subnets("10.1.0.0/33")),
                WEB_PATH + "/subnet", "has prefix length 33, over 32"),
            RuleCase.of("subnet not an address", i -> withNetwork(i, ACME, WEB, n -> n.subnets("web/24")),
                WEB_PATH + "/subnet", "'web' is not an IP address"),
            RuleCase.of("subnet with host bits", i -> withNetwork(i, ACME, WEB, n -> n.subnets("10.1.0.1/24")),
                WEB_PATH + "/subnet", "subnet 10.1.0.1/24 has host bits set; its network address is 10.1.0.0/24"),
            RuleCase.of("subnets overlap within a network",
                i -> withNetwork(i, ACME, WEB, n -> n.subnets("10.1.0.0/24", "10.1.0.128/25")),
                WEB_PATH + "/subnet", "subnet 10.1.0.128/25 overlaps subnet 10.1.0.0/24 of the same network"),
            RuleCase.of("ipv6 subnets overlap within a network",
                i -> withNetwork(i, ACME, WEB, n -> n.subnets("10.1.0.0/24", "2001:db8::/48", "2001:db8:0:1::/64")),
                WEB_PATH + "/subnet", "subnet 2001:db8:0:1::/64 overlaps subnet 2001:db8::/48 of the same network"),
            RuleCase.of("subnets overlap within a pure l2 network",
                i -> withNetwork(i, ACME, WEB, n -> n.vrf(null).gateways().subnets("10.1.0.0/24", "10.1.0.0/24")),
                WEB_PATH + "/subnet", "subnet 10.1.0.0/24 overlaps subnet 10.1.0.0/24 of the same network"),
            RuleCase.of("subnets overlap across networks of a vrf",
                i -> withNetwork(i, ACME, DB, n -> n.subnets("10.1.0.0/16").gateways("10.1.128.1/16")),
                WEB_PATH + "/subnet", "subnet 10.1.0.0/24 overlaps subnet 10.1.0.0/16 of " + DB_PATH
                    + ", routed by the same VRF 'red'"),
            RuleCase.of("gateway without length", i -> withNetwork(i, ACME, WEB, n -> n.gateways("10.1.0.1")),
                WEB_PATH + "/gateway", "gateway is not an address with prefix length", "'10.1.0.1' has no prefix"),
            RuleCase.of("gateway outside subnets", i -> withNetwork(i, ACME, WEB, n -> n.gateways("10.9.0.1/24")),
                WEB_PATH + "/gateway", "gateway 10.9.0.1/24 is not inside any subnet of the network"),
            RuleCase.of("gateway is network address", i -> withNetwork(i, ACME, WEB, n -> n.gateways("10.1.0.0/24")),
                WEB_PATH + "/gateway", "gateway 10.1.0.0/24 is the network address of subnet 10.1.0.0/24"),
            RuleCase.of("gateway is broadcast address",
                i -> withNetwork(i, ACME, WEB, n -> n.gateways("10.1.0.255/24")),
                WEB_PATH + "/gateway", "gateway 10.1.0.255/24 is the broadcast address of subnet 10.1.0.0/24"),
            RuleCase.of("gateway prefix length differs", i -> withNetwork(i, ACME, WEB, n -> n.gateways("10.1.0.1/16")),
                WEB_PATH + "/gateway", "gateway 10.1.0.1/16 has prefix length 16 but its subnet 10.1.0.0/24 has 24"),
            RuleCase.of("ipv6 gateway is subnet-router anycast",
                i -> withNetwork(i, ACME, WEB, n -> n.subnets("10.1.0.0/24", "2001:db8:1::/64")
                    .gateways("10.1.0.1/24", "2001:db8:1::/64")),
                WEB_PATH + "/gateway", "gateway 2001:db8:1::/64 is the network address of subnet 2001:db8:1::/64"),
            RuleCase.of("ipv6 subnet with host bits",
                i -> withNetwork(i, ACME, WEB, n -> n.subnets("10.1.0.0/24", "2001:DB8:1:0::1/64")),
                WEB_PATH + "/subnet", "its network address is 2001:db8:1::/64"),
            RuleCase.of("gateway on a network without vrf", i -> withNetwork(i, ACME, WEB, n -> n.vrf(null)),
                WEB_PATH + "/gateway", "the network has no VRF; an anycast gateway needs a VRF to route"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsError(final RuleCase rule) {
        rule.verify();
    }
}
