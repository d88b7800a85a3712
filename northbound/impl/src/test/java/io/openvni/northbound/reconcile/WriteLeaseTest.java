package io.openvni.northbound.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The lease's rules, with renewals completed by hand and the real clock; every bound checked is one the lease
 * guarantees (it waits at least so long), so a slow machine cannot fail them.
 */
class WriteLeaseTest {
    private static final Duration LEASE = Duration.ofMillis(300);

    private final Queue<CompletableFuture<Optional<String>>> renewals = new ConcurrentLinkedQueue<>();
    private final WriteLease.Store store = holder -> {
        final var renewal = new CompletableFuture<Optional<String>>();
        renewals.add(renewal);
        return renewal;
    };
    private final WriteLease lease = new WriteLease(store, "me", LEASE, System::nanoTime);

    @Test
    void aRenewedLeaseThatNobodyHeldBeforeWritesAtOnce() throws Exception {
        lease.renew();
        renewals.remove().complete(Optional.empty());

        assertNull(lease.awaitWrite());
    }

    @Test
    void takingTheLeaseOverFromAnotherHolderWaitsOutItsLease() throws Exception {
        assertNextRenewalFindingItWaitsALease("the member that was cut off",
            "wrote before the other holder's lease ran out");
    }

    @Test
    void aLeaseWhoseRenewalsFailLapsesAndSaysWhy() throws Exception {
        lease.renew();
        final long submitted = System.nanoTime();
        renewals.remove().complete(Optional.of("me"));

        lease.renew();
        renewals.remove().completeExceptionally(new IllegalStateException("no shard leader"));
        sleep(LEASE.toMillis());
        final var refusal = lease.awaitWrite();

        assertTrue(System.nanoTime() - submitted >= LEASE.toNanos());
        assertTrue(refusal != null && refusal.startsWith("this member's write lease lapsed: no renewal reached the"
            + " cluster's majority for ") && refusal.endsWith("java.lang.IllegalStateException: no shard leader"),
            refusal);
    }

    @Test
    void itsOwnRecordFromARenewalWhoseAnswerWasLostStillWaitsOutTheLease() throws Exception {
        // the first renewal's answer never comes (the shard leader died with the last holder), yet it commits, having
        // read that holder; the next renewal finds this member's own record
        lease.renew();
        renewals.remove().completeExceptionally(new TimeoutException());
        assertNextRenewalFindingItWaitsALease("me", "wrote before the unseen holder's lease ran out");
    }

    @Test
    void renewalsOnceEstablishedNeedNoWait() throws Exception {
        lease.renew();
        renewals.remove().complete(Optional.empty());
        lease.renew();
        renewals.remove().complete(Optional.of("me"));

        assertNull(lease.awaitWrite());
    }

    @Test
    void aLeaseNeverRenewedRefusesAfterWaitingForIt() throws Exception {
        final long asked = System.nanoTime();
        final var refusal = lease.awaitWrite();

        assertTrue(System.nanoTime() - asked >= LEASE.toNanos());
        assertEquals("this member has not got the write lease yet (its renewal has not reached the cluster's"
            + " majority)", refusal);
    }

    @Test
    void aWaitingWriterGoesOnAsSoonAsTheFirstRenewalCommits() throws Exception {
        lease.renew();
        final var writer = CompletableFuture.supplyAsync(() -> {
            try {
                return lease.awaitWrite();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        sleep(50);
        renewals.remove().complete(Optional.empty());

        assertNull(writer.get(LEASE.toMillis() * 10, TimeUnit.MILLISECONDS));
    }

    @Test
    void aClosedLeaseRefusesAtOnce() throws Exception {
        lease.renew();
        renewals.remove().complete(Optional.empty());
        lease.close();

        assertEquals("the controller is no longer active on this member", lease.awaitWrite());
    }

    // The next renewal commits now, finding {@code found}; kept renewed from then on, the lease's first write
    // comes a lease after that commit at the earliest.
    private void assertNextRenewalFindingItWaitsALease(final String found, final String why) throws Exception {
        lease.renew();
        final long committed = System.nanoTime();
        renewals.remove().complete(Optional.of(found));
        final var renewer = keptRenewed();

        assertNull(lease.awaitWrite());
        assertTrue(System.nanoTime() - committed >= LEASE.toNanos(), why);
        renewer.join();
    }

    // Renews the lease for two leases more, as the timer does, each renewal committing at once.
    private Thread keptRenewed() {
        return Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 10; i++) {
                sleep(LEASE.toMillis() / 5);
                lease.renew();
                renewals.remove().complete(Optional.of("me"));
            }
        });
    }

    private static void sleep(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
