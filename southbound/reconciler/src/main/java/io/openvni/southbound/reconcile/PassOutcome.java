package io.openvni.southbound.reconcile;

import static java.util.Objects.requireNonNull;

import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.status.SyncState;
import io.openvni.southbound.spi.DriverKey;
import io.openvni.southbound.spi.MetricsRecorder;
import org.eclipse.jdt.annotation.Nullable;

/**
 * How one pass over a device ended.
 */
sealed interface PassOutcome {
    /** How the metrics count a pass that ended so. */
    default MetricsRecorder.PassResult metricsResult() {
        return switch (this) {
            case InSync inSync -> inSync.wrote() ? MetricsRecorder.PassResult.APPLIED
                : MetricsRecorder.PassResult.IN_SYNC;
            case Drifted drifted -> MetricsRecorder.PassResult.DRIFTED;
            case Failed failed -> switch (failed.state()) {
                case UNREACHABLE -> MetricsRecorder.PassResult.UNREACHABLE;
                case PENDING -> MetricsRecorder.PassResult.FENCED;
                default -> MetricsRecorder.PassResult.FAILED;
            };
            case NoDriver noDriver -> MetricsRecorder.PassResult.NO_DRIVER;
        };
    }

    /**
     * The device runs the intent of a generation: it already did (empty diff) or took the changes.
     *
     * @param generation the generation the pass worked on
     * @param intent its intent, now the device's last applied intent
     * @param wrote whether the pass wrote to the device
     * @param observed what the device runs now, as its driver read it or knows it after the apply; {@code null}
     *                 when only a new read can tell
     */
    record InSync(long generation, DeviceIntent intent, boolean wrote, Pass.@Nullable Observation observed)
            implements PassOutcome {
        public InSync {
            requireNonNull(intent);
        }
    }

    /**
     * The device no longer runs an applied generation, and the pass was not allowed to heal it.
     *
     * @param diff what differs, readable
     */
    record Drifted(String diff) implements PassOutcome {
        public Drifted {
            requireNonNull(diff);
        }
    }

    /**
     * The device could not be read or did not take the changes; retried after a backoff.
     *
     * @param state {@link SyncState#FAILED} or {@link SyncState#UNREACHABLE}, or {@link SyncState#PENDING} when the
     *              {@link WriteFence} kept the pass from writing
     * @param error the device's own error text, or the reason
     */
    record Failed(SyncState state, String error) implements PassOutcome {
        public Failed {
            requireNonNull(state);
            requireNonNull(error);
        }
    }

    /**
     * No driver is registered for the device's kind: nothing was done.
     *
     * @param key the kind of driver the device needs
     */
    record NoDriver(DriverKey key) implements PassOutcome {
        public NoDriver {
            requireNonNull(key);
        }
    }
}
