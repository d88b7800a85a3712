package io.openvni.southbound.reconcile;

import io.openvni.core.status.DeviceStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One device's on-demand drift checks: those waiting for the next pass to start, and those the running pass will
 * answer with what it found. Not thread-safe: guarded by its {@link DeviceWorker}'s lock.
 */
final class DriftChecks {
    private List<CompletableFuture<DriftReport>> waiting = new ArrayList<>();
    private List<CompletableFuture<DriftReport>> inPass = List.of();
    // what the running pass found drifted, before healing it
    private String passDrift = "";

    /** A check that a pass starting from now answers. */
    void add(final CompletableFuture<DriftReport> check) {
        waiting.add(check);
    }

    /**
     * A pass starts: it answers every check waiting so far.
     *
     * @return whether any check waits for this pass, which must then read the device
     */
    boolean passStarts() {
        inPass = waiting;
        waiting = new ArrayList<>();
        passDrift = "";
        return !inPass.isEmpty();
    }

    /** The running pass found drift and is about to heal it. */
    void driftSeen(final String diff) {
        passDrift = diff;
    }

    /** The running pass ended: answers its checks. */
    void passEnded(final PassOutcome outcome, final DeviceStatus status) {
        final var drift = outcome instanceof PassOutcome.Drifted drifted ? drifted.diff() : passDrift;
        final var report = new DriftReport(status, drift, !drift.isEmpty() && outcome instanceof PassOutcome.InSync);
        inPass.forEach(check -> check.complete(report));
        inPass = List.of();
    }

    /** The device is no longer reconciled: no check will be answered. */
    void abandon(final String device) {
        final var abandoned = new IllegalStateException(device + " is no longer reconciled");
        waiting.forEach(check -> check.completeExceptionally(abandoned));
        inPass.forEach(check -> check.completeExceptionally(abandoned));
    }
}
