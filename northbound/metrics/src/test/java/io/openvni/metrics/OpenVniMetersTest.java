package io.openvni.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.core.allocation.Allocation;
import io.openvni.core.allocation.AllocationKind;
import io.openvni.core.allocation.Allocations;
import io.openvni.core.compile.DeviceRole;
import io.openvni.core.compile.IncrementalCompiler;
import io.openvni.core.intent.Intent;
import io.openvni.core.status.DeviceStatus;
import io.openvni.core.status.SyncState;
import io.openvni.northbound.api.ControllerStatus;
import io.openvni.northbound.api.FabricSnapshot;
import io.openvni.southbound.spi.MetricsRecorder.PassResult;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The Prometheus text OpenVNI's meters give, and the endpoint that serves it. */
class OpenVniMetersTest {
    private final AtomicReference<FabricSnapshot> status = new AtomicReference<>(FabricSnapshot.EMPTY);
    private final OpenVniMeters meters = new OpenVniMeters(status::get);

    @Test
    void textShowsPassesLatencyDriftQueueDevicesAndAllocations() {
        meters.passEnded(DeviceRole.LEAF_SWITCH, PassResult.APPLIED, Duration.ofMillis(300));
        meters.passEnded(DeviceRole.LEAF_SWITCH, PassResult.APPLIED, Duration.ofMillis(40));
        meters.passEnded(DeviceRole.NODE_ROUTER, PassResult.UNREACHABLE, Duration.ofSeconds(3));
        meters.driftFound(DeviceRole.LEAF_SWITCH, true);
        meters.driftFound(DeviceRole.NODE_ROUTER, false);
        meters.queueDepth(5);
        meters.reconnected(DeviceRole.NODE_ROUTER);
        meters.stuckConnectionRestarted();
        status.set(snapshot(Map.of("leaf1", SyncState.IN_SYNC, "leaf2", SyncState.IN_SYNC,
            "node1", SyncState.UNREACHABLE), List.of(
                new Allocation(AllocationKind.L2_VNI, "/tenants/tenant[acme]/network[web]", "10000"),
                new Allocation(AllocationKind.L2_VNI, "/tenants/tenant[acme]/network[db]", "10001"),
                new Allocation(AllocationKind.VLAN, "/tenants/tenant[acme]/network[web]", "100"))));

        final var text = meters.scrape();

        assertLine(text, "openvni_passes_total{kind=\"leaf-switch\",result=\"applied\"} 2.0");
        assertLine(text, "openvni_passes_total{kind=\"node-router\",result=\"unreachable\"} 1.0");
        assertLine(text, "openvni_passes_total{kind=\"leaf-switch\",result=\"failed\"} 0.0");
        assertLine(text, "openvni_pass_duration_seconds_bucket{kind=\"leaf-switch\",le=\"0.05\"} 1");
        assertLine(text, "openvni_pass_duration_seconds_bucket{kind=\"leaf-switch\",le=\"0.5\"} 2");
        assertLine(text, "openvni_pass_duration_seconds_bucket{kind=\"node-router\",le=\"2.5\"} 0");
        assertLine(text, "openvni_pass_duration_seconds_bucket{kind=\"node-router\",le=\"5.0\"} 1");
        assertLine(text, "openvni_pass_duration_seconds_count{kind=\"leaf-switch\"} 2");
        assertLine(text, "openvni_pass_duration_seconds_sum{kind=\"leaf-switch\"} 0.34");
        assertLine(text, "openvni_drift_found_total{kind=\"leaf-switch\"} 1.0");
        assertLine(text, "openvni_drift_found_total{kind=\"node-router\"} 1.0");
        assertLine(text, "openvni_drift_healed_total{kind=\"leaf-switch\"} 1.0");
        assertLine(text, "openvni_drift_healed_total{kind=\"node-router\"} 0.0");
        assertLine(text, "openvni_reconciler_queue_depth 5.0");
        assertLine(text, "openvni_reconnects_total{kind=\"node-router\"} 1.0");
        assertLine(text, "openvni_stuck_connection_restarts_total 1.0");
        assertLine(text, "openvni_devices{sync_state=\"in-sync\"} 2.0");
        assertLine(text, "openvni_devices{sync_state=\"unreachable\"} 1.0");
        assertLine(text, "openvni_devices{sync_state=\"drifted\"} 0.0");
        assertLine(text, "openvni_allocations_used{pool=\"l2-vni\"} 2.0");
        assertLine(text, "openvni_allocations_used{pool=\"vlan\"} 1.0");
        assertLine(text, "openvni_allocations_used{pool=\"vtep\"} 0.0");
        assertTrue(text.contains("# TYPE openvni_pass_duration_seconds histogram"), text);
    }

    @Test
    void statusGaugesOutliveAGarbageCollection() {
        status.set(snapshot(Map.of("leaf1", SyncState.UNREACHABLE, "node1", SyncState.UNREACHABLE), List.of(
            new Allocation(AllocationKind.L2_VNI, "/tenants/tenant[acme]/network[web]", "10000"))));
        // a status source only the meters hold, as the component's method reference is
        final var collected = new OpenVniMeters(status::get);
        collectGarbage();

        final var text = collected.scrape();

        assertLine(text, "openvni_devices{sync_state=\"unreachable\"} 2.0");
        assertLine(text, "openvni_allocations_used{pool=\"l2-vni\"} 1.0");
    }

    @Test
    void endpointServesTheTextOnMetricsOnly() throws IOException, InterruptedException {
        meters.passEnded(DeviceRole.NODE_ROUTER, PassResult.IN_SYNC, Duration.ofMillis(7));
        try (var endpoint = new MetricsEndpoint(new InetSocketAddress("127.0.0.1", 0), meters::scrape);
             var client = HttpClient.newHttpClient()) {
            final var base = "http://127.0.0.1:" + endpoint.address().getPort();
            final var metrics = client.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(200, metrics.statusCode());
            assertEquals(OpenVniMeters.contentType(), metrics.headers().firstValue("Content-Type").orElseThrow());
            assertLine(metrics.body(), "openvni_passes_total{kind=\"node-router\",result=\"in-sync\"} 1.0");

            final var other = client.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(404, other.statusCode());
            final var post = client.send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode());
        }
    }

    private static FabricSnapshot snapshot(final Map<String, SyncState> states, final List<Allocation> allocations) {
        final var compiled = IncrementalCompiler.compileAll(Intent.EMPTY, Allocations.of(allocations)).fabric();
        final var devices = new HashMap<String, DeviceStatus>();
        states.forEach((name, state) -> devices.put(name, new DeviceStatus(name,
            name.startsWith("leaf") ? DeviceRole.LEAF_SWITCH : DeviceRole.NODE_ROUTER, state, 3, 3, "",
            Instant.EPOCH)));
        return new FabricSnapshot(compiled, devices, Map.of(), Map.of(), ControllerStatus.INITIAL);
    }

    /** Runs the collector until an object only weakly held is gone. */
    private static void collectGarbage() {
        final var canary = new WeakReference<>(new Object());
        for (int i = 0; i < 50 && canary.get() != null; i++) {
            System.gc();
        }
        assertNull(canary.get(), "no garbage collection happened");
    }

    private static void assertLine(final String text, final String line) {
        assertTrue(text.lines().anyMatch(line::equals), () -> "no line '" + line + "' in:\n" + text);
    }
}
