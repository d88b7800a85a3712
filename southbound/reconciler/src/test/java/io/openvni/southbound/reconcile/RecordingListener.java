package io.openvni.southbound.reconcile;

import static org.junit.jupiter.api.Assertions.fail;

import io.openvni.core.status.DeviceStatus;
import io.openvni.core.status.PassProgress;
import io.openvni.core.status.SyncState;
import io.openvni.southbound.spi.DeviceStateReader.StateResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Records every status, progress and operational state read the reconciler publishes. The await methods only guard threaded tests against hanging;
 * no test asserts on how long anything takes.
 */
final class RecordingListener implements StatusListener {
    private static final long GUARD_MILLIS = 10_000;

    private final List<DeviceStatus> statuses = new ArrayList<>();
    private final List<String> removed = new ArrayList<>();
    private final List<Map.Entry<String, Optional<PassProgress>>> progress = new ArrayList<>();
    private final List<Map.Entry<String, StateResult>> stateReads = new ArrayList<>();

    @Override
    public synchronized void onStatus(final DeviceStatus status) {
        statuses.add(status);
        notifyAll();
    }

    @Override
    public synchronized void onProgress(final String device, final @Nullable PassProgress shown) {
        progress.add(Map.entry(device, Optional.ofNullable(shown)));
        notifyAll();
    }

    @Override
    public synchronized void onOperationalState(final String device, final StateResult result) {
        stateReads.add(Map.entry(device, result));
        notifyAll();
    }

    @Override
    public synchronized void onRemoved(final String device) {
        removed.add(device);
        notifyAll();
    }

    synchronized List<DeviceStatus> history(final String device) {
        return statuses.stream().filter(status -> status.name().equals(device)).toList();
    }

    synchronized List<SyncState> states(final String device) {
        return history(device).stream().map(DeviceStatus::state).toList();
    }

    synchronized DeviceStatus last(final String device) {
        final var history = history(device);
        if (history.isEmpty()) {
            fail(device + " has no status");
        }
        return history.getLast();
    }

    /** Every progress shown for the device, in order; empty for the end of a pass. */
    synchronized List<Optional<PassProgress>> progress(final String device) {
        return progress.stream().filter(entry -> entry.getKey().equals(device)).map(Map.Entry::getValue).toList();
    }

    /** Every operational state read of the device, in order. */
    synchronized List<StateResult> stateReads(final String device) {
        return stateReads.stream().filter(entry -> entry.getKey().equals(device)).map(Map.Entry::getValue).toList();
    }

    synchronized List<String> removed() {
        return List.copyOf(removed);
    }

    /** Waits until the device's latest status matches. */
    synchronized DeviceStatus await(final String device, final Predicate<DeviceStatus> condition) {
        final long deadline = System.currentTimeMillis() + GUARD_MILLIS;
        while (true) {
            final var history = history(device);
            if (!history.isEmpty() && condition.test(history.getLast())) {
                return history.getLast();
            }
            final long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return fail(device + " never reached the expected status; history: " + history);
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return fail("interrupted");
            }
        }
    }

    /** Waits until the device runs the given generation in sync. */
    DeviceStatus awaitInSync(final String device, final long generation) {
        return await(device, status -> status.state() == SyncState.IN_SYNC && status.appliedGeneration() == generation);
    }
}
