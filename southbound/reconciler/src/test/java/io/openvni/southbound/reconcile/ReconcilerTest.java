package io.openvni.southbound.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.core.status.SyncState;
import io.openvni.southbound.spi.DeviceFailure;
import io.openvni.southbound.spi.DriverKey;
import io.openvni.southbound.spi.DriverRegistry;
import io.openvni.southbound.spi.ReadResult;
import io.openvni.southbound.spi.ReadScope;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The reconciler's behaviour, deterministically: passes run on the calling thread and time moves only through
 * {@link ManualTime#advance}.
 */
class ReconcilerTest {
    static final Duration DRIFT_INTERVAL = Duration.ofMinutes(1);
    /** Drift checks every minute, retries from 1 s to 8 s: what most reconciler tests run with. */
    static final ReconcilerSettings SETTINGS = ReconcilerSettings.DEFAULTS
        .withDriftInterval(DRIFT_INTERVAL)
        .withBackoff(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8)));

    private final ManualTime time = new ManualTime();
    private final FakeDevices devices = new FakeDevices();
    private final RecordingListener listener = new RecordingListener();

    @Test
    void writesOnlyOwnedDifferenceAndReportsTheGeneration() {
        final var leaf1 = devices.device("leaf1");
        leaf1.set("port eth1", "mtu 9216");
        final var desired = Intents.leaf("leaf1", 1, 10001, 10002);

        reconciler(SETTINGS).update(desired);

        assertEquals(List.of(SyncState.PENDING, SyncState.IN_SYNC), listener.states("leaf1"));
        final var status = listener.last("leaf1");
        assertEquals(1, status.desiredGeneration());
        assertEquals(1, status.appliedGeneration());
        assertEquals("", status.lastError());
        assertEquals(1, leaf1.applies());
        final var expected = FakeDevices.render(desired.intent());
        expected.put("port eth1", "mtu 9216");
        assertEquals(expected, leaf1.config());
    }

    @Test
    void writesNothingWhenTheDeviceAlreadyRunsTheDesiredConfig() {
        final var desired = Intents.leaf("leaf1", 3, 10001);
        devices.preload(desired.intent());

        reconciler(SETTINGS).update(desired);

        assertEquals(1, devices.device("leaf1").reads());
        assertEquals(0, devices.device("leaf1").applies());
        final var status = listener.last("leaf1");
        assertEquals(SyncState.IN_SYNC, status.state());
        assertEquals(3, status.appliedGeneration());
    }

    @Test
    void newestGenerationWinsAndOlderOnesAreIgnored() {
        final var reconciler = reconciler(SETTINGS);
        reconciler.update(Intents.leaf("leaf1", 5, 10005));
        reconciler.update(Intents.leaf("leaf1", 3, 10003));

        assertEquals(1, devices.device("leaf1").applies());
        assertEquals(Map.of("l2 10005", "vlan 2005 rd 10.0.0.1:10005"), devices.device("leaf1").config());
        assertEquals(5, listener.last("leaf1").appliedGeneration());
        assertEquals(5, listener.last("leaf1").desiredGeneration());
    }

    @Test
    void readsAreToldTheLastAppliedIntentSoDroppedObjectsAreStillOwned() {
        final var reconciler = reconciler(SETTINGS);
        final var first = Intents.leaf("leaf1", 1, 10001, 10002);
        reconciler.update(first);
        reconciler.update(Intents.leaf("leaf1", 2, 10002));

        assertEquals(List.of(Optional.empty(), Optional.of(first.intent())), devices.device("leaf1").readPrevious());
        assertEquals(Map.of("l2 10002", "vlan 2002 rd 10.0.0.1:10002"), devices.device("leaf1").config());
    }

    @Test
    void driverBugFailsOnlyThatDeviceAndIsRetried() {
        final var broken = new FakeDevices() {
            @Override
            public ReadResult<SortedMap<String, String>> readOwned(final ReadScope scope) {
                throw new IllegalStateException("session cache corrupted");
            }
        };
        final var drivers = new DriverRegistry(Map.of(DriverKey.OPENCONFIG_LEAF, broken, DriverKey.FRR_NODE, devices));
        final var reconciler = new Reconciler(SETTINGS, drivers, listener,
            new ReconcilerRuntime(Runnable::run, time, time, new FixedFraction(0.5)));

        reconciler.updateAll(List.of(Intents.leaf("leaf1", 1, 10001), Intents.node("node1", 1, 10001)));

        assertEquals(SyncState.FAILED, listener.last("leaf1").state());
        assertEquals("driver error: java.lang.IllegalStateException: session cache corrupted",
            listener.last("leaf1").lastError());
        assertEquals(SyncState.IN_SYNC, listener.last("node1").state());
        assertEquals(2, time.pending(), "leaf1's retry and node1's drift check");
    }

    @Test
    void rejectingDeviceIsReportedWithItsOwnErrorWhileOthersConverge() {
        final var error = "% VNI 10001: VXLAN table full on this platform (limit 128)";
        devices.device("leaf1").failApplies(new DeviceFailure.Rejected(error), Integer.MAX_VALUE);

        reconciler(SETTINGS).updateAll(List.of(Intents.leaf("leaf1", 1, 10001), Intents.leaf("leaf2", 1, 10001),
            Intents.node("node1", 1, 10001)));

        final var failed = listener.last("leaf1");
        assertEquals(SyncState.FAILED, failed.state());
        assertEquals(error, failed.lastError());
        assertEquals(0, failed.appliedGeneration());
        assertEquals(SyncState.IN_SYNC, listener.last("leaf2").state());
        assertEquals(SyncState.IN_SYNC, listener.last("node1").state());

        // still retried: the operator may fix the device without touching the intent
        time.advance(Duration.ofSeconds(1));
        assertEquals(2, devices.device("leaf1").reads());
        assertEquals(SyncState.FAILED, listener.last("leaf1").state());
    }

    @Test
    void unreachableDeviceBacksOffWithGrowingJitteredDelaysThenRecoversByItself() {
        devices.device("leaf1").failReads(new DeviceFailure.Unreachable("connect to 192.0.2.11:830 timed out"), 5);
        // the jitter draws half of each ceiling: 1, 2, 4, 8 and (capped) 8 seconds
        final var reconciler = reconciler(SETTINGS, new FixedFraction(0.5));

        reconciler.updateAll(List.of(Intents.leaf("leaf1", 1, 10001), Intents.leaf("leaf2", 1, 10001)));

        assertEquals(SyncState.UNREACHABLE, listener.last("leaf1").state());
        assertEquals("connect to 192.0.2.11:830 timed out", listener.last("leaf1").lastError());
        assertEquals(SyncState.IN_SYNC, listener.last("leaf2").state(), "leaf2 does not wait for leaf1");

        final var expected = List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(4), Duration.ofSeconds(4));
        for (int attempt = 0; attempt < expected.size(); attempt++) {
            final var delay = expected.get(attempt);
            time.advance(delay.minusMillis(1));
            assertEquals(attempt + 1, devices.device("leaf1").reads(), "no retry before the delay");
            time.advance(Duration.ofMillis(1));
            assertEquals(attempt + 2, devices.device("leaf1").reads(), "retry after the delay");
        }
        assertEquals(expected, retryDelays());

        final var recovered = listener.last("leaf1");
        assertEquals(SyncState.IN_SYNC, recovered.state());
        assertEquals("", recovered.lastError(), "the old error goes once the device is in sync");
        assertEquals(1, recovered.appliedGeneration());
        assertEquals(1, devices.device("leaf1").applies());
    }

    @Test
    void aNewSessionRetriesAnUnreachableDeviceAtOnceInsteadOfAfterItsBackoff() {
        devices.device("leaf1").failReads(new DeviceFailure.Unreachable("device leaf1 is not connected"), 3);
        final var reconciler = reconciler(SETTINGS, new FixedFraction(0.5));
        reconciler.updateAll(List.of(Intents.leaf("leaf1", 1, 10001), Intents.leaf("leaf2", 1, 10001)));
        assertEquals(SyncState.UNREACHABLE, listener.last("leaf1").state());

        assertTrue(reconciler.sessionOpened("leaf1"));
        assertEquals(2, devices.device("leaf1").reads(), "retried at once");
        // the retry replaced the one pending: the next waits the backoff of two failures in a row, 1 s
        time.advance(Duration.ofMillis(999));
        assertEquals(2, devices.device("leaf1").reads());
        time.advance(Duration.ofMillis(1));
        assertEquals(3, devices.device("leaf1").reads());

        assertTrue(reconciler.sessionOpened("leaf1"));
        assertEquals(SyncState.IN_SYNC, listener.last("leaf1").state());
        assertEquals(4, devices.device("leaf1").reads());
        // a session of a device in sync, or of one not reconciled, starts nothing
        assertTrue(reconciler.sessionOpened("leaf1"));
        assertTrue(reconciler.sessionOpened("leaf2"));
        assertFalse(reconciler.sessionOpened("leaf9"));
        assertEquals(4, devices.device("leaf1").reads());
        assertEquals(1, devices.device("leaf2").reads());
    }

    @Test
    void driftIsReportedWithTheDiffAndHealed() {
        final var desired = Intents.leaf("leaf1", 1, 10001, 10002);
        reconciler(SETTINGS).update(desired);
        final var leaf1 = devices.device("leaf1");
        leaf1.delete("l2 10001");
        leaf1.set("l2 19999", "vlan 1999 rd 10.0.0.1:19999");

        time.advance(DRIFT_INTERVAL);

        final var history = listener.history("leaf1");
        final var drifted = history.get(history.size() - 2);
        assertEquals(SyncState.DRIFTED, drifted.state());
        assertEquals("""
            configuration changed on the device since generation 1:
            delete l2 19999
            set l2 10001 vlan 2001 rd 10.0.0.1:10001""", drifted.lastError());
        assertEquals(SyncState.IN_SYNC, listener.last("leaf1").state());
        assertEquals(FakeDevices.render(desired.intent()), leaf1.config());
        assertEquals(2, leaf1.applies());
    }

    @Test
    void driftIsReportedButLeftAloneWhenAutoHealIsOff() {
        final var reconciler = reconciler(SETTINGS.withAutoHeal(false));
        final var desired = Intents.leaf("leaf1", 1, 10001);
        reconciler.update(desired);
        reconciler.update(Intents.leaf("leaf2", 1, 10001));
        devices.device("leaf1").delete("l2 10001");
        devices.device("leaf2").delete("l2 10001");

        time.advance(DRIFT_INTERVAL);
        time.advance(DRIFT_INTERVAL);

        final var drifted = listener.last("leaf1");
        assertEquals(SyncState.DRIFTED, drifted.state());
        assertTrue(drifted.lastError().endsWith("\nset l2 10001 vlan 2001 rd 10.0.0.1:10001"), drifted.lastError());
        assertEquals(1, drifted.appliedGeneration());
        assertEquals(1, devices.device("leaf1").applies());
        assertEquals(3, devices.device("leaf1").reads(), "checked twice, written never");
        assertEquals(List.of(SyncState.PENDING, SyncState.IN_SYNC, SyncState.DRIFTED), listener.states("leaf1"));

        // the operator asks: a forced reconcile writes over the drift
        reconciler.devices().forEach(reconciler::reconcile);
        assertEquals(SyncState.IN_SYNC, listener.last("leaf1").state());
        assertEquals(SyncState.IN_SYNC, listener.last("leaf2").state());
        assertEquals(FakeDevices.render(desired.intent()), devices.device("leaf1").config());
    }

    @Test
    void onDemandDriftCheckReportsTheDiffAndHealsOnlyWithAutoHeal() throws Exception {
        final var healing = reconciler(SETTINGS);
        healing.update(Intents.leaf("leaf1", 1, 10001));
        devices.device("leaf1").delete("l2 10001");

        final var healed = healing.checkDrift("leaf1").orElseThrow().get();
        assertEquals("set l2 10001 vlan 2001 rd 10.0.0.1:10001", healed.drift());
        assertTrue(healed.healed());
        assertEquals(SyncState.IN_SYNC, healed.status().state());
        assertEquals(2, devices.device("leaf1").applies());

        final var clean = healing.checkDrift("leaf1").orElseThrow().get();
        assertEquals("", clean.drift());
        assertEquals(false, clean.healed());
        assertEquals(2, devices.device("leaf1").applies(), "nothing to write");
        assertEquals(Optional.empty(), healing.checkDrift("leaf9"));
    }

    @Test
    void onDemandDriftCheckWithoutAutoHealLeavesTheDeviceDrifted() throws Exception {
        final var reconciler = reconciler(SETTINGS.withAutoHeal(false));
        reconciler.update(Intents.leaf("leaf1", 1, 10001));
        devices.device("leaf1").set("l2 19999", "vlan 1999 rd 10.0.0.1:19999");

        final var report = reconciler.checkDrift("leaf1").orElseThrow().get();

        assertEquals("delete l2 19999", report.drift());
        assertEquals(false, report.healed());
        assertEquals(SyncState.DRIFTED, report.status().state());
        assertEquals(1, devices.device("leaf1").applies());
    }

    @Test
    void freshReconcilerReadsEveryDeviceAndWritesOnlyThoseThatDiffer() {
        final var leaf1 = Intents.leaf("leaf1", 4, 10001);
        final var leaf2 = Intents.leaf("leaf2", 7, 10001, 10002);
        final var node1 = Intents.node("node1", 3, 10001, 10002);
        final var leaf3 = Intents.leaf("leaf3", 1, 10002);
        devices.preload(leaf1.intent());
        devices.preload(leaf2.intent());
        devices.preload(Intents.node("node1", 2, 10001).intent());

        reconciler(SETTINGS).updateAll(List.of(leaf1, leaf2, node1, leaf3));

        for (var desired : List.of(leaf1, leaf2, node1, leaf3)) {
            final var name = desired.intent().name();
            assertEquals(1, devices.device(name).reads(), name);
            assertEquals(SyncState.IN_SYNC, listener.last(name).state(), name);
            assertEquals(desired.generation(), listener.last(name).appliedGeneration(), name);
        }
        assertEquals(0, devices.device("leaf1").applies());
        assertEquals(0, devices.device("leaf2").applies());
        assertEquals(1, devices.device("node1").applies());
        assertEquals(1, devices.device("leaf3").applies());
    }

    @Test
    void removingDeviceCancelsItsWork() {
        devices.device("leaf1").failReads(new DeviceFailure.Unreachable("no route to host"), Integer.MAX_VALUE);
        final var reconciler = reconciler(SETTINGS);
        reconciler.updateAll(List.of(Intents.leaf("leaf1", 1, 10001), Intents.leaf("leaf2", 1, 10001)));
        assertEquals(SyncState.UNREACHABLE, listener.last("leaf1").state());

        reconciler.updateAll(List.of(Intents.leaf("leaf2", 1, 10001)));
        time.advance(Duration.ofHours(1));

        assertEquals(List.of("leaf1"), listener.removed());
        assertEquals(1, devices.device("leaf1").reads(), "no retry after removal");
        assertEquals(2, listener.history("leaf1").size(), "no status after removal");
        assertEquals(List.of("leaf2"), List.copyOf(reconciler.devices()), "leaf1 is no longer reconciled");
    }

    @Test
    void closeCancelsTimersAndIgnoresLaterCalls() {
        final var reconciler = reconciler(SETTINGS);
        reconciler.update(Intents.leaf("leaf1", 1, 10001));
        reconciler.close();

        time.advance(Duration.ofHours(1));
        reconciler.update(Intents.leaf("leaf1", 2, 10002));

        assertEquals(1, devices.device("leaf1").reads());
        assertEquals(0, time.pending());
        assertEquals(2, listener.history("leaf1").size());
    }

    @Test
    void deviceWithoutDriverStaysPendingWithTheReason() {
        final var reconciler = new Reconciler(SETTINGS, DriverRegistry.of(DriverKey.OPENCONFIG_LEAF, devices), listener,
            new ReconcilerRuntime(Runnable::run, time, time, new FixedFraction(0.5)));

        reconciler.update(Intents.node("node1", 1, 10001));

        assertEquals(SyncState.PENDING, listener.last("node1").state());
        assertEquals("no driver for node-router/frr", listener.last("node1").lastError());
        assertEquals(0, devices.device("node1").reads());
        assertEquals(0, time.pending());
    }

    private Reconciler reconciler(final ReconcilerSettings settings) {
        return reconciler(settings, new FixedFraction(0.5));
    }

    private Reconciler reconciler(final ReconcilerSettings settings, final RandomGenerator random) {
        final var drivers = new DriverRegistry(Map.of(DriverKey.OPENCONFIG_LEAF, devices, DriverKey.FRR_NODE, devices));
        return new Reconciler(settings, drivers, listener, new ReconcilerRuntime(Runnable::run, time, time, random));
    }

    /** Delays the scheduler was asked for, minus the drift checks of devices in sync. */
    private List<Duration> retryDelays() {
        return time.delays().stream().filter(delay -> !delay.equals(DRIFT_INTERVAL)).toList();
    }

    /** Draws the same fraction every time, so that jittered delays are exact. */
    record FixedFraction(double fraction) implements RandomGenerator {
        @Override
        public long nextLong() {
            throw new UnsupportedOperationException();
        }

        @Override
        public double nextDouble() {
            return fraction;
        }
    }
}
