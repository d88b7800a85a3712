package io.openvni.testlib.leaves;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openvni.testlib.leaves.NetconfTestClient.Datastore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The leaf simulator fixture against real netconfd processes: the renderer's golden OpenConfig payload commits and
 * reads back, validation is strict, a leaf restarts with its configuration. Skipped when netconfd, sshd, ncclient,
 * yanglint, root or the shared YANG set are missing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetconfdLeavesTest {
    private static final Path GOLDEN = Path.of("..", "core", "src", "test", "resources", "golden",
        "sample-fabric-leaf1.json");
    private static final String BAD_OVERLAY = """
        <network-instances xmlns="http://openconfig.net/yang/network-instance">
          <network-instance>
            <name>ovni-l2-10000</name>
            <evpn><evpn-instances><evpn-instance>
              <evi>10000</evi>
              <vxlan><config>
                <overlay-endpoint-network-instance>no-such-ni</overlay-endpoint-network-instance>
              </config></vxlan>
            </evpn-instance></evpn-instances></evpn>
          </network-instance>
        </network-instances>
        """;
    private static final String BAD_VLAN = """
        <network-instances xmlns="http://openconfig.net/yang/network-instance">
          <network-instance>
            <name>ovni-l2-10000</name>
            <vlans><vlan><vlan-id>5000</vlan-id><config><vlan-id>5000</vlan-id></config></vlan></vlans>
          </network-instance>
        </network-instances>
        """;

    private static NetconfdLeaves leaves;

    @BeforeAll
    static void startLeaves() throws Exception {
        final String missing = NetconfdLeaves.missingPrerequisite();
        assumeTrue(missing == null, () -> "leaf simulators unavailable: " + missing);
        final String noClient = NetconfTestClient.missingPrerequisite();
        assumeTrue(noClient == null, () -> "NETCONF test client unavailable: " + noClient);
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/yanglint")),
            "yanglint is not installed (apt-get install libyang2-tools)");
        leaves = NetconfdLeaves.launch(3);
    }

    @AfterAll
    static void closeLeaves() {
        if (leaves != null) {
            final Path dir = leaves.workDir();
            leaves.close();
            assertFalse(Files.exists(dir), "temporary directory left behind: " + dir);
        }
    }

    @Test
    @Order(1)
    void leavesHaveDistinctPortsAndAdvertiseCandidateButNoSubmodules() throws Exception {
        assertEquals(3, leaves.size());
        assertEquals(3, List.of(leaves.port(0), leaves.port(1), leaves.port(2)).stream().distinct().count());
        final var hello = leaves.client(1).hello();
        assertTrue(hello.ok(), hello.error());
        final List<String> capabilities = hello.capabilities();
        assertTrue(capabilities.contains("urn:ietf:params:netconf:capability:candidate:1.0"), capabilities::toString);
        assertTrue(capabilities.contains("urn:ietf:params:netconf:base:1.1"), capabilities::toString);
        assertTrue(capabilities.stream().anyMatch(c -> c.contains("module=openconfig-network-instance&")),
            capabilities::toString);
        // netconfd names modules only: the driver must add these (docs/simulators.md, ODL mount workaround)
        final List<String> submodules = OpenConfigYang.submoduleCapabilities();
        assertTrue(submodules.contains("http://openconfig.net/yang/network-instance?module="
            + "openconfig-network-instance-l2&revision=2026-03-17"), submodules::toString);
        for (String submodule : submodules) {
            final String name = submodule.substring(submodule.indexOf("module="), submodule.indexOf('&'));
            assertTrue(capabilities.stream().noneMatch(c -> c.contains(name + "&")), name + " is advertised now");
        }
    }

    @Test
    @Order(2)
    void goldenPayloadCommitsAndReadsBack() throws Exception {
        final var client = leaves.client(0);
        final String config = OpenConfigYang.jsonToXml(GOLDEN);
        final var edit = client.editCommit(config);
        assertTrue(edit.ok(), edit.error());

        final String running = client.getConfig(Datastore.RUNNING).data();
        for (String expected : List.of("<name>ovni-l2-10000</name>", "<vni>10000</vni>",
                "<l3-vrf-name>ovni-l3-50000</l3-vrf-name>", "<route-distinguisher>10.0.0.1:10000</route-distinguisher>",
                "<neighbor-address>10.255.0.3</neighbor-address>", "<name>Vlan100</name>")) {
            assertTrue(running.contains(expected), () -> expected + " missing from running:\n" + running);
        }
        assertTrue(client.getConfig(Datastore.CANDIDATE).data().contains("<name>ovni-l2-10000</name>"));
        // other leaves are separate devices
        assertFalse(leaves.client(2).getConfig(Datastore.RUNNING).data().contains("ovni-l2-10000"));
    }

    @Test
    @Order(3)
    void strictValidationRejectsBadEdits() {
        final var client = leaves.client(0);
        final String before = client.getConfig(Datastore.RUNNING).data();
        assertTrue(before.contains("ovni-l2-10000"), "golden not committed");

        final var leafref = client.editCommit(BAD_OVERLAY);
        assertFalse(leafref.ok(), "leafref to a missing network-instance was accepted");
        assertTrue(leafref.error().contains("overlay-endpoint-network-instance"), leafref.error());
        System.out.println("[openvni-sim] leafref error: " + leafref.error());

        final var range = client.editCommit(BAD_VLAN);
        assertFalse(range.ok(), "vlan-id 5000 was accepted");
        assertTrue(range.error().contains("5000") || range.error().contains("range"), range.error());
        System.out.println("[openvni-sim] range error: " + range.error());

        assertEquals(before, client.getConfig(Datastore.RUNNING).data());
        assertFalse(client.getConfig(Datastore.CANDIDATE).data().contains("no-such-ni"), "candidate not discarded");
    }

    @Test
    @Order(4)
    void stoppedLeafIsUnreachableAndComesBackWithItsConfig() throws Exception {
        final var client = leaves.client(0);
        leaves.stop(0);
        assertFalse(leaves.isRunning(0));
        final var down = client.hello();
        assertFalse(down.ok(), "a stopped leaf answered");
        assertTrue(leaves.client(1).hello().ok(), "the other leaves must stay up");

        leaves.start(0);
        assertTrue(leaves.isRunning(0));
        final String running = client.getConfig(Datastore.RUNNING).data();
        assertTrue(running.contains("<name>ovni-l2-10000</name>"), running);

        leaves.stop(0);
        leaves.eraseConfig(0);
        leaves.start(0);
        final String erased = client.getConfig(Datastore.RUNNING).data();
        assertFalse(erased.contains("ovni-l2-10000"), erased);
        assertNotEquals("", erased);
    }

    @Test
    @Order(5)
    void leafWhoseNetconfdDiesIsStartedAgainWithItsConfigAndItsFilesKept() throws Exception {
        final String flag = "--port=" + leaves.port(1);
        final ProcessHandle netconfd = ProcessHandle.allProcesses()
            .filter(p -> p.info().arguments().map(args -> List.of(args).contains(flag)).orElse(false))
            .findFirst().orElseThrow(() -> new AssertionError("no netconfd with " + flag));
        final var client = leaves.client(1);
        final String before = client.getConfig(Datastore.RUNNING).data();
        netconfd.destroyForcibly();
        netconfd.onExit().get(10, TimeUnit.SECONDS);

        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!client.hello().ok()) {
            assertTrue(System.nanoTime() < deadline, "leaf2 did not come back after its netconfd died");
            Thread.sleep(200);
        }
        assertEquals(before, client.getConfig(Datastore.RUNNING).data());
        try (var kept = Files.list(Path.of(System.getProperty(NetconfdInstance.LOG_DIR_PROPERTY, "target/sim-logs")))) {
            assertTrue(kept.anyMatch(dir -> dir.getFileName().toString().startsWith("leaf2-")
                && Files.exists(dir.resolve("netconfd.log"))), "leaf2's files were not kept");
        }
    }
}
