package io.openvni.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.core.allocation.Allocation;
import io.openvni.core.allocation.AllocationKind;
import io.openvni.core.allocation.AllocationOutcome;
import io.openvni.core.allocation.Allocations;
import io.openvni.core.allocation.Allocator;
import io.openvni.core.compile.IncrementalCompiler;
import io.openvni.core.intent.BgpPeer;
import io.openvni.core.intent.Fabric;
import io.openvni.core.intent.FrrSettings;
import io.openvni.core.intent.Intent;
import io.openvni.core.intent.LeafSwitch;
import io.openvni.core.intent.NetconfAccess;
import io.openvni.core.intent.Network;
import io.openvni.core.intent.NodeRouter;
import io.openvni.core.intent.NumberRange;
import io.openvni.core.intent.Secret;
import io.openvni.core.intent.SshAccess;
import io.openvni.core.intent.Tenant;
import io.openvni.core.intent.Vrf;
import io.openvni.core.preview.DevicePreviewer;
import io.openvni.core.status.DeviceStatus;
import io.openvni.core.status.PassProgress;
import io.openvni.core.status.SyncState;
import io.openvni.northbound.api.ControllerStatus;
import io.openvni.northbound.api.FabricSnapshot;
import io.openvni.northbound.api.SealingStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleViewsTest {
    private static final FabricSnapshot SNAPSHOT = snapshot();

    private static FabricSnapshot snapshot() {
        final var fabric = new Fabric(65000L, Fabric.DEFAULT_ANYCAST_GATEWAY_MAC, new NumberRange(10000, 10999),
            new NumberRange(50000, 50099), new NumberRange(100, 199), "10.255.0.0/24", true, 60,
            List.of(new LeafSwitch("leaf1", LeafSwitch.Dialect.OPENCONFIG,
                new NetconfAccess("127.0.0.1", 830, "admin", new Secret("leaf-secret")), 65001, "10.0.0.1",
                "10.254.0.1", "Loopback1")),
            List.of(new NodeRouter("node1", new SshAccess("127.0.0.1", 22, "root", new Secret("node-secret"), null),
                FrrSettings.DEFAULT, 65101, "10.0.1.1", null, List.of("leaf1"),
                List.of(new BgpPeer("192.168.1.1", 65001)))));
        final var intent = new Intent(fabric, List.of(new Tenant("acme", "", List.of(new Vrf("red", null, List.of(),
            List.of())), List.of(new Network("web", null, null, "red", List.of("10.1.0.0/24"),
                List.of("10.1.0.1/24"), true, null, List.of(), List.of("leaf1"))))));
        if (!(Allocator.allocate(intent, Allocations.EMPTY) instanceof AllocationOutcome.Allocated allocated)) {
            throw new AssertionError("does not allocate");
        }
        final var compiled = IncrementalCompiler.compileAll(intent, allocated.allocations()).fabric();
        final var now = Instant.parse("2026-11-26T07:00:00Z");
        return new FabricSnapshot(compiled, Map.of(
            "leaf1", new DeviceStatus("leaf1", io.openvni.core.compile.DeviceRole.LEAF_SWITCH, SyncState.IN_SYNC, 1,
                1, "", now),
            "node1", new DeviceStatus("node1", io.openvni.core.compile.DeviceRole.NODE_ROUTER, SyncState.FAILED, 1,
                0, "% Unknown command", now)), Map.of(),
            Map.of("leaf1", new PassProgress("writing", 120, 500, now.plusSeconds(3), now)),
            ControllerStatus.INITIAL.processed(now).passFailed("the stored intent does not validate, the previous "
                + "compile stays in force: /tenants/tenant[acme]/network[web]/vrf: names VRF 'red', which tenant "
                + "'acme' does not have", now.plusSeconds(2)));
    }

    @Test
    void fabricShowsDevicesButNeverCredentials() {
        final String text = ConsoleViews.fabric(SNAPSHOT);
        assertTrue(text.contains("leaf1") && text.contains("node1"), text);
        assertTrue(text.contains("10.255.0.1 (allocated)"), text);
        assertFalse(text.contains("secret"), text);
    }

    @Test
    void tenantsMarkAllocatedValues() {
        final String text = ConsoleViews.tenants(SNAPSHOT);
        assertTrue(text.contains("10000*") && text.contains("50000*") && text.contains("100*"), text);
        assertTrue(text.contains("leaves: leaf1; nodes: all"), text);
    }

    @Test
    void statusCountsDevicesInSync() {
        final String text = ConsoleViews.status(SNAPSHOT);
        assertTrue(text.contains("in-sync") && text.contains("failed") && text.contains("% Unknown command"), text);
        assertTrue(text.contains("1 of 2 devices in sync"), text);
    }

    @Test
    void statusShowsWhereTheRunningPassIs() {
        final String text = ConsoleViews.status(SNAPSHOT);
        assertTrue(text.contains("writing 120/500 since 2026-11-26T07:00:03Z"), text);
    }

    @Test
    void statusShowsTheControllersOwnFailure() {
        final String text = ConsoleViews.status(SNAPSHOT);
        assertTrue(text.contains("controller: 1 failed pass(es), next attempt 2026-11-26T07:00:02Z: the stored "
            + "intent does not validate"), text);
        assertTrue(text.contains("/tenants/tenant[acme]/network[web]/vrf"), text);
    }

    @Test
    void statusShowsAllocationErrors() {
        final var intent = SNAPSHOT.intent();
        final var web = "/tenants/tenant[acme]/network[web]";
        final var corrupt = Allocations.of(SNAPSHOT.allocations().all().stream()
            .map(a -> a.kind() == AllocationKind.VLAN && a.owner().equals(web)
                ? new Allocation(a.kind(), a.owner(), "0") : a)
            .toList());
        final var allocated = (AllocationOutcome.Allocated) Allocator.allocate(intent, corrupt);
        final var compiled = IncrementalCompiler.compile(SNAPSHOT.compiled(), intent, allocated.allocations(),
            allocated.problems()).fabric();
        final String text = ConsoleViews.status(new FabricSnapshot(compiled, SNAPSHOT.devices(), Map.of(), Map.of(),
            SNAPSHOT.controller()));
        assertTrue(text.contains("allocation error: " + web + ": its persisted vlan '0' is outside 1..4094"), text);
    }

    @Test
    void secretsShowWhatIsStillPlaintextAndWhySealingFailsButNoValue() {
        final var at = Instant.parse("2026-11-26T07:00:00Z");
        final var failing = SealingStatus.INITIAL.failed(at, List.of("/fabric/leaf-switch[leaf1]/netconf/password"),
            "sealing the fabric's credentials failed, the plaintext stays in the datastore: "
                + "java.lang.IllegalStateException: no cipher", at.plusSeconds(4));
        final String text = ConsoleViews.secrets(failing);
        assertTrue(text.contains("credentials: 1 still in plaintext: /fabric/leaf-switch[leaf1]/netconf/password "
            + "(checked 2026-11-26T07:00:00Z)"), text);
        assertTrue(text.contains("credentials: 1 failed sealing(s), last at 2026-11-26T07:00:00Z, next attempt "
            + "2026-11-26T07:00:04Z: sealing the fabric's credentials failed"), text);

        final String sealed = ConsoleViews.secrets(failing.checked(at.plusSeconds(4), List.of()));
        assertEquals("credentials: all sealed (checked 2026-11-26T07:00:04Z)\n", sealed);
        assertEquals("credentials: not checked yet\n", ConsoleViews.secrets(SealingStatus.INITIAL));
    }

    @Test
    void previewShowsKernelDevicesOfNodeRouters() {
        final String text = ConsoleViews.preview(new DevicePreviewer().preview(
            SNAPSHOT.compiled().device("node1").orElseThrow()));
        assertTrue(text.startsWith("# device node1 (node-router), format frr, desired generation 1"), text);
        assertTrue(text.contains("router bgp 65101"), text);
        assertTrue(text.contains("# kernel devices") && text.contains("vxlan ovvx10000"), text);
    }
}
