package io.openvni.northbound.pipeline;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import io.openvni.core.allocation.Allocations;
import io.openvni.core.compile.CompileResult;
import io.openvni.core.intent.Intent;
import io.openvni.core.preview.DevicePreview;
import io.openvni.core.preview.DevicePreviewer;
import io.openvni.core.status.DeviceStatus;
import io.openvni.core.status.SyncState;
import io.openvni.northbound.api.FabricService;
import io.openvni.northbound.api.FabricSnapshot;
import io.openvni.northbound.binding.AllocationCodec;
import io.openvni.northbound.binding.IntentCodec;
import io.openvni.northbound.secrets.SecretBox;
import io.openvni.northbound.worker.CoalescingPassRunner;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.opendaylight.aaa.encrypt.AAAEncryptionService;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.ReadTransaction;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.mdsal.singleton.api.ClusterSingletonService;
import org.opendaylight.mdsal.singleton.api.ClusterSingletonServiceProvider;
import org.opendaylight.mdsal.singleton.api.ServiceGroupIdentifier;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.Fabric;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.tenant.rev261126.Tenants;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.concepts.Registration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller: on the cluster node that owns the OpenVNI singleton, it listens to the fabric and the tenants,
 * runs every committed change through the {@link IntentPipeline} on one worker thread (rapid changes coalesce into
 * one pass over the latest data), persists allocations, and publishes the status and the desired configurations.
 */
@Component(service = FabricService.class)
public final class FabricController implements FabricService, ClusterSingletonService, AutoCloseable {
    static final DataObjectIdentifier<Fabric> FABRIC = DataObjectIdentifier.builder(Fabric.class).build();
    static final DataObjectIdentifier<Tenants> TENANTS = DataObjectIdentifier.builder(Tenants.class).build();

    private static final Logger LOG = LoggerFactory.getLogger(FabricController.class);
    private static final ServiceGroupIdentifier GROUP = new ServiceGroupIdentifier("openvni-controller");

    private final DataBroker broker;
    private final Clock clock;
    private final SecretBox secrets;
    private final DevicePreviewer previewer = new DevicePreviewer();
    private final Registration singleton;
    private volatile FabricSnapshot snapshot = FabricSnapshot.EMPTY;

    private final CoalescingPassRunner runner = new CoalescingPassRunner("openvni-controller-%d", this::pass);

    // Owned by the active singleton instance; guarded by this.
    private StatusWriter statusWriter;
    private IntentPipeline pipeline;

    @Activate
    public FabricController(@Reference final DataBroker broker,
            @Reference final ClusterSingletonServiceProvider singletons,
            @Reference final AAAEncryptionService aaa) {
        this(broker, singletons, new SecretBox(aaa), Clock.systemUTC());
    }

    FabricController(final DataBroker broker, final ClusterSingletonServiceProvider singletons,
            final SecretBox secrets, final Clock clock) {
        this.broker = broker;
        this.secrets = secrets;
        this.clock = clock;
        singleton = singletons.registerClusterSingletonService(this);
    }

    @Deactivate
    @Override
    public void close() {
        singleton.close();
        stop();
    }

    @Override
    public ServiceGroupIdentifier getIdentifier() {
        return GROUP;
    }

    @Override
    public synchronized void instantiateServiceInstance() {
        LOG.info("OpenVNI controller active on this node");
        pipeline = new IntentPipeline();
        statusWriter = new StatusWriter(broker);
        runner.start(broker, List.of(FABRIC, TENANTS));
    }

    @Override
    public ListenableFuture<?> closeServiceInstance() {
        LOG.info("OpenVNI controller no longer active on this node");
        stop();
        return Futures.immediateFuture(null);
    }

    @Override
    public FabricSnapshot snapshot() {
        return snapshot;
    }

    @Override
    public Optional<DevicePreview> preview(final String device) {
        return snapshot.compiled().device(device).map(previewer::preview);
    }

    private synchronized void stop() {
        runner.stop();
        if (statusWriter != null) {
            statusWriter.close();
            statusWriter = null;
        }
    }

    /** One pass over the latest committed data. Runs only on the worker thread. */
    private void pass() {
        try {
            final Intent intent;
            final Allocations persisted;
            // one transaction: the three containers as of the same commit
            try (var tx = broker.newReadOnlyTransaction()) {
                intent = IntentCodec.toIntent(read(tx, FABRIC).orElse(null), read(tx, TENANTS).orElse(null),
                    secrets);
                persisted = AllocationCodec.toCore(read(tx, StatusWriter.ALLOCATIONS).orElse(null));
            }
            final var step = pipeline.process(intent, persisted);
            if (step.allocationsChanged()) {
                statusWriter.writeAllocations(AllocationCodec.toStored(step.allocations()));
            }
            final var now = clock.instant();
            final var compile = step.compile();
            final var next = new FabricSnapshot(compile.fabric(), deviceStatus(snapshot.devices(), compile, now),
                now);
            snapshot = next;
            statusWriter.writeStatus(StatusModel.build(next));
            LOG.info("Processed intent: {} devices, {} recompiled, {} changed, {} removed",
                next.compiled().devices().size(), compile.recompiled().size(), compile.changed().size(),
                compile.removed().size());
        } catch (IntentPipeline.RejectedIntentException e) {
            LOG.warn("Committed intent is invalid, keeping the previous compile: {}", e.errors());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.error("Failed to process intent", e);
        }
    }

    /** Carries every device's standing over a compile: changed devices become pending at their new generation. */
    private static Map<String, DeviceStatus> deviceStatus(final Map<String, DeviceStatus> previous,
            final CompileResult compile, final Instant now) {
        final var result = new HashMap<String, DeviceStatus>();
        for (var desired : compile.fabric().devices().values()) {
            final var intent = desired.intent();
            final var old = previous.get(intent.name());
            if (old == null) {
                result.put(intent.name(), new DeviceStatus(intent.name(), intent.role(), SyncState.PENDING,
                    desired.generation(), 0, "", now));
            } else if (compile.changed().contains(intent.name())) {
                result.put(intent.name(), old.withDesiredGeneration(desired.generation(), now));
            } else {
                result.put(intent.name(), old);
            }
        }
        return result;
    }

    private static <T extends DataObject> Optional<T> read(final ReadTransaction tx,
            final DataObjectIdentifier<T> path) throws Exception {
        return tx.read(LogicalDatastoreType.CONFIGURATION, path).get(30, TimeUnit.SECONDS);
    }
}
