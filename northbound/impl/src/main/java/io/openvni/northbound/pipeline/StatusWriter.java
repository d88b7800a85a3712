package io.openvni.northbound.pipeline;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import io.openvni.core.compile.KnownGenerations;
import io.openvni.northbound.binding.GenerationCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.WriteTransaction;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.Allocations;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.Generations;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.generations.Applied;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.generations.AppliedKey;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.generations.Desired;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.generations.DesiredKey;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.Status;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.Controller;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.Device;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.DeviceKey;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.Tenant;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.types.rev261126.DeviceName;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;

/**
 * Writes what the controller publishes to the datastore: the operational status, whole or in parts, and what is
 * persisted in the configuration datastore so that it survives restarts: the allocations, every device's desired
 * generation and, with the status write that shows it, the generation each device last confirmed applied. Every
 * write is one transaction; nothing here waits without a bound.
 */
final class StatusWriter implements StatusPublisher.Sink {
    static final DataObjectIdentifier<Status> STATUS = DataObjectIdentifier.builder(Status.class).build();
    static final DataObjectIdentifier<Allocations> ALLOCATIONS = DataObjectIdentifier.builder(Allocations.class)
        .build();
    /** The longest wait for the allocations to be committed. */
    static final Duration ALLOCATIONS_TIMEOUT = Duration.ofSeconds(30);
    static final DataObjectIdentifier<Generations> GENERATIONS = DataObjectIdentifier.builder(Generations.class)
        .build();

    private final DataBroker broker;
    // the applied generation of each device as committed to the configuration datastore
    private final Map<String, Long> persistedApplied = new ConcurrentHashMap<>();

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

    /**
     * Reads the persisted generations, and remembers the applied ones as written.
     *
     * @throws TimeoutException if the read did not finish within {@link #ALLOCATIONS_TIMEOUT}
     * @throws ExecutionException if the read failed
     * @throws InterruptedException if interrupted while waiting
     */
    PersistedGenerations readGenerations() throws TimeoutException, ExecutionException, InterruptedException {
        try (var tx = broker.newReadOnlyTransaction()) {
            final var stored = tx.read(LogicalDatastoreType.CONFIGURATION, GENERATIONS)
                .get(ALLOCATIONS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).orElse(null);
            final var applied = GenerationCodec.applied(stored);
            persistedApplied.putAll(applied);
            return new PersistedGenerations(GenerationCodec.desired(stored), applied);
        }
    }

    /**
     * Persists the desired generations that differ from {@code before} and deletes the generations of devices
     * gone, waiting for the commit: the reconciler must never work on a generation a restart could hand out again.
     *
     * @throws TimeoutException if the commit did not finish within {@link #ALLOCATIONS_TIMEOUT}
     * @throws ExecutionException if the commit failed
     * @throws InterruptedException if interrupted while waiting
     */
    void writeGenerations(final KnownGenerations before, final KnownGenerations after)
            throws TimeoutException, ExecutionException, InterruptedException {
        final var tx = broker.newWriteOnlyTransaction();
        final var changed = new HashMap<>(after.devices());
        changed.entrySet().removeIf(entry -> entry.getValue().equals(before.devices().get(entry.getKey())));
        GenerationCodec.toStored(new KnownGenerations(changed)).values().forEach(entry ->
            tx.mergeParentStructurePut(LogicalDatastoreType.CONFIGURATION,
                GENERATIONS.toBuilder().child(Desired.class, entry.key()).build(), entry));
        final var gone = new HashSet<>(before.devices().keySet());
        gone.removeAll(after.devices().keySet());
        for (var device : gone) {
            final var name = new DeviceName(device);
            tx.delete(LogicalDatastoreType.CONFIGURATION,
                GENERATIONS.toBuilder().child(Desired.class, new DesiredKey(name)).build());
            tx.delete(LogicalDatastoreType.CONFIGURATION,
                GENERATIONS.toBuilder().child(Applied.class, new AppliedKey(name)).build());
        }
        tx.commit().get(ALLOCATIONS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        gone.forEach(persistedApplied::remove);
    }

    @Override
    public ListenableFuture<?> write(final StatusWrite write) {
        final Collection<Device> devices = switch (write) {
            case StatusWrite.Whole whole -> whole.status().nonnullDevice().values();
            case StatusWrite.Parts parts -> parts.devices();
        };
        // a transaction is bound to one datastore: the applied generations (configuration) go in one of their own
        final var appliedTx = broker.newWriteOnlyTransaction();
        final var applied = persistApplied(appliedTx, devices);
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
        final List<ListenableFuture<?>> commits = new ArrayList<>();
        if (applied.isEmpty()) {
            appliedTx.cancel();
        } else {
            commits.add(appliedTx.commit());
        }
        commits.add(tx.commit());
        final ListenableFuture<?> commit = Futures.allAsList(commits);
        if (!applied.isEmpty()) {
            Futures.addCallback(commit, new FutureCallback<Object>() {
                @Override
                public void onSuccess(final Object result) {
                    persistedApplied.putAll(applied);
                }

                @Override
                public void onFailure(final Throwable cause) {
                    // the publisher retries with the whole status, which carries these again
                }
            }, MoreExecutors.directExecutor());
        }
        return commit;
    }

    /**
     * Adds to a transaction the applied generations a status write shows that are not persisted yet: status is where
     * they are confirmed, so they are persisted with it and a failed write of either retries both.
     */
    private Map<String, Long> persistApplied(final WriteTransaction tx, final Collection<Device> devices) {
        final var applied = new HashMap<String, Long>();
        for (var device : devices) {
            final var generation = device.getAppliedGeneration();
            final var name = device.getName().getValue();
            if (generation != null && generation.longValue() > 0
                    && !Long.valueOf(generation.longValue()).equals(persistedApplied.get(name))) {
                applied.put(name, generation.longValue());
                final var entry = GenerationCodec.applied(name, generation.longValue());
                tx.mergeParentStructurePut(LogicalDatastoreType.CONFIGURATION,
                    GENERATIONS.toBuilder().child(Applied.class, entry.key()).build(), entry);
            }
        }
        return applied;
    }

    /**
     * The generations persisted by an earlier controller.
     *
     * @param desired every device's desired generation
     * @param applied every device's applied generation
     */
    record PersistedGenerations(KnownGenerations desired, Map<String, Long> applied) {
        PersistedGenerations {
            applied = Map.copyOf(applied);
        }
    }
}
