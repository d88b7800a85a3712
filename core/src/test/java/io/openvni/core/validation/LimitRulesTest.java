package io.openvni.core.validation;

import static io.openvni.core.testing.IntentFixtures.ACME;
import static io.openvni.core.testing.IntentFixtures.DB;
import static io.openvni.core.testing.IntentFixtures.LEAF1;
import static io.openvni.core.testing.IntentFixtures.N1;
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
import static io.openvni.core.testing.IntentFixtures.withNetwork;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openvni.core.allocation.Allocations;
import io.openvni.core.intent.Intent;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The per-device limits of admission. The sample puts web and db (both routed by red) on every device: 2 networks
 * and 1 VRF each.
 */
class LimitRulesTest {
    private static final String LEAF1_PATH = "/fabric/leaf-switch[leaf1]";
    private static final String LEAF2_PATH = "/fabric/leaf-switch[leaf2]";
    private static final String N1_PATH = "/fabric/node-router[n1]";
    private static final String N2_PATH = "/fabric/node-router[n2]";

    /** A change to the sample and every error admission must give, as path: reason. */
    record Case(String name, UnaryOperator<Intent> change, List<String> errors) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
            new Case("every device at its limits", i -> withFabric(i, f -> f.leafSwitchLimits(2, 1)
                .nodeRouterLimits(2, 1)), List.of()),
            new Case("leaf switches over their network limit", i -> withFabric(i, f -> f.leafSwitchLimits(1, 1)),
                List.of(
                    LEAF1_PATH + ": 2 networks (L2 VNIs) would be placed on leaf switch leaf1, more than its limit of 1"
                        + " (/fabric/limits/leaf-switch/max-l2-vnis)",
                    LEAF2_PATH + ": 2 networks (L2 VNIs) would be placed on leaf switch leaf2, more than its limit of 1"
                        + " (/fabric/limits/leaf-switch/max-l2-vnis)")),
            new Case("only the devices a network is placed on count it",
                i -> withNetwork(withFabric(i, f -> f.leafSwitchLimits(1, 1).nodeRouterLimits(1, 1)), ACME, DB,
                    n -> n.leafSwitches(LEAF1).nodeRouters(N1)),
                List.of(
                    LEAF1_PATH + ": 2 networks (L2 VNIs) would be placed on leaf switch leaf1, more than its limit of 1"
                        + " (/fabric/limits/leaf-switch/max-l2-vnis)",
                    N1_PATH + ": 2 networks (L2 VNIs) would be placed on node router n1, more than its limit of 1"
                        + " (/fabric/limits/node-router/max-l2-vnis)")),
            new Case("a VRF counts on the devices of its networks",
                i -> addNetwork(addVrf(withFabric(i, f -> f.nodeRouterLimits(10, 1)), ACME, vrf("blue").build()),
                    ACME, network("x").vrf("blue").nodeRouters(N1).build()),
                List.of(N1_PATH + ": 2 VRFs would be present on node router n1, more than its limit of 1"
                    + " (/fabric/limits/node-router/max-vrfs)")),
            new Case("a VRF without networks is on no device",
                i -> addVrf(withFabric(i, f -> f.leafSwitchLimits(10, 1).nodeRouterLimits(10, 1)), ACME,
                    vrf("blue").build()), List.of()),
            new Case("a pure L2 network counts as a network but brings no VRF",
                i -> addNetwork(withFabric(i, f -> f.leafSwitchLimits(3, 1).nodeRouterLimits(2, 1)), ACME,
                    network("plain").build()),
                List.of(
                    N1_PATH + ": 3 networks (L2 VNIs) would be placed on node router n1, more than its limit of 2"
                        + " (/fabric/limits/node-router/max-l2-vnis)",
                    N2_PATH + ": 3 networks (L2 VNIs) would be placed on node router n2, more than its limit of 2"
                        + " (/fabric/limits/node-router/max-l2-vnis)")),
            new Case("networks and VRFs of every tenant add up",
                i -> addTenant(withFabric(i, f -> f.leafSwitchLimits(3, 1)), tenant("beta",
                    List.of(vrf("blue").build()), List.of(network("x").vrf("blue").leafSwitches(LEAF1).build()))),
                List.of(LEAF1_PATH + ": 2 VRFs would be present on leaf switch leaf1, more than its limit of 1"
                    + " (/fabric/limits/leaf-switch/max-vrfs)")),
            new Case("a limit of 0 leaves a device nothing",
                i -> withFabric(i, f -> f.leafSwitchLimits(0, 0)),
                List.of(
                    LEAF1_PATH + ": 1 VRF would be present on leaf switch leaf1, more than its limit of 0"
                        + " (/fabric/limits/leaf-switch/max-vrfs)",
                    LEAF1_PATH + ": 2 networks (L2 VNIs) would be placed on leaf switch leaf1, more than its limit of 0"
                        + " (/fabric/limits/leaf-switch/max-l2-vnis)",
                    LEAF2_PATH + ": 1 VRF would be present on leaf switch leaf2, more than its limit of 0"
                        + " (/fabric/limits/leaf-switch/max-vrfs)",
                    LEAF2_PATH + ": 2 networks (L2 VNIs) would be placed on leaf switch leaf2, more than its limit of 0"
                        + " (/fabric/limits/leaf-switch/max-l2-vnis)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void admitsOrRefusesWithEveryDeviceOverALimit(final Case limitCase) {
        final var intent = limitCase.change().apply(sample());
        assertEquals(limitCase.errors(), IntentValidator.admit(intent, Allocations.EMPTY).stream()
            .map(ValidationError::toString).toList());
        // allocations in force change nothing: the limits count placement, not values
        assertEquals(limitCase.errors(), IntentValidator.admit(intent, sampleAllocations()).stream()
            .map(ValidationError::toString).toList());
    }

    @Test
    void defaultLimitsAdmitTheSample() {
        assertEquals(List.of(), IntentValidator.admit(sample(), sampleAllocations()));
    }

    @Test
    void otherErrorsAreReportedFirstSinceLimitsNeedAValidIntent() {
        final var intent = withNetwork(withFabric(sample(), f -> f.leafSwitchLimits(1, 1)), ACME, WEB,
            n -> n.mtu(100));
        assertEquals(List.of("/tenants/tenant[acme]/network[web]/mtu: MTU 100 is out of range 576..9216"),
            IntentValidator.admit(intent, Allocations.EMPTY).stream().map(ValidationError::toString).toList());
    }

    @Test
    void exhaustedPoolsAreRefusedAtAdmission() {
        final var intent = withFabric(sample(), f -> f.vlanPool(100, 100));
        assertEquals(List.of("/tenants/tenant[acme]/network[web]/vlan: the VLAN pool 100..100 is exhausted: its only "
            + "VLAN is in use and 1 more network needs one"),
            IntentValidator.admit(intent, Allocations.EMPTY).stream().map(ValidationError::toString).toList());
    }

    @Test
    void storedIntentBeyondALimitStillValidatesForTheCompiler() {
        // what an older controller stored must still compile: the limits guard admission only
        final var intent = withFabric(sample(), f -> f.leafSwitchLimits(1, 0));
        assertEquals(List.of(), IntentValidator.validate(intent, sampleAllocations()));
    }
}
