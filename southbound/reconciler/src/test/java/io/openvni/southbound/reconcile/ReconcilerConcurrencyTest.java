package io.openvni.southbound.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.core.status.DeviceStatus;
import io.openvni.core.status.SyncState;
import io.openvni.southbound.spi.DriverKey;
import io.openvni.southbound.spi.DriverRegistry;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reconciler on real worker threads. Ordering is forced with latches; nothing asserts on elapsed time.
 */
class ReconcilerConcurrencyTest {
    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final ManualTime time = new ManualTime();
    private final FakeDevices devices = new FakeDevices();
    private final RecordingListener listener = new RecordingListener();
    private final Reconciler reconciler = new Reconciler(ReconcilerSettings.DEFAULTS,
        new DriverRegistry(Map.of(DriverKey.OPENCONFIG_LEAF, devices, DriverKey.FRR_NODE, devices)), listener,
        new ReconcilerRuntime(workers, time, time, new SplittableRandom(1)));

    @AfterEach
    void tearDown() throws InterruptedException {
        reconciler.close();
        workers.shutdownNow();
        assertTrue(workers.awaitTermination(10, TimeUnit.SECONDS));
    }

    @Test
    void rapidDesiredGenerationsCoalesceAndTheNewestIsApplied() throws InterruptedException {
        final var entered = new CountDownLatch(1);
        final var release = new CountDownLatch(1);
        final var leaf1 = devices.device("leaf1");
        leaf1.blockNextApply(entered, release);

        reconciler.update(generation(1));
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        for (long generation = 2; generation <= 10; generation++) {
            reconciler.update(generation(generation));
        }
        release.countDown();
        listener.awaitInSync("leaf1", 10);

        assertEquals(2, leaf1.applies());
        assertEquals(generation(10).intent(), leaf1.applied().getLast());
        assertEquals(FakeDevices.render(generation(10).intent()), leaf1.config());
        // only generations a pass applied are ever reported applied
        assertEquals(Set.of(0L, 1L, 10L), listener.history("leaf1").stream()
            .map(DeviceStatus::appliedGeneration).collect(Collectors.toSet()));
    }

    @Test
    void slowDeviceDoesNotDelayOthers() throws InterruptedException {
        final var entered = new CountDownLatch(1);
        final var release = new CountDownLatch(1);
        devices.device("slow").blockNextApply(entered, release);

        reconciler.update(Intents.leaf("slow", 1, 10001));
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        reconciler.update(Intents.leaf("leaf2", 1, 10001));
        reconciler.update(Intents.node("node1", 1, 10001));
        listener.awaitInSync("leaf2", 1);
        listener.awaitInSync("node1", 1);
        assertEquals(SyncState.PENDING, listener.last("slow").state(), "slow is still applying");

        release.countDown();
        listener.awaitInSync("slow", 1);
    }

    @Test
    void removalDuringApplyReportsNothingMoreAndCloseWaitsForTheDriver() throws InterruptedException {
        final var entered = new CountDownLatch(1);
        final var release = new CountDownLatch(1);
        devices.device("leaf1").blockNextApply(entered, release);
        reconciler.update(Intents.leaf("leaf1", 1, 10001));
        assertTrue(entered.await(10, TimeUnit.SECONDS));

        reconciler.remove("leaf1");
        release.countDown();
        reconciler.close();

        assertEquals(1, devices.device("leaf1").applies(), "close returned after the apply in progress");
        assertEquals(SyncState.PENDING, listener.last("leaf1").state());
        assertEquals(1, listener.history("leaf1").size());
        assertEquals(0, time.pending(), "no drift check for a removed device");
    }

    private static io.openvni.core.compile.DesiredConfig generation(final long generation) {
        return Intents.leaf("leaf1", generation, LongStream.rangeClosed(1, generation).map(n -> 10000 + n).toArray());
    }
}
