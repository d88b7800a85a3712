package io.openvni.southbound.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.core.compile.DeviceRole;
import io.openvni.southbound.spi.DeviceFailure;
import io.openvni.southbound.spi.DriverKey;
import io.openvni.southbound.spi.DriverRegistry;
import io.openvni.southbound.spi.MetricsRecorder;
import io.openvni.southbound.spi.MetricsRecorder.PassResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the reconciler tells its {@link MetricsRecorder}: every pass with its result and time, drift, the queue. */
class ReconcilerMetricsTest {
    private final ManualTime time = new ManualTime();
    private final FakeDevices devices = new FakeDevices();
    private final Recorded metrics = new Recorded();

    /** Every event, as text. */
    static final class Recorded implements MetricsRecorder {
        final List<String> events = new ArrayList<>();
        final List<Integer> depths = new ArrayList<>();

        @Override
        public synchronized void passEnded(final DeviceRole role, final PassResult result, final Duration took) {
            events.add("pass " + role + " " + result.label() + " " + took.toMillis());
        }

        @Override
        public synchronized void driftFound(final DeviceRole role, final boolean healed) {
            events.add("drift " + role + (healed ? " healed" : " left"));
        }

        @Override
        public synchronized void queueDepth(final int waiting) {
            depths.add(waiting);
        }
    }

    private Reconciler reconciler(final ReconcilerSettings settings) {
        final var drivers = new DriverRegistry(Map.of(DriverKey.OPENCONFIG_LEAF, devices, DriverKey.FRR_NODE, devices));
        return new Reconciler(settings, drivers, new RecordingListener(), new ReconcilerRuntime(Runnable::run, time,
            time, new ReconcilerTest.FixedFraction(0.5), metrics));
    }

    @Test
    void everyPassIsRecordedWithItsKindResultAndDuration() {
        devices.preload(Intents.node("node1", 1, 10001).intent());
        devices.device("leaf2").failReads(new DeviceFailure.Unreachable("no route to host"), 1);
        final var reconciler = reconciler(ReconcilerTest.SETTINGS);

        reconciler.updateAll(List.of(Intents.leaf("leaf1", 1, 10001), Intents.node("node1", 1, 10001),
            Intents.leaf("leaf2", 1, 10001)));
        time.advance(Duration.ofSeconds(1));

        assertEquals(List.of("pass LEAF_SWITCH applied 0", "pass NODE_ROUTER in-sync 0",
            "pass LEAF_SWITCH unreachable 0", "pass LEAF_SWITCH applied 0"), metrics.events);
        assertTrue(metrics.depths.stream().allMatch(depth -> depth >= 0), metrics.depths::toString);
        assertEquals(0, metrics.depths.getLast(), "nothing waits once every pass ran");
    }

    @Test
    void driftIsRecordedHealedOrLeftAlone() {
        final var healing = reconciler(ReconcilerTest.SETTINGS);
        healing.update(Intents.leaf("leaf1", 1, 10001));
        devices.device("leaf1").delete("l2 10001");
        time.advance(ReconcilerTest.DRIFT_INTERVAL);
        healing.close();

        final var leaving = reconciler(ReconcilerTest.SETTINGS.withAutoHeal(false));
        leaving.update(Intents.leaf("leaf1", 1, 10001));
        devices.device("leaf1").delete("l2 10001");
        time.advance(ReconcilerTest.DRIFT_INTERVAL);

        assertEquals(List.of("pass LEAF_SWITCH applied 0", "drift LEAF_SWITCH healed", "pass LEAF_SWITCH applied 0",
            "pass LEAF_SWITCH in-sync 0", "pass LEAF_SWITCH drifted 0", "drift LEAF_SWITCH left"), metrics.events);
    }
}
