package io.openvni.southbound.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.core.status.SyncState;
import io.openvni.southbound.spi.DriverKey;
import io.openvni.southbound.spi.DriverRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A fenced controller reads and diffs but writes nothing, says why in status, and writes once the fence opens. */
class WriteFenceTest {
    private final ManualTime time = new ManualTime();
    private final FakeDevices devices = new FakeDevices();
    private final RecordingListener listener = new RecordingListener();
    private final AtomicReference<String> refusal = new AtomicReference<>(
        "this member's write lease lapsed: no commit reached the cluster's majority for 6 s");
    private final ReconcilerMetricsTest.Recorded metrics = new ReconcilerMetricsTest.Recorded();
    private final Reconciler reconciler = new Reconciler(ReconcilerTest.SETTINGS,
        new DriverRegistry(Map.of(DriverKey.OPENCONFIG_LEAF, devices, DriverKey.FRR_NODE, devices)), listener,
        new ReconcilerRuntime(Runnable::run, time, time, new ReconcilerTest.FixedFraction(0.5), metrics,
            refusal::get));

    @Test
    void aFencedPassWritesNothingAndIsRetriedUntilTheFenceOpens() {
        reconciler.update(Intents.leaf("leaf1", 1, 10001));

        final var fenced = listener.last("leaf1");
        assertEquals(SyncState.PENDING, fenced.state());
        assertTrue(fenced.lastError().startsWith("this member's write lease lapsed"), fenced.lastError());
        assertEquals(0, devices.device("leaf1").applies());
        time.advance(Duration.ofSeconds(1));
        assertEquals(0, devices.device("leaf1").applies(), "still fenced: the retry writes nothing either");

        refusal.set(null);
        time.advance(Duration.ofSeconds(5));
        assertEquals(SyncState.IN_SYNC, listener.last("leaf1").state());
        assertEquals(1, devices.device("leaf1").applies());
        // monitoring tells the fence from a device's failure
        assertEquals(List.of("fenced", "fenced", "applied"), metrics.events.stream()
            .map(event -> event.split(" ")[2]).toList());
    }

    @Test
    void aDeviceInSyncNeedsNoWriteAndIsNotHeldByTheFence() {
        reconciler.update(Intents.leaf("leaf1", 1));

        assertEquals(SyncState.IN_SYNC, listener.last("leaf1").state());
    }
}
