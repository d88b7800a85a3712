package io.openvni.metrics;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.openvni.core.allocation.AllocationKind;
import io.openvni.core.compile.DeviceRole;
import io.openvni.core.status.SyncState;
import io.openvni.northbound.api.FabricSnapshot;
import io.openvni.southbound.spi.MetricsRecorder;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * OpenVNI's meters in a Prometheus registry: what the reconciler and the drivers record as it happens (passes, their
 * latency, drift, the queue, reconnects), and what the latest status shows, read at each scrape (devices per sync
 * state, allocations per pool). Thread-safe.
 */
public final class OpenVniMeters implements MetricsRecorder {
    /** Pass latency buckets: from a read that finds nothing to do to a large rollout over a slow session. */
    private static final Duration[] PASS_BUCKETS = {
        Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120),
    };

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicInteger queueDepth = new AtomicInteger();

    /**
     * Meters over a source of status.
     *
     * @param status the latest status, read at each scrape
     */
    public OpenVniMeters(final Supplier<FabricSnapshot> status) {
        requireNonNull(status);
        Gauge.builder("openvni.reconciler.queue.depth", queueDepth, AtomicInteger::get)
            .description("Device passes queued and waiting for a worker")
            .register(registry);
        // Gauges over a Supplier hold it strongly; Gauge.builder(name, object, function) holds the object weakly,
        // and the status source the component passes in (a method reference) has no other holder: once collected,
        // such gauges read NaN.
        for (var state : SyncState.values()) {
            Gauge.builder("openvni.devices", () -> status.get().devices().values().stream()
                    .filter(device -> device.state() == state).count())
                .description("Devices per sync state")
                .tag("sync_state", state.yangName())
                .register(registry);
        }
        for (var kind : AllocationKind.values()) {
            Gauge.builder("openvni.allocations.used", () -> status.get().allocations().all().stream()
                    .filter(allocation -> allocation.kind() == kind).count())
                .description("Values allocated from each pool")
                .tag("pool", kind.yangName())
                .register(registry);
        }
        // counters that exist from the start, so that rates and increases see their first events
        for (var role : DeviceRole.values()) {
            for (var result : PassResult.values()) {
                passes(role, result);
            }
            passDuration(role);
            driftFound(role);
            driftHealed(role);
            reconnects(role);
        }
        stuckRestarts();
    }

    /** Everything, in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    /** The content type of {@link #scrape()}. */
    public static String contentType() {
        return "text/plain; version=0.0.4; charset=utf-8";
    }

    @Override
    public void passEnded(final DeviceRole role, final PassResult result, final Duration took) {
        passes(role, result).increment();
        passDuration(role).record(took);
    }

    @Override
    public void driftFound(final DeviceRole role, final boolean healed) {
        driftFound(role).increment();
        if (healed) {
            driftHealed(role).increment();
        }
    }

    @Override
    public void queueDepth(final int waiting) {
        queueDepth.set(waiting);
    }

    @Override
    public void reconnected(final DeviceRole role) {
        reconnects(role).increment();
    }

    @Override
    public void stuckConnectionRestarted() {
        stuckRestarts().increment();
    }

    private Counter passes(final DeviceRole role, final PassResult result) {
        return Counter.builder("openvni.passes")
            .description("Reconciler passes over devices, by device kind and how they ended")
            .tag("kind", kind(role)).tag("result", result.label())
            .register(registry);
    }

    private Timer passDuration(final DeviceRole role) {
        return Timer.builder("openvni.pass.duration")
            .description("How long reconciler passes take: read, diff and write")
            .tag("kind", kind(role))
            .serviceLevelObjectives(PASS_BUCKETS)
            .register(registry);
    }

    private Counter driftFound(final DeviceRole role) {
        return Counter.builder("openvni.drift.found")
            .description("Devices found no longer running a configuration they had confirmed")
            .tag("kind", kind(role))
            .register(registry);
    }

    private Counter driftHealed(final DeviceRole role) {
        return Counter.builder("openvni.drift.healed")
            .description("Drift found and written over (auto-heal, or a forced reconcile)")
            .tag("kind", kind(role))
            .register(registry);
    }

    private Counter reconnects(final DeviceRole role) {
        return Counter.builder("openvni.reconnects")
            .description("New sessions to devices that had one before")
            .tag("kind", kind(role))
            .register(registry);
    }

    private Counter stuckRestarts() {
        return Counter.builder("openvni.stuck.connection.restarts")
            .description("Leaf switch connections stuck in connecting that were started over")
            .register(registry);
    }

    private static String kind(final DeviceRole role) {
        return role.yangName();
    }
}
