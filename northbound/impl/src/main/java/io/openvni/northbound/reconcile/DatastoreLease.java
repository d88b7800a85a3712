package io.openvni.northbound.reconcile;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
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
        final var renewed = Futures.transformAsync(tx.read(LogicalDatastoreType.OPERATIONAL, LEASE), previous -> {
            tx.put(LogicalDatastoreType.OPERATIONAL, LEASE, new WriteLeaseBuilder().setHolder(holder)
                .setRenewedAt(new DateAndTime(DateTimeFormatter.ISO_INSTANT.format(clock.instant()))).build());
            return Futures.transform(tx.commit(), committed -> previous.map(lease -> lease.getHolder()),
                MoreExecutors.directExecutor());
        }, MoreExecutors.directExecutor());
        final var stage = new CompletableFuture<Optional<String>>();
        renewed.addListener(() -> {
            try {
                stage.complete(Futures.getDone(renewed));
            } catch (ExecutionException e) {
                tx.cancel();
                stage.completeExceptionally(e.getCause());
            } catch (CancellationException e) {
                stage.completeExceptionally(e);
            }
        }, MoreExecutors.directExecutor());
        return stage;
    }
}
