package io.openvni.northbound.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.SettableFuture;
import io.openvni.core.allocation.Allocation;
import io.openvni.core.allocation.AllocationKind;
import io.openvni.core.allocation.Allocations;
import io.openvni.core.compile.CompiledFabric;
import io.openvni.core.compile.DeviceRole;
import io.openvni.core.intent.Fabric;
import io.openvni.core.intent.Intent;
import io.openvni.core.intent.LeafSwitch;
import io.openvni.core.intent.NetconfAccess;
import io.openvni.core.intent.Network;
import io.openvni.core.intent.Tenant;
import io.openvni.core.pipeline.IntentPipeline;
import io.openvni.core.status.DeviceStatus;
import io.openvni.core.status.PassProgress;
import io.openvni.core.status.SyncState;
import io.openvni.southbound.reconcile.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.Status;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.Device;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;

/**
 * The publisher on its own thread, writing to a sink whose commits succeed, fail or never finish as each test
 * scripts. The awaits only guard against hanging; nothing asserts on how long anything takes.
 */
class StatusPublisherTest {
    private static final StatusPublisher.Timing FAST = new StatusPublisher.Timing(Duration.ofMillis(10),
        Duration.ofMillis(200), new Backoff(Duration.ofMillis(1), Duration.ofMillis(5)));
    private static final Instant T0 = Instant.parse("2026-11-26T07:00:00Z");

    private final Sink sink = new Sink();
    private final StatusPublisher publisher = new StatusPublisher(FAST, Clock.fixed(T0, ZoneOffset.UTC),
        new SplittableRandom(1));
    // leaf1 carries web (tenant acme) and app (tenant beta); leaf2 only app
    private final CompiledFabric compiled = compile();

    @AfterEach
    void tearDown() {
        publisher.stop();
    }

    @Test
    void theFirstWriteIsWholeThenOnlyWhatChanged() {
        publisher.start(sink);
        publisher.processed(compiled, T0);

        final var whole = assertInstanceOf(StatusWrite.Whole.class, sink.await(1)).status();
        assertEquals(List.of("leaf1", "leaf2"), whole.nonnullDevice().values().stream()
            .map(device -> device.getName().getValue()).sorted().toList());
        assertEquals(SyncState.PENDING.yangName(), device(whole, "leaf1").getSyncState().getName());
        assertEquals(Map.of("acme", false, "beta", false), realized(whole));
        assertEquals("2026-11-26T07:00:00Z", whole.getController().getProcessedAt().getValue());

        publisher.onStatus(new DeviceStatus("leaf1", DeviceRole.LEAF_SWITCH, SyncState.IN_SYNC, 1, 1, "", T0));
        final var inSync = assertInstanceOf(StatusWrite.Parts.class, sink.await(2));
        assertEquals(List.of("leaf1"), names(inSync.devices()));
        assertEquals(SyncState.IN_SYNC.yangName(), inSync.devices().getFirst().getSyncState().getName());
        // acme is realized; beta still waits for leaf2, but with one device fewer
        assertEquals(Map.of("acme", true, "beta", false), inSync.tenants().stream().collect(Collectors.toMap(
            tenant -> tenant.getName().getValue(), tenant -> tenant.getRealized())));
        assertNull(inSync.controller());

        publisher.onProgress("leaf2", new PassProgress("writing", 5, 10, T0, T0));
        final var progress = assertInstanceOf(StatusWrite.Parts.class, sink.await(3));
        assertEquals(List.of("leaf2"), names(progress.devices()));
        assertEquals(List.of(), progress.tenants());
        final var shown = progress.devices().getFirst().getProgress();
        assertEquals("writing", shown.getPhase());
        assertEquals(Uint64.valueOf(5), shown.getDone());
        assertEquals(Uint64.valueOf(10), shown.getTotal());

        publisher.onProgress("leaf2", null);
        final var ended = assertInstanceOf(StatusWrite.Parts.class, sink.await(4));
        assertNull(ended.devices().getFirst().getProgress(), "the progress goes with the pass");
        assertEquals(4, sink.writes().size());
    }

    @Test
    void aFailedWriteIsRetriedWholeAndCountedInTheControllersStatus() {
        publisher.start(sink);
        publisher.processed(compiled, T0);
        sink.await(1);
        sink.script(() -> Futures.immediateFailedFuture(new IllegalStateException("shard leader not found")),
            () -> Futures.immediateFailedFuture(new IllegalStateException("shard leader not found")));

        publisher.onStatus(new DeviceStatus("leaf1", DeviceRole.LEAF_SWITCH, SyncState.IN_SYNC, 1, 1, "", T0));

        final var retried = assertInstanceOf(StatusWrite.Whole.class, sink.await(4),
            "what the failed writes carried is written whole").status();
        assertEquals(SyncState.IN_SYNC.yangName(), device(retried, "leaf1").getSyncState().getName());
        assertEquals(Uint64.valueOf(2), retried.getController().getStatusWriteFailures());
        assertEquals("java.lang.IllegalStateException: shard leader not found",
            retried.getController().getLastStatusWriteError());
        assertEquals(2, publisher.snapshot().controller().statusWriteFailures());
    }

    @Test
    void aWriteThatNeverFinishesCountsAsFailedAndIsRetried() {
        final var hanging = SettableFuture.<Void>create();
        sink.script(() -> hanging);
        publisher.start(sink);
        publisher.processed(compiled, T0);

        final var retried = assertInstanceOf(StatusWrite.Whole.class, sink.await(2)).status();
        assertEquals("not committed within 200 ms", retried.getController().getLastStatusWriteError());
        assertEquals(Uint64.valueOf(1), retried.getController().getStatusWriteFailures());
    }

    @Test
    void aFailedPassShowsUntilOneSucceeds() {
        publisher.start(sink);
        publisher.processed(compiled, T0);
        sink.await(1);

        final var error = "the stored intent does not validate, the previous compile stays in force: "
            + "/tenants/tenant[acme]/network[web]/vrf: names VRF 'blue', which tenant 'acme' does not have";
        publisher.passFailed(error, T0.plusSeconds(1));
        final var failed = assertInstanceOf(StatusWrite.Parts.class, sink.await(2)).controller();
        assertEquals(error, failed.getLastError());
        assertEquals(Uint32.ONE, failed.getFailedPasses());
        assertEquals("2026-11-26T07:00:01Z", failed.getNextAttempt().getValue());
        assertEquals(List.of(), assertInstanceOf(StatusWrite.Parts.class, sink.writes().get(1)).devices());

        publisher.processed(compiled, T0.plusSeconds(1));
        final var recovered = assertInstanceOf(StatusWrite.Parts.class, sink.await(3)).controller();
        assertNull(recovered.getLastError());
        assertEquals(Uint32.ZERO, recovered.getFailedPasses());
        assertNull(recovered.getNextAttempt());
    }

    @Test
    void aDeviceIsPendingAtItsNewGenerationUntilTheReconcilerReports() {
        publisher.start(sink);
        publisher.onStatus(new DeviceStatus("leaf1", DeviceRole.LEAF_SWITCH, SyncState.FAILED, 0, 3,
            "% VXLAN table full", T0.minusSeconds(60)));

        publisher.processed(compiled, T0);

        final var leaf1 = publisher.snapshot().devices().get("leaf1");
        assertEquals(new DeviceStatus("leaf1", DeviceRole.LEAF_SWITCH, SyncState.PENDING, 1, 3, "% VXLAN table full",
            T0), leaf1, "pending at the compiled generation, keeping what is known");
        assertEquals(2, publisher.snapshot().devices().size());
    }

    @Test
    void aCorruptPersistedAllocationShowsAsAnAllocationErrorAndFailsTheDevicesItHolds() throws Exception {
        final var pipeline = new IntentPipeline();
        final var clean = pipeline.process(compiled.intent(), Allocations.EMPTY);
        final var web = "/tenants/tenant[acme]/network[web]";
        final var corrupt = Allocations.of(clean.allocations().all().stream()
            .map(a -> a.kind() == AllocationKind.L2_VNI && a.owner().equals(web)
                ? new Allocation(a.kind(), a.owner(), "ten thousand") : a)
            .toList());
        final var held = pipeline.process(compiled.intent(), corrupt);
        assertEquals(corrupt, held.allocations(), "the corrupt entry stays persisted as stored");
        publisher.start(sink);
        publisher.onStatus(new DeviceStatus("leaf1", DeviceRole.LEAF_SWITCH, SyncState.IN_SYNC, 1, 1, "", T0));
        publisher.processed(held.compile().fabric(), T0);

        final var whole = assertInstanceOf(StatusWrite.Whole.class, sink.await(1)).status();
        final var leaf1 = device(whole, "leaf1");
        assertEquals(SyncState.FAILED.yangName(), leaf1.getSyncState().getName(), "in sync with what it had");
        assertEquals(Uint64.ONE, leaf1.getDesiredGeneration());
        assertTrue(leaf1.getLastError().startsWith("not compiled, keeps its previous configuration: " + web + ": "
            + web + ": its persisted l2-vni 'ten thousand' is not a number"), leaf1.getLastError());
        assertEquals(SyncState.PENDING.yangName(), device(whole, "leaf2").getSyncState().getName());
        final var errors = List.copyOf(whole.nonnullAllocationError().values());
        assertEquals(1, errors.size());
        assertEquals(web, errors.getFirst().getOwner());
        assertEquals("l2-vni", errors.getFirst().getKind().getName());
        assertEquals("ten thousand", errors.getFirst().getValue());
        assertTrue(errors.getFirst().getReason().contains("delete /allocations/allocation[l2-vni][" + web + "]"));
        assertEquals(Map.of("acme", false, "beta", false), realized(whole));
    }

    private static Device device(final Status status, final String name) {
        return status.nonnullDevice().values().stream().filter(device -> device.getName().getValue().equals(name))
            .findFirst().orElseThrow();
    }

    private static Map<String, Boolean> realized(final Status status) {
        return status.nonnullTenant().values().stream().collect(Collectors.toMap(tenant -> tenant.getName()
            .getValue(), tenant -> tenant.getRealized()));
    }

    private static List<String> names(final List<Device> devices) {
        return devices.stream().map(device -> device.getName().getValue()).toList();
    }

    private static CompiledFabric compile() {
        final var fabric = new Fabric(65000L, Fabric.DEFAULT_ANYCAST_GATEWAY_MAC, Fabric.DEFAULT_L2_VNI_POOL,
            Fabric.DEFAULT_L3_VNI_POOL, Fabric.DEFAULT_VLAN_POOL, null, true, 60,
            List.of(leaf("leaf1", 1), leaf("leaf2", 2)), List.of());
        final var intent = new Intent(fabric, List.of(
            new Tenant("acme", "", List.of(), List.of(network("web", List.of("leaf1")))),
            new Tenant("beta", "", List.of(), List.of(network("app", List.of())))));
        try {
            return new IntentPipeline().process(intent, Allocations.EMPTY).compile().fabric();
        } catch (IntentPipeline.RejectedIntentException e) {
            throw new AssertionError(e.errors().toString(), e);
        }
    }

    private static LeafSwitch leaf(final String name, final int index) {
        return new LeafSwitch(name, LeafSwitch.Dialect.OPENCONFIG, new NetconfAccess("192.0.2." + index, 830, "admin",
            null, List.of(), null), 65000 + index, "10.0.0." + index, "10.254.0." + index, "Loopback1");
    }

    private static Network network(final String name, final List<String> leaves) {
        return new Network(name, null, null, null, List.of(), List.of(), true, null, List.of(), leaves);
    }

    /** Records every write; commits succeed unless scripted otherwise. */
    private static final class Sink implements StatusPublisher.Sink {
        private final List<StatusWrite> writes = new ArrayList<>();
        private final Deque<Supplier<ListenableFuture<?>>> script = new ArrayDeque<>();

        @SafeVarargs
        final synchronized void script(final Supplier<ListenableFuture<?>>... results) {
            script.addAll(List.of(results));
        }

        @Override
        public synchronized ListenableFuture<?> write(final StatusWrite write) {
            writes.add(write);
            notifyAll();
            final var next = script.poll();
            return next == null ? Futures.immediateFuture(null) : next.get();
        }

        synchronized List<StatusWrite> writes() {
            return List.copyOf(writes);
        }

        /** Waits for the n-th write and returns it. */
        synchronized StatusWrite await(final int count) {
            final long deadline = System.currentTimeMillis() + 10_000;
            while (writes.size() < count) {
                final long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return fail("only " + writes.size() + " of " + count + " writes: " + writes);
                }
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return fail("interrupted");
                }
            }
            return writes.get(count - 1);
        }
    }
}
