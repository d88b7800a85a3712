package io.openvni.southbound.reconcile;

import static org.junit.jupiter.api.Assertions.fail;

import io.openvni.core.status.DeviceStatus;
import io.openvni.core.status.SyncState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Records every status the reconciler publishes. The await methods only guard threaded tests against hanging;
 * no test asserts on how long anything takes.
 */
final class RecordingListener implements StatusListener {
    private static final long GUARD_MILLIS = 10_000;

    private final List<DeviceStatus> statuses = new ArrayList<>();
    private final List<String> removed = new ArrayList<>();

    @Override
    public synchronized void onStatus(final DeviceStatus status) {
        statuses.add(status);
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
