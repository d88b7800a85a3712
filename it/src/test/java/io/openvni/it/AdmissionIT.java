package io.openvni.it;

import io.openvni.testlib.controller.OpenVniController;
import io.openvni.testlib.controller.RestconfClient;
import static io.openvni.it.DemoData.ALLOCATIONS;
import static io.openvni.it.DemoData.FABRIC;
import static io.openvni.it.DemoData.STATUS;
import static io.openvni.it.DemoData.TENANTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Admission over RESTCONF against the real controller: a tenant that needs one value more than a pool has left, or
 * one network or VRF more than a device's limit, is refused at commit with a 400 naming the element and the
 * numbers, and nothing of it is stored; the same tenant one smaller, exactly at the edge, is accepted and
 * realized. The demo tenant acme puts web and db (VLANs 100 and 101, VRF red) on leaf1 and node1, and web alone on
 * leaf2 and node2.
 */
@OpenVniController
class AdmissionIT {
    private static final String BIG = TENANTS + "/tenant=big";

    @Test
    void tenantExhaustingTheVlanPoolIsRefusedAndOneThatFillsItIsAccepted(final RestconfClient restconf) {
        // five VLANs, two of them acme's: three are left
        refusedOnePastTheEdgeThenAcceptedAtIt(restconf, "\"vlan-pool\":{\"start\":100,\"end\":104}",
            networks(4, ""), networks(3, ""), "/tenants/tenant[big]/network[n4]/vlan: the VLAN pool 100..104 is "
                + "exhausted: all 5 VLANs are in use and 1 more network needs one");
        final var allocated = DemoData.await(restconf, ALLOCATIONS,
            r -> r.body().contains("/tenants/tenant[big]/network[n3]")).json();
        assertEquals(List.of("100", "101", "102", "103", "104"), vlans(allocated));
    }

    @Test
    void tenantOverALeafSwitchLimitIsRefusedAndOneAtTheLimitIsAccepted(final RestconfClient restconf) {
        refusedOnePastTheEdgeThenAcceptedAtIt(restconf, "\"limits\":{\"leaf-switch\":{\"max-l2-vnis\":4}}",
            networks(3, ",\"leaf-switches\":[\"leaf1\"]"), networks(2, ",\"leaf-switches\":[\"leaf1\"]"),
            "/fabric/leaf-switch[leaf1]: 5 networks (L2 VNIs) would be placed on leaf switch leaf1, more than its "
                + "limit of 4 (/fabric/limits/leaf-switch/max-l2-vnis)");
        final var status = DemoData.await(restconf, STATUS, r -> r.status() == 200 && count(r.json(), "leaf1",
            "networks") == 4).json();
        assertEquals(1, count(status, "leaf2", "networks"), status::toString);
    }

    @Test
    void tenantOverANodeRouterVrfLimitIsRefusedAndOneAtTheLimitIsAccepted(final RestconfClient restconf) {
        final var refused = refusedOnePastTheEdgeThenAcceptedAtIt(restconf,
            "\"limits\":{\"node-router\":{\"max-vrfs\":2}}", vrfs(2), vrfs(1),
            "/fabric/node-router[node1]: 3 VRFs would be present on node router node1, more than its limit of 2 "
                + "(/fabric/limits/node-router/max-vrfs)");
        assertTrue(refused.body().contains("/fabric/node-router[node2]: 3 VRFs"), refused::toString);
        final var status = DemoData.await(restconf, STATUS, r -> r.status() == 200 && count(r.json(), "node1",
            "vrfs") == 2).json();
        assertEquals(2, count(status, "node2", "vrfs"), status::toString);
    }

    /**
     * From the demo, narrows the fabric; tenant big one past the edge is refused with the expected error and
     * nothing of it is stored (no tenant, the allocations as they were); big at the edge is then accepted.
     *
     * @return the refusal
     */
    private static RestconfClient.Response refusedOnePastTheEdgeThenAcceptedAtIt(final RestconfClient restconf,
            final String fabricMembers, final String pastTheEdge, final String atTheEdge, final String expected) {
        DemoData.reset(restconf);
        DemoData.expectOk(restconf.patch(FABRIC, "{\"openvni-fabric:fabric\":{" + fabricMembers + "}}"), 200, 204);
        final var allocationsBefore = restconf.get(ALLOCATIONS).json();

        final var refused = restconf.put(BIG, tenant(pastTheEdge));
        assertEquals(400, refused.status(), refused::toString);
        assertTrue(refused.body().contains(expected), refused::toString);
        final var big = restconf.get(BIG);
        // ODL's RESTCONF answers data-missing with a 409
        assertTrue(big.status() == 409 && big.body().contains("data-missing"),
            () -> "the refused tenant was stored: " + big);
        assertEquals(allocationsBefore, restconf.get(ALLOCATIONS).json(), "the allocations changed");

        DemoData.expectOk(restconf.put(BIG, tenant(atTheEdge)), 201);
        return refused;
    }

    private static String tenant(final String members) {
        return "{\"openvni-tenant:tenant\":[{\"name\":\"big\"," + members + "}]}";
    }

    /** Networks n1..nN with the given extra JSON members each. */
    private static String networks(final int count, final String members) {
        return IntStream.rangeClosed(1, count)
            .mapToObj(i -> "{\"name\":\"n" + i + "\"" + members + "}")
            .collect(Collectors.joining(",", "\"network\":[", "]"));
    }

    /** VRFs v1..vN, each routing one network placed on every device. */
    private static String vrfs(final int count) {
        final var vrfs = new ArrayList<String>();
        final var networks = new ArrayList<String>();
        for (int i = 1; i <= count; i++) {
            vrfs.add("{\"name\":\"v" + i + "\"}");
            networks.add("{\"name\":\"n" + i + "\",\"vrf\":\"v" + i + "\"}");
        }
        return "\"vrf\":[" + String.join(",", vrfs) + "],\"network\":[" + String.join(",", networks) + "]";
    }

    private static List<String> vlans(final JsonNode allocations) {
        final var result = new ArrayList<String>();
        for (var entry : allocations.path("openvni-status:allocations").path("allocation")) {
            if ("vlan".equals(entry.path("kind").asText())) {
                result.add(entry.path("value").asText());
            }
        }
        result.sort(null);
        return result;
    }

    /** A device's count in a status read: its networks or VRFs. */
    private static long count(final JsonNode status, final String device, final String field) {
        for (var entry : status.path("openvni-status:status").path("device")) {
            if (device.equals(entry.path("name").asText())) {
                return entry.path(field).asLong();
            }
        }
        return -1;
    }
}
