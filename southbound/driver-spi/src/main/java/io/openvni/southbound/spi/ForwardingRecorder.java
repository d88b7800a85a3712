package io.openvni.southbound.spi;

import static java.util.Objects.requireNonNull;

import io.openvni.core.compile.DeviceRole;
import java.time.Duration;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The {@link MetricsRecorder} of the moment: forwards to the recorder last set, {@link MetricsRecorder#NONE} while
 * there is none. In the controller it is one component that holds the monitoring service (the Prometheus endpoint)
 * as it comes and goes; the components that report metrics take it at their start, so that what they started (a
 * reconciler, SSH sessions) outlives the endpoint's restarts and runs without the metrics bundle. It is offered as
 * this class only, never as a {@link MetricsRecorder}, so it never forwards to itself. Thread-safe.
 */
@Component(service = ForwardingRecorder.class)
public final class ForwardingRecorder implements MetricsRecorder {
    private volatile MetricsRecorder target = NONE;

    /**
     * Forwards to a recorder from now on.
     *
     * @param recorder the recorder
     */
    @Reference(name = "recorder", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY, unbind = "unset")
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
