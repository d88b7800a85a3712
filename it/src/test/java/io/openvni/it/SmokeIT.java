package io.openvni.it;

import io.openvni.testlib.controller.ControllerDistribution;
import io.openvni.testlib.controller.Credentials;
import io.openvni.testlib.controller.KarafConsole;
import io.openvni.testlib.controller.OpenVniController;
import io.openvni.testlib.controller.RestconfClient;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The distribution boots, is locked down and can be operated: RESTCONF with authentication, loopback-only
 * listeners, a working Karaf console.
 */
@OpenVniController
class SmokeIT {
    private static final String TOPOLOGY = RestconfClient.DATA + "network-topology:network-topology";

    @Test
    void restconfRequiresAuthentication(final RestconfClient restconf) {
        assertEquals(401, restconf.withoutCredentials().get(TOPOLOGY).status());
        assertEquals(401, restconf.withCredentials(new Credentials("admin", "wrong")).get(TOPOLOGY).status());
    }

    @Test
    void restconfServesNetworkTopology(final RestconfClient restconf) {
        final var response = restconf.get(TOPOLOGY);
        assertEquals(200, response.status(), response::toString);
        // odl-netconf-topology creates its topology at startup
        final var topologies = response.json().path("network-topology:network-topology").path("topology");
        assertTrue(topologies.toString().contains("\"topology-netconf\""), response::toString);
    }

    @Test
    void listensOnLoopbackOnly(final ControllerDistribution controller) throws IOException {
        final List<InetSocketAddress> sockets = controller.listeningSockets();
        final List<Integer> ports = sockets.stream().map(InetSocketAddress::getPort).toList();
        assertTrue(ports.contains(ControllerDistribution.RESTCONF_PORT), sockets::toString);
        assertTrue(ports.contains(ControllerDistribution.SSH_PORT), sockets::toString);
        assertAll(sockets.stream().map(socket -> () -> assertTrue(socket.getAddress().isLoopbackAddress(),
            () -> "listening beyond loopback: " + socket + " (all: " + sockets + ")")));
    }

    @Test
    void consoleRunsCommands(final KarafConsole console) {
        final var features = console.run("feature:list -i | grep odl-openvni");
        assertEquals(0, features.exitCode(), features::toString);
        assertTrue(features.output().contains("odl-openvni") && features.output().contains("Started"),
            features::toString);

        // every OpenVNI bundle is active (symbolic names io.openvni.*)
        final var bundles = console.run("bundle:list -s -t 0 | grep io.openvni");
        final List<String> lines = bundles.output().lines().filter(line -> !line.isBlank()).toList();
        assertTrue(lines.stream().anyMatch(line -> line.contains("yang-models")), bundles::toString);
        assertAll(lines.stream().map(line -> () -> assertTrue(line.contains("| Active"), line)));
    }

    @Test
    void consoleRunsACommandGivenOnItsCommandLine(final KarafConsole console) {
        // bin/client "command" from a program: its stdin ends at once, which used to close the session before the
        // command ran ("Closed", "Session has been closed: Immediate")
        final var bundles = console.exec("bundle:list -s -t 0");
        assertEquals(0, bundles.exitCode(), bundles::toString);
        assertTrue(bundles.output().contains("io.openvni.") && bundles.output().contains("Active"), bundles::toString);

        final var tenants = console.exec("openvni:tenants");
        assertEquals(0, tenants.exitCode(), tenants::toString);
        // the controller is shared by the test classes: the view is either empty or the tenants table
        assertTrue(tenants.output().contains("no tenants") || tenants.output().startsWith("Tenant | Kind"),
            tenants::toString);

        // a failing command's status reaches the caller
        final var failing = console.exec("bundle:start 987654");
        assertEquals(1, failing.exitCode(), failing::toString);
        assertTrue((failing.output() + failing.errors()).contains("No matching bundles"), failing::toString);
    }

    @Test
    void consoleSessionKnowsItsUser(final KarafConsole console) {
        // the session user comes from the console's JAAS login; on JDK 24+ that needs the JDK-compat agent
        final var whoami = console.run("jaas:whoami");
        assertTrue(whoami.output().contains("karaf"), whoami::toString);
    }
}
