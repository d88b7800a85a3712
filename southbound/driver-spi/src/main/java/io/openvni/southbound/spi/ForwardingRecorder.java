package io.openvni.southbound.spi;

import static java.util.Objects.requireNonNull;

import io.openvni.core.compile.DeviceRole;
import java.time.Duration;

/**
 * The {@link MetricsRecorder} of the moment: forwards to the recorder last set, {@link MetricsRecorder#NONE} while
 * there is none. Components that report metrics hold one from their start and set the monitoring service into it as
 * it comes and goes, so that what they started (a reconciler, SSH sessions) outlives the endpoint's restarts.
 * Thread-safe.
 */
public final class ForwardingRecorder implements MetricsRecorder {
    private volatile MetricsRecorder target = NONE;

    /**
     * Forwards to a recorder from now on.
     *
     * @param recorder the recorder
     */
    public void set(final MetricsRecorder recorder) {
        target = requireNonNull(recorder);
    }

    /**
     * Stops forwarding to a recorder, if it is the one set.
     *
     * @param recorder the recorder that goes
     */
    public void unset(final MetricsRecorder recorder) {
        if (target == recorder) {
            target = NONE;
        }
    }

    @Override
    public void passEnded(final DeviceRole role, final PassResult result, final Duration took) {
        target.passEnded(role, result, took);
    }

    @Override
    public void driftFound(final DeviceRole role, final boolean healed) {
        target.driftFound(role, healed);
    }

    @Override
    public void queueDepth(final int waiting) {
        target.queueDepth(waiting);
    }

    @Override
    public void reconnected(final DeviceRole role) {
        target.reconnected(role);
    }

    @Override
    public void stuckConnectionRestarted() {
        target.stuckConnectionRestarted();
    }
}
