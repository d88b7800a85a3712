package io.openvni.southbound.spi;

import io.openvni.core.compile.DeviceRole;
import java.time.Duration;

/**
 * Where the reconciler and the drivers report what happens to devices, for monitoring: passes and their latency,
 * drift, the queue of passes waiting for a worker, reconnects. Implementations must return at once and never throw:
 * they are called from the reconciler's workers, with a device's lock held. The default methods record nothing, so
 * that the reconciler and the drivers need no monitoring system; the ODL adapter counts these in a Prometheus
 * registry.
 */
public interface MetricsRecorder {
    /** Records nothing. */
    MetricsRecorder NONE = new MetricsRecorder() {
        // nothing recorded
    };

    /** How a pass over a device ended. */
    enum PassResult {
        /** The device already ran the desired configuration: nothing written. */
        IN_SYNC("in-sync"),
        /** The difference was written. */
        APPLIED("applied"),
        /** Drift was found and left alone (auto-heal off). */
        DRIFTED("drifted"),
        /** The device answered and refused, or the driver failed. */
        FAILED("failed"),
        /** The device did not answer. */
        UNREACHABLE("unreachable"),
        /**
         * The controller could not write to the device: its cluster member does not hold the write lease (just
         * took the controller over, or is cut off from the cluster's majority). Says nothing of the device.
         */
        FENCED("fenced"),
        /** No driver for the device's kind. */
        NO_DRIVER("no-driver");

        private final String label;

        PassResult(final String label) {
            this.label = label;
        }

        /** The name monitoring shows. */
        public String label() {
            return label;
        }
    }

    /**
     * A pass over a device ended.
     *
     * @param role the device's kind
     * @param result how it ended
     * @param took how long it took, reading, diffing and writing
     */
    default void passEnded(final DeviceRole role, final PassResult result, final Duration took) {
        // nothing by default
    }

    /**
     * A pass found the device no longer running a configuration it had confirmed.
     *
     * @param role the device's kind
     * @param healed whether the pass writes over it (auto-heal, or a forced pass)
     */
    default void driftFound(final DeviceRole role, final boolean healed) {
        // nothing by default
    }

    /**
     * The number of devices whose pass waits for a worker changed.
     *
     * @param waiting passes queued and not yet started
     */
    default void queueDepth(final int waiting) {
        // nothing by default
    }

    /**
     * A driver opened a new session to a device that had one before (a reconnect).
     *
     * @param role the device's kind
     */
    default void reconnected(final DeviceRole role) {
        // nothing by default
    }

    /** A device connection that stayed in connecting too long was started over. */
    default void stuckConnectionRestarted() {
        // nothing by default
    }
}
