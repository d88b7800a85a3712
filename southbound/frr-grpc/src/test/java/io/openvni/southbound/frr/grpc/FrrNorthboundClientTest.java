package io.openvni.southbound.frr.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.southbound.frr.grpc.proto.PathValue;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client against a real zebra 8.4 with FRR's grpc module (see {@link ZebraWithGrpc}). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FrrNorthboundClientTest {
    private static ZebraWithGrpc zebra;
    private static FrrNorthboundClient client;

    @BeforeAll
    @Timeout(value = 25, unit = TimeUnit.MINUTES)
    static void startZebra() throws Exception {
        zebra = ZebraWithGrpc.start();
        client = zebra.client();
    }

    @AfterAll
    static void stopZebra() {
        if (client != null) {
            client.close();
        }
        if (zebra != null) {
            zebra.close();
        }
    }

    @Test
    void capabilitiesNameTheVersionAndZebrasModules() {
        final FrrCapabilities capabilities = client.capabilities();

        assertTrue(capabilities.frrVersion().startsWith("8.4."), capabilities.frrVersion());
        // Debian builds FRR without --enable-config-rollbacks.
        assertFalse(capabilities.rollbackSupport());
        assertTrue(capabilities.encodings().contains("JSON"), capabilities.encodings().toString());
        for (String module : List.of("frr-zebra", "frr-vrf", "frr-interface")) {
            assertTrue(capabilities.hasModule(module), module + " in " + capabilities.modules());
        }
        assertFalse(capabilities.module("frr-zebra").orElseThrow().revision().isEmpty());
    }

    @Test
    void hasModuleIsFalseForOtherDaemonsModules() {
        assertTrue(client.hasModule("frr-zebra"));
        // bgpd's and staticd's modules are served by those daemons, not by zebra.
        assertFalse(client.hasModule("frr-bgp-route-map"));
        assertFalse(client.hasModule("frr-staticd"));
    }

    @Test
    void vrfAndL3vniAreCommittedInTwoStepsAndReadBack() throws Exception {
        assertTrue(client.setVrfL3vni("ovni-red", 4001));

        assertEquals(OptionalLong.of(4001), client.vrfL3vni("ovni-red"));
        final String running = zebra.vtysh("show running-config");
        assertTrue(running.contains("vrf ovni-red\n vni 4001\n"), running);
        // Already in place: nothing to commit.
        assertFalse(client.setVrfL3vni("ovni-red", 4001));

        assertTrue(client.removeVrfL3vni("ovni-red"));
        assertEquals(OptionalLong.empty(), client.vrfL3vni("ovni-red"));
        assertFalse(zebra.vtysh("show running-config").contains(" vni 4001"));
        assertFalse(client.removeVrfL3vni("ovni-red"));
    }

    @Test
    void zebraRejectsVrfAndL3vniInOneCommit() {
        // The reason setVrfL3vni commits twice: zebra 8.4 validates l3vni-id against a VRF it does not know yet.
        final String vrfPath = "/frr-vrf:lib/vrf[name='ovni-once']";
        final FrrNorthboundException error = assertThrows(FrrNorthboundException.class, () -> client.commit(
            List.of(pathValue(vrfPath, ""), pathValue(vrfPath + "/frr-zebra:zebra/l3vni-id", "4005")), List.of(),
            "one commit"));

        assertEquals("Commit", error.rpc());
        assertEquals(OptionalLong.empty(), client.vrfL3vni("ovni-once"));
    }

    @Test
    void outOfRangeL3vniIsRejectedAtEditCandidate() {
        final FrrNorthboundException error = assertThrows(FrrNorthboundException.class,
            () -> client.setVrfL3vni("ovni-range", 16_777_216));

        assertEquals("EditCandidate", error.rpc());
        assertEquals("INVALID_ARGUMENT", error.code());
        assertEquals(FrrNorthboundException.Failure.REJECTED, error.failure());
        assertEquals(OptionalLong.empty(), client.vrfL3vni("ovni-range"));
    }

    @Test
    void aSecondVniOnAVrfIsRejectedAtCommitWithZebrasMessage() {
        assertTrue(client.setVrfL3vni("ovni-blue", 4002));

        final FrrNorthboundException error = assertThrows(FrrNorthboundException.class,
            () -> client.setVrfL3vni("ovni-blue", 4003));

        assertEquals("Commit", error.rpc());
        assertEquals("INVALID_ARGUMENT", error.code());
        assertTrue(error.frrMessage().contains("4002"), error.frrMessage());
        assertEquals(OptionalLong.of(4002), client.vrfL3vni("ovni-blue"));
    }

    @Test
    void zebraVxlanStateShowsAMulticastVxlanDeviceAndFailsOnAnIngressReplicationOne() throws Exception {
        zebra.inNamespace("ip", "link", "add", "br300", "type", "bridge");
        zebra.inNamespace("ip", "link", "add", "vx300", "type", "vxlan", "id", "300", "local", "10.30.0.1",
            "group", "239.1.1.30", "dev", "ofg-zebra", "dstport", "4789");
        zebra.inNamespace("ip", "link", "set", "vx300", "master", "br300");
        zebra.inNamespace("ip", "link", "set", "vx300", "up");
        zebra.inNamespace("ip", "link", "set", "br300", "up");

        final VxlanInterfaceState state = awaitVxlanState("vx300");
        assertEquals(300, state.vni());
        assertEquals("default", state.vrf());
        // FRR 8.4's remote-vtep leaf carries the device's local address.
        assertEquals(List.of("10.30.0.1"), state.remoteVteps());
        assertTrue(client.zebraVxlanState().stream().noneMatch(s -> s.interfaceName().equals("br300")));

        // EVPN's kind of device (no group, no remote): 8.4 fails the whole read on its mcast-group 0.0.0.0.
        zebra.inNamespace("ip", "link", "add", "vx301", "type", "vxlan", "id", "301", "local", "10.30.0.1",
            "dstport", "4789", "nolearning");
        zebra.inNamespace("ip", "link", "set", "vx301", "up");
        final FrrNorthboundException error = awaitFailure();
        assertEquals("INVALID_ARGUMENT", error.code());
        assertTrue(error.frrMessage().contains("operational data"), error.frrMessage());

        zebra.inNamespace("ip", "link", "del", "vx301");
        assertEquals(300, awaitVxlanState("vx300").vni());
    }

    /** zebra learns devices from netlink asynchronously: poll for a while. */
    private static VxlanInterfaceState awaitVxlanState(final String device) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                final var state = client.zebraVxlanState().stream()
                    .filter(s -> s.interfaceName().equals(device)).findFirst();
                if (state.isPresent()) {
                    return state.orElseThrow();
                }
            } catch (FrrNorthboundException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(device + " never appeared in zebra's state");
            }
            Thread.sleep(100);
        }
    }

    private static FrrNorthboundException awaitFailure() throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                client.zebraVxlanState();
            } catch (FrrNorthboundException e) {
                return e;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("zebra kept serving VXLAN state with a group-less VXLAN device");
    }

    @Test
    void stateReadsUnderTheVrfModelAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> client.getState("/frr-vrf:lib"));
    }

    private static PathValue pathValue(final String path, final String value) {
        return PathValue.newBuilder().setPath(path).setValue(value).build();
    }
}
