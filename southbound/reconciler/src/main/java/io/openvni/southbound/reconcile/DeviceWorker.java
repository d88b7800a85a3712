package io.openvni.southbound.reconcile;

import static java.util.Objects.requireNonNull;

import io.openvni.core.compile.DesiredConfig;
import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.status.DeviceStatus;
import io.openvni.core.status.PassProgress;
import io.openvni.core.status.SyncState;
import io.openvni.southbound.spi.DeviceStateReader;
import io.openvni.southbound.spi.DeviceStateReader.StateResult;
import io.openvni.southbound.spi.DriverRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device's work queue and standing. The queue is a single slot: {@link #offer} replaces the desired
 * configuration, and at most one pass is queued or running at a time, so any number of desired configurations that
 * arrive during a pass cost one more pass, over the newest. Passes run on the shared worker executor; retries and
 * drift checks are timers that only ask for a pass.
 *
 * <p>Reads of the device's operational state (for drivers that are a {@link DeviceStateReader}) take the same slot,
 * so that the driver talks to a device from one thread at a time: a read due while a pass is queued or running, or
 * while the device is unreachable, is skipped until the next interval, and a pass asked for during a read runs
 * right after it.
 *
 * <p>Everything below is guarded by {@code this}, the status it publishes ({@link DeviceStanding}) and its timers
 * ({@link PassTimers}) too; driver calls run without the lock, status is published with it, so that a device's
 * statuses reach the listener in order.
 */
final class DeviceWorker {
    /** What a worker needs from its reconciler. */
    record Context(ReconcilerSettings settings, DriverRegistry drivers, StatusListener listener,
            ReconcilerRuntime runtime, InFlight inFlight, ToLongFunction<String> lastApplied,
            AtomicInteger waitingPasses) {
        Context {
            requireNonNull(waitingPasses);
            requireNonNull(lastApplied);
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
    private final DeviceStanding standing;
    private final PassTimers timers;

    private @Nullable DesiredConfig desired;
    private @Nullable DeviceIntent lastApplied;
    // what the last pass saw on the device, in sync; the next pass diffs against it instead of reading, unless it
    // must read (drift check, forced pass, check asked for) or the device's session changed
    private Pass.@Nullable Observation observed;
    // the next pass reads the device even if an observation is at hand
    private boolean readNext;
    // a pass or a state read is queued on the executor or running
    private boolean busy;
    // a pass was asked for while busy
    private boolean passAgain;
    // the last pass did not reach the device: state reads wait for one that does
    private boolean unreachable;
    // the last pass failed and was forced: so is its retry
    private boolean forceRetry;
    private Scheduler.@Nullable Cancellable stateRead;
    private boolean forceNext;
    private boolean stopped;
    private final DriftChecks checks = new DriftChecks();

    DeviceWorker(final String name, final Context context) {
        this.name = requireNonNull(name);
        this.context = requireNonNull(context);
        standing = new DeviceStanding(name, context.listener(), context.runtime().clock());
        timers = new PassTimers(name, context.settings(), context.runtime());
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
            // a new worker continues from what the device confirmed to an earlier reconciler
            final DeviceStatus status = standing.status();
            final long applied = status == null ? Math.min(context.lastApplied().applyAsLong(name), next.generation())
                : status.appliedGeneration();
            final var error = status == null ? "" : status.lastError();
            standing.publish(next, SyncState.PENDING, applied, error);
        }
        requestPass(false);
    }

    /** Asks for a pass now, writing over drift even when auto-heal is off. */
    void reconcileNow() {
        requestPass(true);
    }

    /**
     * The device has a new session: a pass that could not reach it is retried now, a pass under way is followed by
     * another (it may have failed before the session was there).
     */
    void sessionOpened() {
        final boolean force;
        synchronized (this) {
            if (!unreachable && !busy) {
                return;
            }
            force = forceRetry;
        }
        LOG.debug("{}: new session, retrying now", name);
        requestPass(force);
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
            checks.add(result);
        }
        requestPass(false);
        return result;
    }

    /** Stops for good: cancels timers; a pass in progress finishes its driver call but reports nothing. */
    synchronized void stop() {
        stopped = true;
        timers.cancel();
        if (stateRead != null) {
            stateRead.cancel();
            stateRead = null;
        }
        checks.abandon(name);
    }

    private void requestPass(final boolean force) {
        synchronized (this) {
            if (stopped || desired == null) {
                return;
            }
            forceNext |= force;
            if (busy) {
                passAgain = true;
                return;
            }
            busy = true;
        }
        submitPass();
    }

    /** Queues a pass, counted as waiting until it starts. */
    private void submitPass() {
        final var metrics = context.runtime().metrics();
        metrics.queueDepth(context.waitingPasses().incrementAndGet());
        if (!submit(this::runPass)) {
            metrics.queueDepth(context.waitingPasses().decrementAndGet());
        }
    }

    private boolean submit(final Runnable task) {
        try {
            context.runtime().workers().execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            LOG.warn("{}: worker executor refused the task, device left as it is", name, e);
            synchronized (this) {
                busy = false;
            }
            return false;
        }
    }

    private void runPass() {
        final var metrics = context.runtime().metrics();
        metrics.queueDepth(context.waitingPasses().decrementAndGet());
        final Pass pass;
        final boolean forced;
        synchronized (this) {
            final var config = desired;
            final var current = standing.status();
            if (stopped || config == null || current == null) {
                busy = false;
                return;
            }
            passAgain = false;
            timers.cancel();
            forced = forceNext;
            forceNext = false;
            final boolean checked = checks.passStarts();
            final boolean mustRead = readNext || forced || checked;
            readNext = false;
            pass = new Pass(config, lastApplied, mustRead ? null : observed,
                current.appliedGeneration() == config.generation(), forced || context.settings().autoHeal());
            // entered under the lock, so that close() after stop() waits for this pass
            context.inFlight().enter();
        }

        final var throttle = new ProgressThrottle(context.runtime().clock(), context.runtime().scheduler(),
            this::progressed);
        final var started = context.runtime().clock().instant();
        final PassOutcome outcome;
        try {
            outcome = pass.run(context.drivers(), this::driftSeen, throttle, context.runtime().fence());
        } finally {
            throttle.end();
            context.inFlight().exit();
        }
        metrics.passEnded(pass.desired().intent().role(), outcome.metricsResult(),
            Duration.between(started, context.runtime().clock().instant()));

        synchronized (this) {
            if (stopped) {
                busy = false;
                return;
            }
            standing.passEnded();
            record(outcome, forced);
            checks.passEnded(outcome, standing.current());
            scheduleStateRead();
            if (!passAgain) {
                busy = false;
                return;
            }
        }
        submitPass();
    }

    private synchronized void progressed(final PassProgress next) {
        if (!stopped) {
            standing.progressed(next);
        }
    }

    private void requestStateRead() {
        final DeviceStateReader reader;
        final DeviceIntent intent;
        synchronized (this) {
            stateRead = null;
            final var config = desired;
            reader = config == null ? null : StateReads.readerFor(context.drivers(), config);
            if (stopped || config == null || reader == null) {
                return;
            }
            if (busy || unreachable) {
                if (unreachable) {
                    final var skipped = StateReads.skipped(standing.current().lastError());
                    standing.tell(listener -> listener.onOperationalState(name, skipped));
                }
                scheduleStateRead();
                return;
            }
            busy = true;
            intent = config.intent();
        }
        submit(() -> runStateRead(reader, intent));
    }

    private void runStateRead(final DeviceStateReader reader, final DeviceIntent intent) {
        synchronized (this) {
            if (stopped) {
                busy = false;
                return;
            }
            context.inFlight().enter();
        }
        final StateResult result;
        try {
            result = StateReads.read(reader, intent);
        } finally {
            context.inFlight().exit();
        }

        synchronized (this) {
            if (stopped) {
                busy = false;
                return;
            }
            standing.tell(listener -> listener.onOperationalState(name, result));
            scheduleStateRead();
            if (!passAgain) {
                busy = false;
                return;
            }
        }
        submitPass();
    }

    // guarded by this
    private void scheduleStateRead() {
        final var config = desired;
        if (stateRead == null && !stopped && context.settings().stateReads() && config != null
                && StateReads.readerFor(context.drivers(), config) != null) {
            stateRead = context.runtime().scheduler().schedule(context.settings().stateInterval(),
                this::requestStateRead);
        }
    }

    private synchronized void driftSeen(final String diff) {
        context.runtime().metrics().driftFound(currentDesired().intent().role(), true);
        checks.driftSeen(diff);
        if (!stopped) {
            standing.drifted(currentDesired(), diff);
        }
    }

    // guarded by this
    private void record(final PassOutcome outcome, final boolean forced) {
        final var config = currentDesired();
        final var before = standing.current();
        observed = outcome instanceof PassOutcome.InSync inSync ? inSync.observed() : null;
        unreachable = outcome instanceof PassOutcome.Failed failed && failed.state() == SyncState.UNREACHABLE;
        forceRetry = forced && outcome instanceof PassOutcome.Failed;
        switch (outcome) {
            case PassOutcome.InSync inSync -> {
                lastApplied = inSync.intent();
                final boolean newest = inSync.generation() == config.generation();
                // a device in sync has no error to show; one from an older pass would only mislead
                standing.publish(config, newest ? SyncState.IN_SYNC : SyncState.PENDING, inSync.generation(),
                    newest ? "" : before.lastError());
                if (inSync.wrote()) {
                    LOG.info("{}: generation {} applied", name, inSync.generation());
                }
                timers.reached(this::requestDriftCheck);
            }
            case PassOutcome.Drifted drifted -> {
                context.runtime().metrics().driftFound(config.intent().role(), false);
                standing.drifted(config, drifted.diff());
                timers.reached(this::requestDriftCheck);
            }
            case PassOutcome.Failed failed -> {
                standing.publish(config, failed.state(), before.appliedGeneration(), failed.error());
                // a forced pass that failed stays forced, or its retry would only report the drift it was to heal
                timers.failed(() -> requestPass(forced));
            }
            case PassOutcome.NoDriver noDriver ->
                // drivers do not appear by themselves: wait for a new desired configuration or a forced pass
                standing.publish(config, SyncState.PENDING, before.appliedGeneration(),
                    "no driver for " + noDriver.key());
        }
    }

    private void requestDriftCheck() {
        synchronized (this) {
            readNext = true;
        }
        requestPass(false);
    }

    private DesiredConfig currentDesired() {
        return requireNonNull(desired);
    }
}
