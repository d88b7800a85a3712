package io.openvni.northbound.reconcile;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.WriteLeaseBuilder;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;

/**
 * The write lease in the operational datastore ({@code openvni-status:write-lease}): each renewal reads the holder
 * and writes this one in one transaction. Two renewals that overlap fail one another's commit (optimistic lock), so
 * a renewal that commits saw every renewal committed before it.
 */
public final class DatastoreLease implements WriteLease.Store {
    static final DataObjectIdentifier<org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.WriteLease>
        LEASE = DataObjectIdentifier.builder(
            org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.WriteLease.class).build();

    private final DataBroker broker;
    private final Clock clock;

    public DatastoreLease(final DataBroker broker, final Clock clock) {
        this.broker = broker;
        this.clock = clock;
    }

    @Override
    public CompletionStage<Optional<String>> renew(final String holder) {
        final var tx = broker.newReadWriteTransaction();
        return stage(tx.read(LogicalDatastoreType.OPERATIONAL, LEASE))
            .thenCompose(previous -> {
                tx.put(LogicalDatastoreType.OPERATIONAL, LEASE, new WriteLeaseBuilder().setHolder(holder)
                    .setRenewedAt(new DateAndTime(DateTimeFormatter.ISO_INSTANT.format(clock.instant()))).build());
                return stage(tx.commit()).thenApply(committed -> previous.map(lease -> lease.getHolder()));
            })
            .whenComplete((done, failure) -> {
                if (failure != null) {
                    tx.cancel();
                }
            });
    }

    private static <T> CompletableFuture<T> stage(final ListenableFuture<T> future) {
        final var stage = new CompletableFuture<T>();
        Futures.addCallback(future, new FutureCallback<T>() {
            @Override
            public void onSuccess(final T result) {
                stage.complete(result);
            }

            @Override
            public void onFailure(final Throwable cause) {
                stage.completeExceptionally(cause);
            }
        }, MoreExecutors.directExecutor());
        return stage;
    }
}
