package io.openvni.northbound.secrets;

import static java.util.Objects.requireNonNull;

import io.openvni.northbound.api.SealingStatus;
import io.openvni.odl.SecretBox;
import io.openvni.southbound.reconcile.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.mdsal.common.api.OptimisticLockFailedException;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.Fabric;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sealer's passes and its standing. A pass reads the fabric and seals its plaintext credentials in one
 * transaction; a pass that fails (AAA cannot encrypt, the datastore does not answer) leaves the plaintext where
 * it is, so it is retried with backoff, and the standing, published after every pass that changed it, says which
 * credentials are still plaintext and why. Not thread-safe: passes run on one worker thread.
 */
final class SealerPasses {
    /** Retries of a failed sealing: the n-th waits up to 2^(n-1) s, at most a minute. */
    static final Backoff RETRY = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));

    private static final Logger LOG = LoggerFactory.getLogger(SealerPasses.class);

    /** Where the sealer reads and writes: the datastore, through {@link BrokerSealerStore}. */
    interface Store {
        /** A read-write transaction over the configuration datastore. */
        FabricTransaction begin();

        /**
         * Publishes the standing and waits (bounded) for it to be written.
         *
         * @throws Exception if it was not written
         */
        void publish(SealingStatus status) throws Exception;
    }

    /** One read of the fabric and the write of its sealed credentials, committed together or not at all. */
    interface FabricTransaction {
        /** The fabric as this transaction sees it, {@code null} if there is none. */
        @Nullable Fabric read() throws Exception;

        /**
         * Puts the sealed containers and commits, waiting (bounded).
         *
         * @throws ExecutionException with an {@link OptimisticLockFailedException} cause if one of the sealed
         *         containers changed after the read; nothing is written then
         */
        void commit(List<Seal<?>> seals) throws Exception;

        /** Ends the transaction without writing. */
        void cancel();
    }

    private final Store store;
    private final SecretBox box;
    private final Consumer<Duration> retry;
    private final Clock clock;
    private final RandomGenerator random;

    private SealingStatus standing = SealingStatus.INITIAL;
    private @Nullable SealingStatus published;
    private int failedPublications;

    /**
     * Passes over a store.
     *
     * @param retry queues a pass after a delay; the worker's, replacing a retry still waiting
     */
    SealerPasses(final Store store, final SecretBox box, final Consumer<Duration> retry, final Clock clock,
            final RandomGenerator random) {
        this.store = requireNonNull(store);
        this.box = requireNonNull(box);
        this.retry = requireNonNull(retry);
        this.clock = requireNonNull(clock);
        this.random = requireNonNull(random);
    }

    /** The standing after the last pass. */
    SealingStatus standing() {
        return standing;
    }

    /** One pass over the latest fabric, then the standing published if it changed. Never throws. */
    @SuppressWarnings("checkstyle:IllegalCatch") // any failure of a pass is retried and shown, never lost
    void pass() {
        final var now = clock.instant();
        List<String> plaintext = null;
        try {
            final var tx = store.begin();
            final List<Seal<?>> seals;
            try {
                final var unsealed = Sealing.unsealed(tx.read());
                plaintext = unsealed.stream().map(Unsealed::credential).toList();
                seals = unsealed.stream().<Seal<?>>map(credential -> credential.seal(box)).toList();
            } catch (Exception e) {
                tx.cancel();
                throw e;
            }
            if (seals.isEmpty()) {
                tx.cancel();
            } else {
                tx.commit(seals);
                seals.forEach(seal -> LOG.info("Sealed {}", seal.what()));
            }
            standing = standing.checked(now, List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OptimisticLockFailedException) {
                // a newer user write touched a credential container: its change event queues the next pass
                LOG.info("The fabric changed while sealing its credentials; sealing the newer fabric instead");
                standing = standing.checked(now, requireNonNull(plaintext));
            } else {
                failed(plaintext, e.getCause() == null ? e : e.getCause());
            }
        } catch (Exception e) {
            failed(plaintext, e);
        }
        publish();
    }

    /** Shows why the sealing failed and retries it with backoff; a repeated failure is logged once. */
    private void failed(final @Nullable List<String> plaintext, final Throwable cause) {
        // the type and message of AAA's and the datastore's failures name ciphers and paths, never a value
        final var error = "sealing the fabric's credentials failed, the plaintext stays in the datastore: "
            + cause;
        final var delay = RETRY.delay(standing.failedAttempts() + 1, random);
        if (error.equals(standing.lastError())) {
            LOG.debug("Sealing failed again ({} in a row), retrying in {} ms", standing.failedAttempts() + 1,
                delay.toMillis());
        } else {
            LOG.warn("{}; retrying in {} ms", error, delay.toMillis());
        }
        final var now = clock.instant();
        standing = standing.failed(now, plaintext, error, now.plus(delay));
        retry.accept(delay);
    }

    /** Writes the standing if it changed; a failed write is retried with backoff by a pass of its own. */
    @SuppressWarnings("checkstyle:IllegalCatch") // a failed write of the standing is retried, never lost
    private void publish() {
        if (standing.equals(published)) {
            return;
        }
        try {
            store.publish(standing);
            published = standing;
            failedPublications = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failedPublications++;
            final var delay = RETRY.delay(failedPublications, random);
            LOG.warn("Publishing the sealer's standing failed ({} in a row), retrying in {} ms",
                failedPublications, delay.toMillis(), e);
            if (standing.nextAttempt() == null) {
                // a failed sealing has queued its own retry already, whose pass publishes too
                retry.accept(delay);
            }
        }
    }
}
