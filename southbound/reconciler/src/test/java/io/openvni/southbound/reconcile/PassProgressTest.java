package io.openvni.southbound.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openvni.core.status.PassProgress;
import io.openvni.core.status.SyncState;
import io.openvni.southbound.spi.DeviceFailure;
import io.openvni.southbound.spi.DriverKey;
import io.openvni.southbound.spi.DriverRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * What status learns of a running pass: each phase at once, a phase's counts at most every second (the newest
 * held-back count when the second is up), nothing once the pass has ended. Time moves only through
 * {@link ManualTime#advance}, also inside the scripted applies.
 */
class PassProgressTest {

    private final ManualTime time = new ManualTime();
    private final FakeDevices devices = new FakeDevices();
    private final RecordingListener listener = new RecordingListener();
    private final Reconciler reconciler = new Reconciler(ReconcilerTest.SETTINGS,
        new DriverRegistry(Map.of(DriverKey.OPENCONFIG_LEAF, devices)), listener,
        new ReconcilerRuntime(Runnable::run, time, time, new ReconcilerTest.FixedFraction(0.5)));

    @Test
    void phasesShowAtOnceCountsAtMostEverySecondAndProgressGoesWithThePass() {
        final var start = time.instant();
        // ten entries, 300 ms each, then a commit of 100 ms and a verification
        devices.scriptApplies((desired, changes, progress) -> {
            for (int done = 1; done <= changes.changes().size(); done++) {
                time.advance(Duration.ofMillis(300));
                progress.report("writing", done, changes.changes().size());
            }
            progress.report("committing", 0, 0);
            time.advance(Duration.ofMillis(100));
            progress.report("verifying", 0, 0);
        });

        reconciler.update(Intents.leaf("leaf1", 1, LongStream.rangeClosed(10001, 10010).toArray()));

        assertEquals(List.of(
            shown("reading", 0, 0, start, start),
            shown("diffing", 0, 0, start, start),
            shown("writing", 0, 10, start, start),
            // held back since 0.3 s, shown when the first second is up
            shown("writing", 3, 10, start, start),
            shown("writing", 6, 10, start, start),
            shown("writing", 9, 10, start, start),
            // a new phase is shown at once, and drops the count held back for the old one
            shown("committing", 0, 0, start.plusMillis(3000), start),
            shown("verifying", 0, 0, start.plusMillis(3100), start),
            Optional.empty()), listener.progress("leaf1"));
        assertEquals(SyncState.IN_SYNC, listener.last("leaf1").state());
        assertEquals(1, time.pending(), "only the drift check is left: nothing is shown after the pass");
    }

    @Test
    void aPassThatFailsEndsItsProgressToo() {
        devices.device("leaf1").failReads(new DeviceFailure.Unreachable("connect to 192.0.2.11:830 timed out"), 1);

        reconciler.update(Intents.leaf("leaf1", 1, 10001));

        final var start = Instant.parse("2026-01-01T00:00:00Z");
        assertEquals(List.of(shown("reading", 0, 0, start, start), Optional.empty()), listener.progress("leaf1"));
        assertEquals(SyncState.UNREACHABLE, listener.last("leaf1").state());

        time.advance(Duration.ofMillis(500));
        final var retry = start.plusMillis(500);
        assertEquals(List.of(shown("reading", 0, 0, retry, retry), shown("diffing", 0, 0, retry, retry),
            shown("writing", 0, 1, retry, retry), Optional.empty()),
            listener.progress("leaf1").subList(2, 6), "the retry shows its own progress");
    }

    @Test
    void aDeviceInSyncShowsOnlyReadingAndDiffing() {
        final var desired = Intents.leaf("leaf1", 1, 10001);
        devices.preload(desired.intent());

        reconciler.update(desired);

        assertEquals(List.of("reading", "diffing"), listener.progress("leaf1").stream().flatMap(Optional::stream)
            .map(PassProgress::phase).toList());
        assertEquals(Optional.empty(), listener.progress("leaf1").getLast());
    }

    private static Optional<PassProgress> shown(final String phase, final long done, final long total,
            final Instant since, final Instant started) {
        return Optional.of(new PassProgress(phase, done, total, since, started));
    }
}
