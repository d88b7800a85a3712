package io.openvni.odl;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.DataTreeChangeListener;
import org.opendaylight.mdsal.binding.api.DataTreeModification;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.concepts.Registration;

/**
 * Runs a pass on one worker thread whenever a watched configuration container changes. The pass reads the latest
 * data itself, so changes arriving while a pass is queued coalesce into it; a change arriving while a pass runs
 * queues exactly one more. Started when a singleton becomes active on this node, stopped when it stops.
 */
public final class CoalescingPassRunner {
    private static final long STOP_TIMEOUT_SECONDS = 10;

    private final String threadName;
    private final Runnable pass;
    private final AtomicBoolean passQueued = new AtomicBoolean();

    // guarded by this
    private @Nullable ScheduledExecutorService worker;
    private List<Registration> listeners = List.of();
    private @Nullable ScheduledFuture<?> retry;

    /**
     * A runner.
     *
     * @param threadName name format of the worker thread, e.g. {@code openvni-controller-%d}
     * @param pass the pass; runs only on the worker thread and must not throw
     */
    public CoalescingPassRunner(final String threadName, final Runnable pass) {
        this.threadName = requireNonNull(threadName);
        this.pass = requireNonNull(pass);
    }

    /** Starts the worker and listens to the containers; their initial data triggers the first pass. */
    public synchronized void start(final DataBroker broker, final List<DataObjectIdentifier<?>> watched) {
        final var executor = new ScheduledThreadPoolExecutor(1, new ThreadFactoryBuilder()
            .setNameFormat(threadName).setDaemon(true).build());
        // a retry waiting for its delay must not hold up stop(): the next start begins with a pass anyway
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        worker = executor;
        final var registrations = new ArrayList<Registration>(watched.size());
        for (var path : watched) {
            registrations.add(listen(broker, path));
        }
        listeners = List.copyOf(registrations);
    }

    /** Stops listening and waits (bounded) for a running pass to finish. */
    public synchronized void stop() {
        listeners.forEach(Registration::close);
        listeners = List.of();
        final var running = worker;
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
        retry = null;
    }

    /** Queues a pass unless one is queued already. */
    public synchronized void schedulePass() {
        final var running = worker;
        if (running != null && passQueued.compareAndSet(false, true)) {
            running.execute(() -> {
                passQueued.set(false);
                pass.run();
            });
        }
    }

    /**
     * Queues a pass after a delay, for a pass that failed and should be retried although nothing changed. Replaces
     * a retry still waiting, so that passes failing one after the other keep one retry, not one each.
     *
     * @param delay how long to wait
     */
    public synchronized void schedulePass(final Duration delay) {
        final var running = worker;
        if (running != null) {
            if (retry != null) {
                retry.cancel(false);
            }
            retry = running.schedule((Runnable) this::schedulePass, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Queues a pass every {@code period} from now until {@link #stop()}, for state that changes without a
     * configuration change to announce it.
     *
     * @param period the time between passes
     */
    public synchronized void schedulePasses(final Duration period) {
        final var running = worker;
        if (running != null) {
            running.scheduleAtFixedRate(this::schedulePass, period.toMillis(), period.toMillis(),
                TimeUnit.MILLISECONDS);
        }
    }

    private <T extends DataObject> Registration listen(final DataBroker broker, final DataObjectIdentifier<T> path) {
        return broker.registerTreeChangeListener(LogicalDatastoreType.CONFIGURATION, path,
            new DataTreeChangeListener<T>() {
                @Override
                public void onDataTreeChanged(final List<DataTreeModification<T>> changes) {
                    schedulePass();
                }

                @Override
                public void onInitialData() {
                    schedulePass();
                }
            });
    }
}
