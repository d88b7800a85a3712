package io.openvni.northbound.pipeline;

import io.openvni.core.compile.KnownGenerations;
import io.openvni.core.pipeline.IntentPipeline;
import io.openvni.core.preview.DevicePreview;
import io.openvni.core.preview.DevicePreviewer;
import io.openvni.core.validation.ValidationReport;
import io.openvni.northbound.api.FabricService;
import io.openvni.northbound.api.FabricSnapshot;
import io.openvni.northbound.binding.AllocationCodec;
import io.openvni.northbound.binding.DecodedIntents;
import io.openvni.northbound.config.ControllerConfiguration;
import io.openvni.northbound.config.ControllerSettings;
import io.openvni.northbound.reconcile.DatastoreLease;
import io.openvni.northbound.reconcile.DeviceReconciliation;
import io.openvni.odl.ClusterSingleton;
import io.openvni.odl.CoalescingPassRunner;
import io.openvni.southbound.reconcile.DriftReport;
import io.openvni.southbound.spi.DeviceDriver;
import io.openvni.southbound.spi.DeviceSessions;
import io.openvni.southbound.spi.DriverRegistry;
import io.openvni.southbound.spi.ForwardingRecorder;
import io.openvni.southbound.spi.MetricsRecorder;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.singleton.api.ClusterSingletonServiceProvider;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.Fabric;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.tenant.rev261126.Tenants;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller: on the cluster node that owns the OpenVNI singleton, it listens to the fabric and the tenants,
 * runs every committed change through the {@link IntentPipeline} on one worker thread (rapid changes coalesce into
 * one pass over the latest data), persists allocations, publishes the fabric it took in ({@link PublishedFabric})
 * and hands the desired configurations to the reconciler. The change comes decoded and validated from
 * {@link DecodedIntents}, which did both when the validation cohort admitted it. Status flows one way: the
 * reconciler and this controller report to the {@link StatusPublisher}, which alone writes {@code openvni-status}.
 * A pass that fails (a stored intent that no longer validates, a datastore that does not answer) keeps the
 * previous compile, is retried with backoff and shows in {@code status/controller}.
 */
@Component(service = FabricService.class, configurationPid = ControllerConfiguration.PID)
@Designate(ocd = ControllerConfiguration.class)
public final class FabricController implements FabricService, AutoCloseable {
    static final DataObjectIdentifier<Fabric> FABRIC = DataObjectIdentifier.builder(Fabric.class).build();
    static final DataObjectIdentifier<Tenants> TENANTS = DataObjectIdentifier.builder(Tenants.class).build();

    private static final Logger LOG = LoggerFactory.getLogger(FabricController.class);

    private final DataBroker broker;
    private final Clock clock;
    private final DecodedIntents intents;
    private final PublishedFabric published;
    private final DevicePreviewer previewer = new DevicePreviewer();
    private final ClusterSingleton singleton;
    private final RandomGenerator random = RandomGenerator.of("L64X128MixRandom");

    private final CoalescingPassRunner runner = new CoalescingPassRunner("openvni-controller-%d", this::pass);
    private final DriverRegistry drivers;
    private final ControllerSettings tuning;
    private final StatusPublisher publisher;
    /** Monitoring: the recorder of the moment, which forwards to the Prometheus endpoint while there is one. */
    private final MetricsRecorder metrics;
    // devices the drivers opened a session to: retried at once if they were unreachable
    private final DeviceSessions.Watch sessionWatch;

    // Owned by the active singleton instance; guarded by this.
    private StatusWriter statusWriter;
    private DeviceReconciliation reconciliation;
    // worker thread only: created by the first pass from the persisted generations
    private @Nullable IntentPipeline pipeline;
    private KnownGenerations persistedGenerations = KnownGenerations.NONE;
    private volatile Map<String, Long> persistedApplied = Map.of();

    /**
     * The controller, with the device drivers registered as OSGi services; each carries its
     * {@value DriverServices#KEY_PROPERTY} property ({@code leaf-switch/openconfig}, {@code node-router/frr}), and
     * the operator's settings from {@code etc/io.openvni.controller.cfg}.
     */
    @Activate
    public FabricController(@Reference final DataBroker broker,
            @Reference final ClusterSingletonServiceProvider singletons,
            @Reference final DecodedIntents intents, @Reference final PublishedFabric published,
            @Reference(service = DeviceDriver.class, cardinality = ReferenceCardinality.MULTIPLE,
                policyOption = ReferencePolicyOption.GREEDY)
            final List<Map.Entry<Map<String, ?>, DeviceDriver<?, ?>>> driverServices,
            @Reference final ForwardingRecorder metrics, @Reference final DeviceSessions sessions,
            final ControllerConfiguration config) {
        this(broker, singletons, intents, published, DriverServices.registry(driverServices), metrics, sessions,
            Clock.systemUTC(), ControllerSettings.of(config));
    }

    FabricController(final DataBroker broker, final ClusterSingletonServiceProvider singletons,
            final DecodedIntents intents, final PublishedFabric published, final DriverRegistry drivers,
            final MetricsRecorder metrics, final DeviceSessions sessions, final Clock clock,
            final ControllerSettings tuning) {
        this.broker = broker;
        this.metrics = metrics;
        this.intents = intents;
        this.published = published;
        this.clock = clock;
        this.drivers = drivers;
        this.tuning = tuning;
        publisher = new StatusPublisher(StatusPublisher.Timing.withRetry(tuning.backoff()), clock, random);
        singleton = new ClusterSingleton(singletons, ClusterSingleton.CONTROLLER_GROUP, "controller", this::start,
            this::stop);
        sessionWatch = sessions.watch(this::sessionOpened);
    }

    @Deactivate
    @Override
    public void close() {
        sessionWatch.close();
        singleton.close();
    }

    private void sessionOpened(final String device) {
        final var active = reconciliation();
        if (active != null) {
            active.sessionOpened(device);
        }
    }

    private synchronized void start() {
        pipeline = null;
        persistedApplied = Map.of();
        statusWriter = new StatusWriter(broker);
        publisher.start(statusWriter);
        reconciliation = new DeviceReconciliation(drivers, publisher, tuning, this::lastApplied, metrics,
            new DatastoreLease(broker, clock));
        runner.start(broker, List.of(FABRIC, TENANTS));
    }

    @Override
    public FabricSnapshot snapshot() {
        return publisher.snapshot();
    }

    @Override
    public Optional<DevicePreview> preview(final String device) {
        return publisher.snapshot().compiled().device(device).map(previewer::preview);
    }

    @Override
    public Map<String, CompletableFuture<DriftReport>> checkDrift(final @Nullable String device) {
        final var active = reconciliation();
        return active == null ? Map.of() : active.checkDrift(device);
    }

    @Override
    public List<String> reconcile(final @Nullable String device) {
        final var active = reconciliation();
        return active == null ? List.of() : active.reconcile(device);
    }

    /**
     * The generation a device last confirmed applied, for a reconciler that starts afresh: as this controller saw
     * it, or as an earlier one persisted it.
     */
    private long lastApplied(final String device) {
        final var shown = publisher.snapshot().devices().get(device);
        return Math.max(shown == null ? 0 : shown.appliedGeneration(), persistedApplied.getOrDefault(device, 0L));
    }

    private synchronized @Nullable DeviceReconciliation reconciliation() {
        return reconciliation;
    }

    private void stop() {
        // without this lock: the pass runner.stop() waits for may need it to finish
        runner.stop();
        published.withdraw();
        final DeviceReconciliation last;
        synchronized (this) {
            last = reconciliation;
            reconciliation = null;
            statusWriter = null;
        }
        if (last != null) {
            last.close();
        }
        publisher.stop();
    }

    /** One pass over the latest committed data. Runs only on the worker thread. */
    @SuppressWarnings("checkstyle:IllegalCatch") // any failure of a pass is retried and shown, never lost
    private void pass() {
        final DeviceReconciliation target;
        final StatusWriter writer;
        synchronized (this) {
            target = reconciliation;
            writer = statusWriter;
        }
        if (target == null || writer == null) {
            LOG.debug("Controller no longer active, pass skipped");
            return;
        }
        try {
            final var decoded = intents.committed();
            final var intent = decoded.intent();
            final var step = pipeline(writer).process(intent, decoded.persisted(), decoded.outcome());
            if (step.allocationsChanged()) {
                writer.writeAllocations(AllocationCodec.toStored(step.allocations()));
            }
            if (!step.generations().equals(persistedGenerations)) {
                writer.writeGenerations(persistedGenerations, step.generations());
                persistedGenerations = step.generations();
            }
            final var compile = step.compile();
            // the publisher shows each device pending at its new generation until the reconciler reports
            publisher.processed(compile.fabric(), clock.instant());
            // before the reconciler's passes: drivers reach devices by what it says (node routers' SSH access)
            published.publish(intent.fabric());
            target.update(intent.fabric(), compile.fabric().devices().values());
            LOG.info("Processed intent: {} devices, {} recompiled, {} changed, {} removed",
                compile.fabric().devices().size(), compile.recompiled().size(), compile.changed().size(),
                compile.removed().size());
        } catch (IntentPipeline.RejectedIntentException e) {
            failed("the stored intent does not validate, the previous compile stays in force: "
                + ValidationReport.of(e.errors()).message(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failed("processing the stored intent failed, the previous compile stays in force: " + e, e);
        }
    }

    /**
     * The pipeline, created by the first pass of this controller from the generations an earlier one persisted, so
     * that generations continue rather than start again at 1.
     */
    private IntentPipeline pipeline(final StatusWriter writer)
            throws TimeoutException, ExecutionException, InterruptedException {
        var current = pipeline;
        if (current == null) {
            final var persisted = writer.readGenerations();
            persistedGenerations = persisted.desired();
            persistedApplied = persisted.applied();
            current = new IntentPipeline(persisted.desired());
            pipeline = current;
        }
        return current;
    }

    /** Shows why the pass failed and retries it with backoff; a repeated failure is logged once. */
    private void failed(final String error, final @Nullable Exception cause) {
        final var before = publisher.controller();
        final var delay = tuning.backoff().delay(before.failedPasses() + 1, random);
        if (error.equals(before.lastError())) {
            LOG.debug("Pass failed again ({} in a row), retrying in {} ms: {}", before.failedPasses() + 1,
                delay.toMillis(), error);
        } else {
            LOG.warn("Pass failed, retrying in {} ms: {}", delay.toMillis(), error, cause);
        }
        publisher.passFailed(error, clock.instant().plus(delay));
        runner.schedulePass(delay);
    }
}
