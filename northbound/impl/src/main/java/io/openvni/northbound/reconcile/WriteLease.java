package io.openvni.northbound.reconcile;

import static java.util.Objects.requireNonNull;

import io.openvni.southbound.reconcile.WriteFence;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fence of a controller that may share its devices with other cluster members: it writes to devices only while
 * it holds the write lease. The lease is a record in the datastore, renewed every fifth of its length; a renewal is
 * a commit, which needs the cluster's majority. So:
 * <ul>
 *   <li>a member cut off from the majority stops renewing, and writes nothing once its last renewal that committed
 *       was <em>submitted</em> a lease ago (a renewal counts from before its commit, never after);</li>
 *   <li>a member that takes the controller over reads the record in its first renewal: if another holder wrote it,
 *       that holder may go on writing for up to a lease after its last renewal, which committed before this one,
 *       so this member waits a lease from its first renewal's commit before its first write. It waits also when
 *       the record is its own: a renewal whose answer it lost may have committed, reading a holder it never saw.
 *       </li>
 * </ul>
 * Durations are measured on each member's own monotonic clock; the argument needs no clock shared between members.
 * A write already running when the lease lapses is not stopped: each driver bounds its writes, and NETCONF leaves
 * are locked for the write.
 */
public final class WriteLease implements WriteFence, AutoCloseable {
    /** Where the lease is kept: {@link DatastoreLease}. */
    @FunctionalInterface
    public interface Store {
        /**
         * Writes {@code holder} as the lease's holder in one transaction with reading the holder before.
         *
         * @param holder this controller instance
         * @return once committed, the holder found before, if any
         */
        CompletionStage<Optional<String>> renew(String holder);
    }

    private static final Logger LOG = LoggerFactory.getLogger(WriteLease.class);
    private static final int RENEWALS_PER_LEASE = 5;

    private final Store store;
    private final String holder;
    private final long leaseNanos;
    private final LongSupplier nanos;

    // guarded by this
    private boolean established;
    private long renewedAt;
    private long writableFrom;
    private boolean closed;
    private @Nullable String lastFailure;
    private @Nullable ScheduledFuture<?> renewals;

    /**
     * A lease, not yet renewed.
     *
     * @param store where it is kept
     * @param holder this controller instance, unique among all that ever run
     * @param lease how long writes go on after a renewal was submitted
     * @param nanos a monotonic clock
     */
    WriteLease(final Store store, final String holder, final Duration lease, final LongSupplier nanos) {
        this.store = requireNonNull(store);
        this.holder = requireNonNull(holder);
        this.nanos = requireNonNull(nanos);
        leaseNanos = lease.toNanos();
    }

    /** Renews the lease now and every fifth of it from now on, on {@code timer}. */
    synchronized void start(final ScheduledExecutorService timer) {
        final long every = leaseNanos / RENEWALS_PER_LEASE;
        renewals = timer.scheduleWithFixedDelay(this::renew, 0, every, TimeUnit.NANOSECONDS);
    }

    /** One renewal; its outcome arrives later. */
    void renew() {
        final long submitted = nanos.getAsLong();
        final CompletionStage<Optional<String>> renewal;
        try {
            renewal = store.renew(holder);
        } catch (RuntimeException e) {
            renewed(submitted, null, e);
            return;
        }
        renewal.toCompletableFuture().orTimeout(leaseNanos, TimeUnit.NANOSECONDS)
            .whenComplete((previous, failure) -> renewed(submitted, previous, failure));
    }

    private synchronized void renewed(final long submitted, final @Nullable Optional<String> previous,
            final @Nullable Throwable failure) {
        if (failure != null || previous == null) {
            final var text = String.valueOf(failure);
            if (!text.equals(lastFailure)) {
                LOG.warn("Renewing the write lease failed; writes to devices stop {} ms after the last renewal: {}",
                    TimeUnit.NANOSECONDS.toMillis(leaseNanos), text);
            }
            lastFailure = text;
            return;
        }
        if (lastFailure != null) {
            LOG.info("Write lease renewed again");
            lastFailure = null;
        }
        if (!established) {
            established = true;
            // Any record means waiting, this member's own too: it can only come from an earlier renewal whose
            // answer did not arrive (timed out while the shard leader died with the last holder) yet committed,
            // having read the real previous holder, which this member never saw.
            final boolean takeover = previous.isPresent();
            writableFrom = takeover ? nanos.getAsLong() + leaseNanos : submitted;
            if (takeover) {
                LOG.info("Write lease taken over from {}: first write to devices in {} ms",
                    previous.orElseThrow().equals(holder)
                        ? "an unknown holder (a renewal of this member whose answer was lost committed first)"
                        : previous.orElseThrow(), TimeUnit.NANOSECONDS.toMillis(leaseNanos));
            }
        }
        renewedAt = Math.max(renewedAt, submitted);
        notifyAll();
    }

    /**
     * Waits up to a lease for this controller to hold the lease, then says whether it may write.
     */
    @Override
    public synchronized @Nullable String awaitWrite() throws InterruptedException {
        final long deadline = nanos.getAsLong() + leaseNanos;
        while (true) {
            final long now = nanos.getAsLong();
            if (closed) {
                return "the controller is no longer active on this member";
            }
            final boolean valid = established && now - renewedAt < leaseNanos;
            if (valid && now >= writableFrom) {
                return null;
            }
            if (now >= deadline && !(valid && writableFrom - now <= leaseNanos)) {
                return refusal(now);
            }
            final long until = valid ? writableFrom : deadline;
            TimeUnit.NANOSECONDS.timedWait(this, Math.max(1_000_000, until - now));
        }
    }

    private String refusal(final long now) {
        final String why = lastFailure == null ? "" : ": " + lastFailure;
        if (!established) {
            return "this member has not got the write lease yet (its renewal has not reached the cluster's majority)"
                + why;
        }
        return "this member's write lease lapsed: no renewal reached the cluster's majority for "
            + TimeUnit.NANOSECONDS.toMillis(now - renewedAt) + " ms" + why;
    }

    /** Stops renewing; writes are refused from now on. */
    @Override
    public synchronized void close() {
        closed = true;
        if (renewals != null) {
            renewals.cancel(false);
        }
        notifyAll();
    }
}
