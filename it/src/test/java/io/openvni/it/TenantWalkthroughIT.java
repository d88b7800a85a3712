package io.openvni.it;

import io.openvni.testlib.controller.ControllerDistribution;
import io.openvni.testlib.controller.KarafConsole;
import io.openvni.testlib.controller.OpenVniController;
import io.openvni.testlib.controller.RestconfClient;
import static io.openvni.it.DemoData.ACME;
import static io.openvni.it.DemoData.ALLOCATIONS;
import static io.openvni.it.DemoData.FABRIC;
import static io.openvni.it.DemoData.PREVIEW;
import static io.openvni.it.DemoData.STATUS;
import static io.openvni.it.DemoData.TENANTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The README walkthrough, driven only over RESTCONF and the Karaf console: describe a fabric and a tenant, see
 * allocations, status and every device's desired configuration; change one network and see only its devices move
 * to a new generation; restart the controller and find the same allocations.
 */
@OpenVniController
class TenantWalkthroughIT {
    @Test
    void tenantLandsInStatusAndPreview(final RestconfClient restconf, final KarafConsole console) {
        DemoData.reset(restconf);
        final var status = awaitDevices(restconf, 4);
        final var generations = DemoData.generations(status);
        assertEquals(4, generations.size(), status::toString);

        // the controller's own standing: it processed the intent and nothing of its own failed
        final var controller = status.path("openvni-status:status").path("controller");
        assertTrue(controller.has("processed-at"), status::toString);
        assertFalse(controller.has("last-error"), status::toString);
        assertEquals(0, controller.path("failed-passes").asLong(-1), status::toString);
        assertEquals(0, controller.path("status-write-failures").asLong(-1), status::toString);
        // nothing listens where the demo's node routers are: unreachable, and their operational state is not read
        // while they are, which status says instead of showing an old read
        final var unread = DemoData.await(restconf, STATUS, response -> response.status() == 200
            && device(response.json(), "node1").path("operational").has("read-error")).json();
        final var node1 = device(unread, "node1");
        assertEquals("unreachable", node1.path("sync-state").asText(), node1::toString);
        assertFalse(node1.path("last-error").asText().isEmpty(), node1::toString);
        assertTrue(node1.path("operational").path("read-error").asText()
            .startsWith("not read while the device is unreachable: "), node1::toString);

        // every allocation is shown in status and persisted in the allocations container
        final var allocations = DemoData.await(restconf, ALLOCATIONS, r -> r.status() == 200).json().toString();
        assertTrue(allocations.contains("/tenants/tenant[acme]/network[web]"), allocations);
        assertTrue(allocations.contains("\"l3-vni\""), allocations);
        assertTrue(allocations.contains("\"vtep\""), allocations);

        final var leaf = restconf.post(PREVIEW, DemoData.preview("leaf1"));
        assertEquals(200, leaf.status(), leaf::toString);
        final var leafOutput = leaf.json().path("openvni-tenant:output");
        assertEquals("openconfig-json", leafOutput.path("format").asText(), leaf::toString);
        final var leafConfig = RestconfClient.parse(leafOutput.path("config").asText());
        assertTrue(leafConfig.has("openconfig-network-instance:network-instances"), leafConfig::toString);
        assertTrue(leafConfig.toString().contains("L2VSI") && leafConfig.toString().contains("L3VRF"),
            leafConfig::toString);

        final var node = restconf.post(PREVIEW, DemoData.preview("node1"));
        assertEquals(200, node.status(), node::toString);
        final var nodeOutput = node.json().path("openvni-tenant:output");
        assertEquals("frr", nodeOutput.path("format").asText());
        final String frr = nodeOutput.path("config").asText();
        assertTrue(frr.contains("router bgp 65101") && frr.contains("advertise-all-vni")
            && frr.contains("netns /run/netns/"), frr);
        assertTrue(nodeOutput.path("kernel-device").size() > 3, node::toString);

        final var unknown = restconf.post(PREVIEW, DemoData.preview("nosuch"));
        assertEquals(400, unknown.status(), unknown::toString);
        assertTrue(unknown.body().contains("no leaf switch or node router named 'nosuch'"), unknown::toString);

        final var statusCommand = console.run("openvni:status");
        // nothing listens where the demo fabric's devices are: the controller keeps trying and says so
        assertTrue(statusCommand.output().contains("leaf1") && statusCommand.output().contains("unreachable"),
            statusCommand::toString);
        final var previewCommand = console.run("openvni:preview node1");
        assertTrue(previewCommand.output().contains("router bgp 65101"), previewCommand::toString);
        final var tenantsCommand = console.run("openvni:tenants");
        assertTrue(tenantsCommand.output().contains("web") && tenantsCommand.output().contains("10.1.0.0/24"),
            tenantsCommand::toString);
        final var fabricCommand = console.run("openvni:fabric");
        assertTrue(fabricCommand.output().contains("node2") && fabricCommand.output().contains("(allocated)"),
            fabricCommand::toString);
        assertFalse(fabricCommand.output().contains("demo"), "credentials must not be shown: " + fabricCommand);
    }

    @Test
    void networkChangeBumpsOnlyItsDevices(final RestconfClient restconf) {
        DemoData.reset(restconf);
        final var before = DemoData.generations(awaitDevices(restconf, 4));
        // db is placed on leaf1 and node1 only
        final var changed = restconf.patch(ACME + "/network=db", """
            {"openvni-tenant:network":[{"name":"db","arp-suppression":false}]}""");
        DemoData.expectOk(changed, 200, 204);
        final var after = DemoData.generations(DemoData.await(restconf, STATUS, response -> response.status() == 200
            && DemoData.generations(response.json()).get("leaf1") > before.get("leaf1")).json());
        assertEquals(before.get("leaf1") + 1, after.get("leaf1"));
        assertEquals(before.get("node1") + 1, after.get("node1"));
        assertEquals(before.get("leaf2"), after.get("leaf2"));
        assertEquals(before.get("node2"), after.get("node2"));
    }

    @Test
    void allocationsSurviveRestartAndAreFreedOnDelete(final RestconfClient restconf,
            final ControllerDistribution controller) throws IOException {
        DemoData.reset(restconf);
        awaitDevices(restconf, 4);
        final JsonNode allocations = DemoData.await(restconf, ALLOCATIONS, r -> r.status() == 200
            && r.body().contains("network[db]")).json();

        controller.stop(Duration.ofSeconds(120));
        controller.start(Duration.ofSeconds(300));

        final var afterRestart = DemoData.await(restconf, ALLOCATIONS, r -> r.status() == 200).json();
        assertEquals(allocations, afterRestart, "allocations changed across a restart");
        // the controller recompiles from the persisted intent and allocations
        awaitDevices(restconf, 4);
        final var preview = restconf.post(PREVIEW, DemoData.preview("leaf2"));
        assertEquals(200, preview.status(), preview::toString);

        DemoData.expectOk(restconf.delete(ACME + "/network=db"), 204);
        final var freed = DemoData.await(restconf, ALLOCATIONS, r -> !r.body().contains("network[db]"));
        assertTrue(freed.body().contains("network[web]"), freed::toString);
        DemoData.expectOk(restconf.delete(TENANTS), 204);
        final var none = DemoData.await(restconf, ALLOCATIONS, r -> !r.body().contains("/tenants/"));
        assertTrue(none.body().contains("/fabric/node-router[node1]"), "VTEPs stay while their nodes exist: " + none);
        DemoData.expectOk(restconf.get(FABRIC), 200);
    }

    private static JsonNode awaitDevices(final RestconfClient restconf, final int count) {
        return DemoData.await(restconf, STATUS, response -> response.status() == 200
            && response.json().path("openvni-status:status").path("device").size() == count).json();
    }

    private static JsonNode device(final JsonNode status, final String name) {
        for (var device : status.path("openvni-status:status").path("device")) {
            if (name.equals(device.path("name").asText())) {
                return device;
            }
        }
        return RestconfClient.parse("{}");
    }
}
