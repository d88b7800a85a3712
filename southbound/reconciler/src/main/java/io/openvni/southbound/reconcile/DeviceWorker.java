package io.openvni.southbound.reconcile;

import static java.util.Objects.requireNonNull;

import io.openvni.core.compile.DesiredConfig;
import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.status.DeviceStatus;
import io.openvni.core.status.SyncState;
import io.openvni.southbound.spi.ApplyProgress;
import io.openvni.southbound.spi.DriverRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device's work queue and standing. The queue is a single slot: {@link #offer} replaces the desired
 * configuration, and at most one pass is queued or running at a time, so any number of desired configurations that
 * arrive during a pass cost one more pass, over the newest. Passes run on the shared worker executor; retries and
 * drift checks are timers that only ask for a pass.
 *
 * <p>Everything below is guarded by {@code this}; driver calls run without the lock, status is published with it,
 * so that a device's statuses reach the listener in order.
 */
final class DeviceWorker {
    /** What a worker needs from its reconciler. */
    record Context(ReconcilerSettings settings, DriverRegistry drivers, StatusListener listener,
            ReconcilerRuntime runtime, InFlight inFlight) {
        Context {
            requireNonNull(settings);
            requireNonNull(drivers);
            requireNonNull(listener);
            requireNonNull(runtime);
            requireNonNull(inFlight);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(DeviceWorker.class);

    private final String name;
    private final Context context;

    private @Nullable DesiredConfig desired;
    private @Nullable DeviceStatus status;
    private @Nullable DeviceIntent lastApplied;
    // what the last pass saw on the device, in sync; the next pass diffs against it instead of reading, unless it
    // must read (drift check, forced pass, check asked for) or the device's session changed
    private Pass.@Nullable Observation observed;
    // the next pass reads the device even if an observation is at hand
    private boolean readNext;
    // a pass is queued on the executor or running
    private boolean passScheduled;
    // another pass was asked for while one was scheduled
    private boolean passAgain;
    private boolean forceNext;
    private int failures;
    private Scheduler.@Nullable Cancellable retry;
    private Scheduler.@Nullable Cancellable driftCheck;
    private boolean stopped;
    // drift checks waiting for the next pass to start, and those the running pass will answer
    private List<CompletableFuture<DriftReport>> checksWaiting = new ArrayList<>();
    private List<CompletableFuture<DriftReport>> checksInPass = List.of();
    // what the running pass found drifted, before healing it
    private String passDrift = "";

    DeviceWorker(final String name, final Context context) {
        this.name = requireNonNull(name);
        this.context = requireNonNull(context);
    }

    /**
     * Takes a new desired configuration and asks for a pass. Older or equal generations are ignored: the newest
     * desired state wins, whatever order updates arrive in.
     */
    void offer(final DesiredConfig next) {
        synchronized (this) {
            if (stopped) {
                return;
            }
            final var current = desired;
            if (current != null && next.generation() <= current.generation()) {
                LOG.debug("{}: ignoring generation {}, already at {}", name, next.generation(),
                    current.generation());
                return;
            }
            desired = next;
            final long applied = status == null ? 0 : status.appliedGeneration();
            final var error = status == null ? "" : status.lastError();
            publish(SyncState.PENDING, applied, error);
        }
        requestPass(false);
    }

    /** Asks for a pass now, writing over drift even when auto-heal is off. */
    void reconcileNow() {
        requestPass(true);
    }

    /**
     * Reads and diffs the device now; drift is healed as by a periodic check (auto-heal permitting). The future
     * completes once a pass that started after this call has ended.
     */
    CompletableFuture<DriftReport> checkNow() {
        final var result = new CompletableFuture<DriftReport>();
        synchronized (this) {
            if (stopped || desired == null) {
                result.completeExceptionally(new IllegalStateException(name + " is not reconciled"));
                return result;
            }
            checksWaiting.add(result);
        }
        requestPass(false);
        return result;
    }

    synchronized Optional<DeviceStatus> status() {
        return Optional.ofNullable(status);
    }

    /** Stops for good: cancels timers; a pass in progress finishes its driver call but reports nothing. */
    synchronized void stop() {
        stopped = true;
        cancelTimers();
        final var abandoned = new IllegalStateException(name + " is no longer reconciled");
        checksWaiting.forEach(check -> check.completeExceptionally(abandoned));
        checksInPass.forEach(check -> check.completeExceptionally(abandoned));
    }

    private void requestPass(final boolean force) {
        synchronized (this) {
            if (stopped || desired == null) {
                return;
            }
            forceNext |= force;
            if (passScheduled) {
                passAgain = true;
                return;
            }
            passScheduled = true;
        }
        submit();
    }

    private void submit() {
        try {
            context.runtime().workers().execute(this::runPass);
        } catch (RejectedExecutionException e) {
            LOG.warn("{}: worker executor refused the pass, device left as it is", name, e);
            synchronized (this) {
                passScheduled = false;
            }
        }
    }

    private void runPass() {
        final Pass pass;
        final boolean forced;
        synchronized (this) {
            final var config = desired;
            final var current = status;
            if (stopped || config == null || current == null) {
                passScheduled = false;
                return;
            }
            passAgain = false;
            cancelTimers();
            forced = forceNext;
            forceNext = false;
            checksInPass = checksWaiting;
            checksWaiting = new ArrayList<>();
            passDrift = "";
            final boolean mustRead = readNext || forced || !checksInPass.isEmpty();
            readNext = false;
            pass = new Pass(config, lastApplied, mustRead ? null : observed,
                current.appliedGeneration() == config.generation(), forced || context.settings().autoHeal());
            // entered under the lock, so that close() after stop() waits for this pass
            context.inFlight().enter();
        }

        final PassOutcome outcome;
        try {
            outcome = pass.run(context.drivers(), this::driftSeen, ApplyProgress.NONE);
        } finally {
            context.inFlight().exit();
        }

        synchronized (this) {
            if (stopped) {
                passScheduled = false;
                return;
            }
            record(outcome, forced);
            answerChecks(outcome);
            if (!passAgain) {
                passScheduled = false;
                return;
            }
        }
        submit();
    }

    // guarded by this
    private void answerChecks(final PassOutcome outcome) {
        final var drift = outcome instanceof PassOutcome.Drifted drifted ? drifted.diff() : passDrift;
        final var report = new DriftReport(currentStatus(), drift, !drift.isEmpty()
            && outcome instanceof PassOutcome.InSync);
        checksInPass.forEach(check -> check.complete(report));
        checksInPass = List.of();
    }

    private synchronized void driftSeen(final String diff) {
        passDrift = diff;
        if (!stopped) {
            publish(SyncState.DRIFTED, currentStatus().appliedGeneration(), driftText(diff));
        }
    }

    // guarded by this
    private void record(final PassOutcome outcome, final boolean forced) {
        final var before = currentStatus();
        observed = outcome instanceof PassOutcome.InSync inSync ? inSync.observed() : null;
        switch (outcome) {
            case PassOutcome.InSync inSync -> {
                failures = 0;
                lastApplied = inSync.intent();
                final boolean newest = inSync.generation() == currentDesired().generation();
                // a device in sync has no error to show; one from an older pass would only mislead
                publish(newest ? SyncState.IN_SYNC : SyncState.PENDING, inSync.generation(),
                    newest ? "" : before.lastError());
                if (inSync.wrote()) {
                    LOG.info("{}: generation {} applied", name, inSync.generation());
                }
                scheduleDriftCheck();
            }
            case PassOutcome.Drifted drifted -> {
                failures = 0;
                publish(SyncState.DRIFTED, before.appliedGeneration(), driftText(drifted.diff()));
                scheduleDriftCheck();
            }
            case PassOutcome.Failed failed -> {
                failures++;
                publish(failed.state(), before.appliedGeneration(), failed.error());
                // a forced pass that failed stays forced, or its retry would only report the drift it was to heal
                scheduleRetry(forced);
            }
            case PassOutcome.NoDriver noDriver ->
                // drivers do not appear by themselves: wait for a new desired configuration or a forced pass
                publish(SyncState.PENDING, before.appliedGeneration(), "no driver for " + noDriver.key());
        }
    }

    private String driftText(final String diff) {
        return "configuration changed on the device since generation " + currentStatus().appliedGeneration()
            + ":\n" + diff;
    }

    // guarded by this
    private void scheduleRetry(final boolean forced) {
        final var delay = context.settings().backoff().delay(failures, context.runtime().random());
        LOG.debug("{}: attempt {} failed, retrying in {}", name, failures, delay);
        retry = context.runtime().scheduler().schedule(delay, () -> requestPass(forced));
    }

    // guarded by this
    private void scheduleDriftCheck() {
        final Duration interval = context.settings().driftInterval();
        if (context.settings().driftChecks()) {
            driftCheck = context.runtime().scheduler().schedule(interval, this::requestDriftCheck);
        }
    }

    private void requestDriftCheck() {
        synchronized (this) {
            readNext = true;
        }
        requestPass(false);
    }

    // guarded by this
    private void cancelTimers() {
        if (retry != null) {
            retry.cancel();
            retry = null;
        }
        if (driftCheck != null) {
            driftCheck.cancel();
            driftCheck = null;
        }
    }

    /**
     * Publishes the device's standing if it changed. The time of the last change moves only when the state or a
     * generation does, not when only the error text does.
     */
    // guarded by this
    @SuppressWarnings("checkstyle:IllegalCatch") // a listener bug must not stop the device's reconciliation
    private void publish(final SyncState state, final long appliedGeneration, final String lastError) {
        final var config = currentDesired();
        final var old = status;
        final boolean moved = old == null || old.state() != state || old.appliedGeneration() != appliedGeneration
            || old.desiredGeneration() != config.generation();
        final var next = new DeviceStatus(name, config.intent().role(), state, config.generation(),
            appliedGeneration, lastError, moved ? context.runtime().clock().instant() : old.lastChange());
        if (next.equals(old)) {
            return;
        }
        status = next;
        try {
            context.listener().onStatus(next);
        } catch (RuntimeException e) {
            LOG.warn("{}: status listener failed", name, e);
        }
    }

    private DesiredConfig currentDesired() {
        return requireNonNull(desired);
    }

    private DeviceStatus currentStatus() {
        return requireNonNull(status);
    }
}
