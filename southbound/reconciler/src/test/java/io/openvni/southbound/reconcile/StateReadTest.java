package io.openvni.southbound.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.status.SyncState;
import io.openvni.southbound.spi.DeviceFailure;
import io.openvni.southbound.spi.DeviceState;
import io.openvni.southbound.spi.DeviceStateReader;
import io.openvni.southbound.spi.DriverKey;
import io.openvni.southbound.spi.DriverRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Operational state reads are tasks of the device's own queue: every interval after the last pass or read, never
 * beside a pass or another read of the same device, and not while the device is unreachable.
 */
class StateReadTest {
    private static final Duration STATE_INTERVAL = Duration.ofSeconds(10);
    private static final ReconcilerSettings SETTINGS = ReconcilerSettings.DEFAULTS
        .withDriftInterval(Duration.ofMinutes(5))
        .withBackoff(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8)))
        .withStateInterval(STATE_INTERVAL);

    /** Node routers whose driver also reads operational state; every driver call is logged in order. */
    static final class ReadingDevices extends FakeDevices implements DeviceStateReader {
        private final List<String> calls = new ArrayList<>();
        private volatile Consumer<String> duringRead = device -> { };

        ReadingDevices() {
            scriptApplies((desired, changes, progress) -> log("apply " + desired.name()));
        }

        @Override
        public StateResult readState(final DeviceIntent intent) {
            log("state " + intent.name());
            duringRead.accept(intent.name());
            return new StateResult.Read(new DeviceState("vtysh", "FRR 8.4.4", List.of(), List.of(
                new DeviceState.VniState(10001, "L2", "red", List.of())), Instant.EPOCH));
        }

        synchronized void log(final String call) {
            calls.add(call);
        }

        synchronized List<String> calls() {
            return List.copyOf(calls);
        }

        synchronized long reads(final String device) {
            return calls.stream().filter(call -> call.equals("state " + device)).count();
        }
    }

    private final ManualTime time = new ManualTime();
    private final ReadingDevices devices = new ReadingDevices();
    private final RecordingListener listener = new RecordingListener();

    @Test
    void stateIsReadEveryIntervalAfterThePass() {
        final var reconciler = reconciler(Runnable::run);
        reconciler.update(Intents.node("node1", 1, 10001));
        assertEquals(0, devices.reads("node1"));

        time.advance(STATE_INTERVAL);
        time.advance(STATE_INTERVAL);

        assertEquals(List.of("apply node1", "state node1", "state node1"), devices.calls());
        assertEquals(2, listener.stateReads("node1").size());
        assertTrue(listener.stateReads("node1").getLast() instanceof DeviceStateReader.StateResult.Read,
            listener.stateReads("node1")::toString);
    }

    @Test
    void noReadWhileTheDeviceIsUnreachableUntilAPassReachesIt() {
        final var reconciler = reconciler(Runnable::run);
        final var node1 = devices.device("node1");
        node1.failReads(new DeviceFailure.Unreachable("connect to 192.0.2.21:22 timed out"), Integer.MAX_VALUE);
        reconciler.update(Intents.node("node1", 1, 10001));
        assertEquals(SyncState.UNREACHABLE, listener.last("node1").state());

        time.advance(STATE_INTERVAL);

        assertEquals(0, devices.reads("node1"), "an unreachable device is not read for state");
        assertEquals(List.of(new DeviceStateReader.StateResult.Failed(new DeviceFailure.Unreachable(
            "not read while the device is unreachable: connect to 192.0.2.21:22 timed out"))),
            listener.stateReads("node1"), "status says why the state is old");

        node1.failReads(new DeviceFailure.Unreachable("unused"), 0);
        time.advance(Duration.ofSeconds(8));
        assertEquals(SyncState.IN_SYNC, listener.last("node1").state());
        time.advance(STATE_INTERVAL);
        assertEquals(1, devices.reads("node1"), "reads resume once a pass reached the device");
    }

    @Test
    void aReadDueDuringAPassIsSkipped() {
        final var reconciler = reconciler(Runnable::run);
        reconciler.update(Intents.node("node1", 1, 10001));
        // the next apply takes three intervals; reads fall due three times meanwhile
        devices.scriptApplies((desired, changes, progress) -> {
            devices.log("apply " + desired.name());
            time.advance(STATE_INTERVAL.multipliedBy(3));
            devices.log("applied " + desired.name());
        });

        reconciler.update(Intents.node("node1", 2, 10001, 10002));
        time.advance(STATE_INTERVAL);

        assertEquals(List.of("apply node1", "apply node1", "applied node1", "state node1"), devices.calls());
    }

    @Test
    void aPassAskedForDuringAReadRunsRightAfterIt() {
        final var reconciler = reconciler(Runnable::run);
        reconciler.update(Intents.node("node1", 1, 10001));
        devices.duringRead = device -> reconciler.update(Intents.node("node1", 2, 10001, 10002));

        time.advance(STATE_INTERVAL);

        assertEquals(List.of("apply node1", "state node1", "apply node1"), devices.calls());
        assertEquals(2, listener.last("node1").appliedGeneration());
    }

    @Test
    void aHangingReadIsNeverJoinedByAnotherAndHoldsBackPassesOfItsDeviceOnly() throws InterruptedException {
        final ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            final var reconciler = reconciler(workers);
            reconciler.updateAll(List.of(Intents.node("node1", 1, 10001), Intents.node("node2", 1, 10001)));
            // each device's drift check and state read
            time.awaitPending(4);
            final var entered = new CountDownLatch(1);
            final var release = new CountDownLatch(1);
            devices.duringRead = device -> {
                if (!device.equals("node1")) {
                    return;
                }
                entered.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            time.advance(STATE_INTERVAL);
            assertTrue(entered.await(10, TimeUnit.SECONDS));

            // a node that does not answer: intervals pass, a new generation arrives
            time.advance(STATE_INTERVAL.multipliedBy(6));
            reconciler.update(Intents.node("node1", 2, 10001, 10002));
            reconciler.update(Intents.node("node2", 2, 10002));
            listener.awaitInSync("node2", 2);
            assertEquals(1, devices.reads("node1"), "no second read beside the first");
            assertEquals(1, listener.last("node1").appliedGeneration(), "node1's pass waits for its read");

            release.countDown();
            listener.awaitInSync("node1", 2);
            assertEquals(1, devices.reads("node1"));
        } finally {
            workers.shutdownNow();
            assertTrue(workers.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    private Reconciler reconciler(final Executor workers) {
        return new Reconciler(SETTINGS, new DriverRegistry(Map.of(DriverKey.FRR_NODE, devices)), listener,
            new ReconcilerRuntime(workers, time, time, new ReconcilerTest.FixedFraction(0.5)));
    }
}
