package io.openvni.it;

import io.openvni.testlib.controller.ControllerDistribution;
import io.openvni.testlib.controller.Credentials;
import io.openvni.testlib.controller.KarafConsole;
import io.openvni.testlib.controller.OpenVniController;
import io.openvni.testlib.controller.RestconfClient;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Credentials given over RESTCONF are sealed: shortly after the PUT a read of the fabric shows only their encrypted
 * form, ODL's NETCONF topology holds only the encrypted login-password (configuration and operational), the
 * sealer's standing ({@code openvni-status:secrets}, RESTCONF and console) shows nothing left in plaintext, and the
 * controller's log never shows a value.
 */
@OpenVniController
class SecretsIT {
    private static final String TOPOLOGY = RestconfClient.DATA
        + "network-topology:network-topology/topology=topology-netconf";
    private static final String SEALER = RestconfClient.DATA + "openvni-status:secrets";

    @Test
    void credentialsAreSealedAndNeverShown(final RestconfClient restconf, final ControllerDistribution controller,
            final KarafConsole console) throws IOException {
        // values found nowhere else, so any hit is a leak of these
        final String tag = UUID.randomUUID().toString();
        final String leafPassword = "leaf-pw-" + tag;
        final String nodePassword = "node-pw-" + tag;
        final String keyText = "key-body-" + tag;
        final List<String> secrets = List.of(leafPassword, nodePassword, keyText);

        final var document = (ObjectNode) RestconfClient.parse(DemoData.fabric());
        final var fabric = (ObjectNode) document.get("openvni-fabric:fabric");
        for (var leaf : (ArrayNode) fabric.get("leaf-switch")) {
            ((ObjectNode) leaf.get("netconf")).put("password", leafPassword);
        }
        final var nodes = (ArrayNode) fabric.get("node-router");
        ((ObjectNode) nodes.get(0).get("ssh")).put("password", nodePassword);
        final var keyed = (ObjectNode) nodes.get(1).get("ssh");
        keyed.remove("password");
        keyed.put("private-key", "-----BEGIN OPENSSH PRIVATE KEY-----\n" + keyText
            + "\n-----END OPENSSH PRIVATE KEY-----\n");
        try {
            DemoData.expectOk(restconf.put(DemoData.FABRIC, document.toString()), 200, 201, 204);

            final var sealed = DemoData.awaitSealed(restconf);
            assertNoSecret(secrets, "fabric", sealed.body());
            final var stored = sealed.json().path("openvni-fabric:fabric");
            // (lists come back in any order; the sealed form is ciphertext, safe to show)
            assertAll(
                () -> assertTrue(entry(stored, "leaf-switch", "leaf1").path("netconf").has("encrypted-password")),
                () -> assertTrue(entry(stored, "leaf-switch", "leaf2").path("netconf").has("encrypted-password")),
                () -> assertTrue(entry(stored, "node-router", "node1").path("ssh").has("encrypted-password"),
                    () -> stored.path("node-router").toString()),
                () -> assertTrue(entry(stored, "node-router", "node2").path("ssh").has("encrypted-private-key"),
                    () -> stored.path("node-router").toString()));
            // the sealer's own standing: nothing left in plaintext, no failure, no value
            final var standing = DemoData.await(restconf, SEALER, response -> response.status() == 200
                && response.json().path("openvni-status:secrets").path("unsealed").asInt(-1) == 0);
            final var secretsStatus = standing.json().path("openvni-status:secrets");
            assertFalse(secretsStatus.has("last-error") || secretsStatus.has("unsealed-credential"),
                secretsStatus::toString);
            assertEquals(0, secretsStatus.path("failed-attempts").asInt(-1), secretsStatus::toString);
            assertNoSecret(secrets, "openvni-status:secrets", standing.body());
            final var consoleStatus = console.run("openvni:status");
            assertTrue(consoleStatus.output().contains("credentials: all sealed (checked "), consoleStatus::toString);
            // the sealed fabric is still valid intent: the controller processed it
            DemoData.awaitQuiet(restconf);

            for (var content : List.of("config", "nonconfig")) {
                final var topology = restconf.get(TOPOLOGY + "?content=" + content);
                assertEquals(200, topology.status(), () -> "topology " + content + ": HTTP " + topology.status());
                assertNoSecret(secrets, "topology-netconf " + content, topology.body());
                assertFalse(topology.body().contains("login-password-unencrypted"),
                    () -> "topology-netconf " + content + " holds an unencrypted credential");
            }
            final var leaf1 = restconf.get(TOPOLOGY + "/node=leaf1/netconf-node-topology:netconf-node?content=config");
            assertTrue(leaf1.json().path("netconf-node-topology:netconf-node").path("login-password")
                .has("password"), "leaf1's node lacks its encrypted login-password");

            final String log = Files.readString(controller.karafLog(), StandardCharsets.UTF_8);
            assertNoSecret(secrets, "karaf.log", log);
            assertTrue(log.contains("Sealed the password of leaf-switch leaf1")
                && log.contains("Sealed the private key of node-router node2"), "karaf.log does not record sealing");
        } finally {
            DemoData.reset(restconf);
        }
    }

    private static void assertNoSecret(final List<String> secrets, final String where, final String text) {
        // (never put the text in the message: it would be the leak)
        assertAll(secrets.stream().map(secret -> () -> assertFalse(text.contains(secret),
            () -> where + " shows a credential value")));
    }

    private static JsonNode entry(final JsonNode fabric, final String list, final String name) {
        for (var entry : fabric.path(list)) {
            if (name.equals(entry.path("name").asText())) {
                return entry;
            }
        }
        throw new AssertionError("no " + list + " " + name + " in the fabric");
    }
}
