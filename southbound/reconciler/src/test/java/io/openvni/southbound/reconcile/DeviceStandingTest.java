package io.openvni.southbound.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openvni.core.status.DeviceStatus;
import io.openvni.core.status.PassProgress;
import io.openvni.core.status.SyncState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What {@link DeviceStanding} tells the listener: a standing only when it changed, the time of the last change only
 * when the state or a generation moved, progress and its end once each.
 */
class DeviceStandingTest {
    private final ManualTime time = new ManualTime();
    private final RecordingListener listener = new RecordingListener();
    private final DeviceStanding standing = new DeviceStanding("leaf1", listener, time);

    @Test
    void publishesOnlyChangesAndMovesTheLastChangeOnlyWithStateOrGeneration() {
        final var config = Intents.leaf("leaf1", 2, 10001);
        standing.publish(config, SyncState.PENDING, 1, "");
        final var first = standing.current();
        time.advance(Duration.ofSeconds(5));

        standing.publish(config, SyncState.PENDING, 1, "");
        assertEquals(List.of(first), listener.history("leaf1"));

        standing.publish(config, SyncState.PENDING, 1, "timed out");
        assertEquals(first.lastChange(), listener.last("leaf1").lastChange());
        assertEquals("timed out", listener.last("leaf1").lastError());

        standing.publish(config, SyncState.IN_SYNC, 2, "");
        assertEquals(first.lastChange().plusSeconds(5), listener.last("leaf1").lastChange());
        assertEquals(3, listener.history("leaf1").size());
    }

    @Test
    void driftKeepsTheAppliedGenerationAndSaysWhatDiffers() {
        final var config = Intents.leaf("leaf1", 3, 10001);
        standing.publish(config, SyncState.IN_SYNC, 3, "");

        standing.drifted(config, "- vlan 11");

        final DeviceStatus drifted = listener.last("leaf1");
        assertEquals(SyncState.DRIFTED, drifted.state());
        assertEquals(3, drifted.appliedGeneration());
        assertEquals("configuration changed on the device since generation 3:\n- vlan 11", drifted.lastError());
    }

    @Test
    void endsShownProgressOnceAndNothingElse() {
        standing.passEnded();
        assertEquals(List.of(), listener.progress("leaf1"));

        final var shown = new PassProgress("frr", 1, 4, time.instant(), time.instant());
        standing.progressed(shown);
        standing.passEnded();
        standing.passEnded();

        assertEquals(List.of(Optional.of(shown), Optional.empty()), listener.progress("leaf1"));
    }

    @Test
    void aFailingListenerDoesNotStopThePublishing() {
        final var failing = new DeviceStanding("leaf1", new StatusListener() {
            @Override
            public void onStatus(final DeviceStatus status) {
                throw new IllegalStateException("listener bug");
            }
        }, time);

        failing.publish(Intents.leaf("leaf1", 1), SyncState.PENDING, 0, "");

        assertEquals(SyncState.PENDING, failing.current().state());
    }
}
