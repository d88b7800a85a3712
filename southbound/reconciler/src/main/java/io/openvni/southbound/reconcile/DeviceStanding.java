package io.openvni.southbound.reconcile;

import static java.util.Objects.requireNonNull;

import io.openvni.core.compile.DesiredConfig;
import io.openvni.core.status.DeviceStatus;
import io.openvni.core.status.PassProgress;
import io.openvni.core.status.SyncState;
import java.time.Clock;
import java.util.function.Consumer;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the status listener was last told of one device: its standing ({@link DeviceStatus}) and the progress of
 * its running pass. Not thread-safe: guarded by its {@link DeviceWorker}'s lock, which publishes under that lock so
 * that a device's statuses reach the listener in order.
 */
final class DeviceStanding {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceStanding.class);

    private final String name;
    private final StatusListener listener;
    private final Clock clock;
    private @Nullable DeviceStatus status;
    // where the running pass stands, as last shown
    private @Nullable PassProgress progress;

    DeviceStanding(final String name, final StatusListener listener, final Clock clock) {
        this.name = requireNonNull(name);
        this.listener = requireNonNull(listener);
        this.clock = requireNonNull(clock);
    }

    /** The standing last published, or null before the first. */
    @Nullable DeviceStatus status() {
        return status;
    }

    /** The standing last published; there must be one. */
    DeviceStatus current() {
        return requireNonNull(status);
    }

    /**
     * Publishes the device's standing if it changed. The time of the last change moves only when the state or a
     * generation does, not when only the error text does.
     */
    void publish(final DesiredConfig config, final SyncState state, final long appliedGeneration,
            final String lastError) {
        final var old = status;
        final boolean moved = old == null || old.state() != state || old.appliedGeneration() != appliedGeneration
            || old.desiredGeneration() != config.generation();
        final var next = new DeviceStatus(name, config.intent().role(), state, config.generation(),
            appliedGeneration, lastError, moved ? clock.instant() : old.lastChange());
        if (next.equals(old)) {
            return;
        }
        status = next;
        tell(call -> call.onStatus(next));
    }

    /** Publishes that the device no longer runs what it last applied, and what differs. */
    void drifted(final DesiredConfig config, final String diff) {
        final long applied = current().appliedGeneration();
        publish(config, SyncState.DRIFTED, applied, "configuration changed on the device since generation " + applied
            + ":\n" + diff);
    }

    /** Shows where the running pass stands. */
    void progressed(final PassProgress next) {
        progress = next;
        tell(call -> call.onProgress(name, next));
    }

    /** The pass ended: the progress it showed, if any, goes. */
    void passEnded() {
        if (progress != null) {
            progress = null;
            tell(call -> call.onProgress(name, null));
        }
    }

    @SuppressWarnings("checkstyle:IllegalCatch") // a listener bug must not stop the device's reconciliation
    void tell(final Consumer<StatusListener> call) {
        try {
            call.accept(listener);
        } catch (RuntimeException e) {
            LOG.warn("{}: status listener failed", name, e);
        }
    }
}
