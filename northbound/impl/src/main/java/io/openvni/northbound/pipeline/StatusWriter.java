package io.openvni.northbound.pipeline;

import com.google.common.util.concurrent.ListenableFuture;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.Allocations;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.Status;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.Controller;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.Device;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.DeviceKey;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.Tenant;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.types.rev261126.DeviceName;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;

/**
 * Writes what the controller publishes to the datastore: the operational status, whole or in parts, and the
 * persisted allocations. Every write is one transaction; nothing here waits without a bound.
 */
final class StatusWriter implements StatusPublisher.Sink {
    static final DataObjectIdentifier<Status> STATUS = DataObjectIdentifier.builder(Status.class).build();
    static final DataObjectIdentifier<Allocations> ALLOCATIONS = DataObjectIdentifier.builder(Allocations.class)
        .build();
    /** The longest wait for the allocations to be committed. */
    static final Duration ALLOCATIONS_TIMEOUT = Duration.ofSeconds(30);

    private final DataBroker broker;

    StatusWriter(final DataBroker broker) {
        this.broker = broker;
    }

    /**
     * Persists the allocations and waits for the commit, so that a crash cannot lose handed-out values.
     *
     * @throws TimeoutException if the commit did not finish within {@link #ALLOCATIONS_TIMEOUT}
     * @throws ExecutionException if the commit failed
     * @throws InterruptedException if interrupted while waiting
     */
    void writeAllocations(final Allocations allocations)
            throws TimeoutException, ExecutionException, InterruptedException {
        final var tx = broker.newWriteOnlyTransaction();
        tx.put(LogicalDatastoreType.CONFIGURATION, ALLOCATIONS, allocations);
        tx.commit().get(ALLOCATIONS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public ListenableFuture<?> write(final StatusWrite write) {
        final var tx = broker.newWriteOnlyTransaction();
        switch (write) {
            case StatusWrite.Whole whole -> tx.put(LogicalDatastoreType.OPERATIONAL, STATUS, whole.status());
            case StatusWrite.Parts parts -> {
                // parents are created if missing, so that parts never fail for want of the container
                parts.devices().forEach(device -> tx.mergeParentStructurePut(LogicalDatastoreType.OPERATIONAL,
                    STATUS.toBuilder().child(Device.class, device.key()).build(), device));
                parts.removedDevices().forEach(name -> tx.delete(LogicalDatastoreType.OPERATIONAL,
                    STATUS.toBuilder().child(Device.class, new DeviceKey(new DeviceName(name))).build()));
                parts.tenants().forEach(tenant -> tx.mergeParentStructurePut(LogicalDatastoreType.OPERATIONAL,
                    STATUS.toBuilder().child(Tenant.class, tenant.key()).build(), tenant));
                final var controller = parts.controller();
                if (controller != null) {
                    tx.mergeParentStructurePut(LogicalDatastoreType.OPERATIONAL,
                        STATUS.toBuilder().child(Controller.class).build(), controller);
                }
            }
        }
        return tx.commit();
    }
}
