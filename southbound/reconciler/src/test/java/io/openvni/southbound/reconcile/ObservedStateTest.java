package io.openvni.southbound.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openvni.core.status.SyncState;
import io.openvni.southbound.spi.DeviceFailure;
import io.openvni.southbound.spi.DriverKey;
import io.openvni.southbound.spi.DriverRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Passes skip the read when the previous pass left the device in sync and observed, in the same session; every
 * case in which the controller cannot know what the device runs reads again.
 */
class ObservedStateTest {
    private static final Duration DRIFT_INTERVAL = Duration.ofMinutes(1);
    private static final ReconcilerSettings SETTINGS = ReconcilerSettings.DEFAULTS
        .withDriftInterval(DRIFT_INTERVAL)
        .withBackoff(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8)));

    private final ManualTime time = new ManualTime();
    private final FakeDevices devices = new FakeDevices().observing();
    private final RecordingListener listener = new RecordingListener();
    private final Reconciler reconciler = new Reconciler(SETTINGS,
        new DriverRegistry(Map.of(DriverKey.OPENCONFIG_LEAF, devices)), listener,
        new ReconcilerRuntime(Runnable::run, time, time, new ReconcilerTest.FixedFraction(0.5)));

    @Test
    void aChangeAfterAnObservedApplyIsWrittenWithoutReading() {
        reconciler.update(Intents.leaf("leaf1", 1, 10001));
        reconciler.update(Intents.leaf("leaf1", 2, 10001, 10002));
        reconciler.update(Intents.leaf("leaf1", 3, 10002));

        final var leaf1 = devices.device("leaf1");
        assertEquals(1, leaf1.reads(), "only the first pass reads");
        assertEquals(3, leaf1.applies());
        assertEquals(FakeDevices.render(Intents.leaf("leaf1", 3, 10002).intent()), leaf1.config());
        assertEquals(3, listener.last("leaf1").appliedGeneration());
    }

    @Test
    void theDriftCheckReadsAndFindsWhatChangedBehindTheControllersBack() {
        reconciler.update(Intents.leaf("leaf1", 1, 10001));
        final var leaf1 = devices.device("leaf1");
        leaf1.set("l2 10001", "vlan 99 rd 10.0.0.1:10001");
        // written from the observation: the controller cannot see the drift yet
        reconciler.update(Intents.leaf("leaf1", 2, 10001, 10002));
        assertEquals(1, leaf1.reads());
        assertEquals("vlan 99 rd 10.0.0.1:10001", leaf1.config().get("l2 10001"));

        time.advance(DRIFT_INTERVAL);

        assertEquals(2, leaf1.reads());
        assertEquals(SyncState.IN_SYNC, listener.last("leaf1").state());
        assertEquals(FakeDevices.render(Intents.leaf("leaf1", 2, 10001, 10002).intent()), leaf1.config());
        assertEquals(SyncState.DRIFTED, listener.history("leaf1").get(listener.history("leaf1").size() - 2).state());
    }

    @Test
    void aFailedApplyMakesTheRetryRead() {
        reconciler.update(Intents.leaf("leaf1", 1, 10001));
        final var leaf1 = devices.device("leaf1");
        leaf1.failApplies(new DeviceFailure.Rejected("% half applied"), 1);
        reconciler.update(Intents.leaf("leaf1", 2, 10001, 10002));
        assertEquals(SyncState.FAILED, listener.last("leaf1").state());
        assertEquals(1, leaf1.reads());

        time.advance(Duration.ofSeconds(1));

        assertEquals(2, leaf1.reads());
        assertEquals(SyncState.IN_SYNC, listener.last("leaf1").state());
    }

    @Test
    void aReconnectMakesTheNextPassRead() {
        reconciler.update(Intents.leaf("leaf1", 1, 10001));
        final var leaf1 = devices.device("leaf1");
        leaf1.reconnect();

        reconciler.update(Intents.leaf("leaf1", 2, 10001, 10002));

        assertEquals(2, leaf1.reads());
    }

    @Test
    void anOnDemandCheckAndAForcedReconcileRead() throws Exception {
        reconciler.update(Intents.leaf("leaf1", 1, 10001));
        final var leaf1 = devices.device("leaf1");

        reconciler.checkDrift("leaf1").orElseThrow().get();
        assertEquals(2, leaf1.reads());
        reconciler.reconcile("leaf1");
        assertEquals(3, leaf1.reads());
    }
}
