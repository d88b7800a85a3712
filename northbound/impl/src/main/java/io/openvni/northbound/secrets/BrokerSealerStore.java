package io.openvni.northbound.secrets;

import io.openvni.northbound.api.SealingStatus;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.ReadWriteTransaction;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.Fabric;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.Secrets;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;

/**
 * The sealer's store in the datastore. The sealer publishes its standing itself, to its own operational container
 * {@code openvni-status:secrets}: it runs as its own singleton, possibly on another cluster node than the
 * controller, whose status publisher (and in-memory snapshot) it cannot reach; the datastore is shared by all
 * nodes, and the controller, which replaces {@code status} whole, never writes this container.
 */
final class BrokerSealerStore implements SealerPasses.Store {
    static final DataObjectIdentifier<Fabric> FABRIC = DataObjectIdentifier.builder(Fabric.class).build();
    static final DataObjectIdentifier<Secrets> SECRETS = DataObjectIdentifier.builder(Secrets.class).build();
    /** The longest wait for a read or a commit. */
    static final long TIMEOUT_SECONDS = 30;

    private final DataBroker broker;

    BrokerSealerStore(final DataBroker broker) {
        this.broker = broker;
    }

    @Override
    public SealerPasses.FabricTransaction begin() {
        final ReadWriteTransaction tx = broker.newReadWriteTransaction();
        return new SealerPasses.FabricTransaction() {
            @Override
            public @Nullable Fabric read() throws Exception {
                return tx.read(LogicalDatastoreType.CONFIGURATION, FABRIC).get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .orElse(null);
            }

            @Override
            public void commit(final List<Seal<?>> seals) throws Exception {
                // each whole container is put: a change to it after the read fails the commit (optimistic lock)
                seals.forEach(seal -> seal.putInto(tx));
                tx.commit().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }

            @Override
            public void cancel() {
                tx.cancel();
            }
        };
    }

    @Override
    public void publish(final SealingStatus status) throws Exception {
        final var tx = broker.newWriteOnlyTransaction();
        tx.put(LogicalDatastoreType.OPERATIONAL, SECRETS, SealingStatusModel.build(status));
        tx.commit().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** The published standing, as any cluster node reads it. */
    SealingStatus published() throws Exception {
        try (var tx = broker.newReadOnlyTransaction()) {
            return SealingStatusModel.parse(tx.read(LogicalDatastoreType.OPERATIONAL, SECRETS)
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).orElse(null));
        }
    }
}
