package io.openvni.northbound.pipeline;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.MoreExecutors;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.TransactionChain;
import org.opendaylight.mdsal.common.api.CommitInfo;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.Allocations;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.Status;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.yang.common.Empty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what the controller publishes: the operational status, and the persisted allocations. A single writer
 * (the controller's worker thread); a transaction chain keeps the writes in order and is recreated after a failure.
 */
final class StatusWriter implements AutoCloseable {
    static final DataObjectIdentifier<Status> STATUS = DataObjectIdentifier.builder(Status.class).build();
    static final DataObjectIdentifier<Allocations> ALLOCATIONS = DataObjectIdentifier.builder(Allocations.class)
        .build();

    private static final Logger LOG = LoggerFactory.getLogger(StatusWriter.class);

    private final DataBroker broker;
    private TransactionChain chain;

    StatusWriter(final DataBroker broker) {
        this.broker = broker;
    }

    /** Persists the allocations; the caller waits for the commit so a crash cannot lose handed-out values. */
    void writeAllocations(final Allocations allocations) throws Exception {
        final var tx = broker.newWriteOnlyTransaction();
        tx.put(LogicalDatastoreType.CONFIGURATION, ALLOCATIONS, allocations);
        tx.commit().get();
    }

    synchronized void writeStatus(final Status status) {
        if (chain == null) {
            final var newChain = broker.createMergingTransactionChain();
            newChain.addCallback(new FutureCallback<Empty>() {
                @Override
                public void onSuccess(final Empty result) {
                    // closed normally
                }

                @Override
                public void onFailure(final Throwable cause) {
                    LOG.warn("Status transaction chain failed, recreating it", cause);
                    resetChain(newChain);
                }
            });
            chain = newChain;
        }
        final var tx = chain.newWriteOnlyTransaction();
        tx.put(LogicalDatastoreType.OPERATIONAL, STATUS, status);
        tx.commit().addCallback(new FutureCallback<CommitInfo>() {
            @Override
            public void onSuccess(final CommitInfo result) {
                LOG.debug("Status written");
            }

            @Override
            public void onFailure(final Throwable cause) {
                LOG.warn("Failed to write status", cause);
            }
        }, MoreExecutors.directExecutor());
    }

    private synchronized void resetChain(final TransactionChain failed) {
        if (chain == failed) {
            chain = null;
        }
    }

    @Override
    public synchronized void close() {
        if (chain != null) {
            chain.close();
            chain = null;
        }
    }
}
