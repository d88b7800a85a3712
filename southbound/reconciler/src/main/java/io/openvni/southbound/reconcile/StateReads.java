package io.openvni.southbound.reconcile;

import io.openvni.core.compile.DesiredConfig;
import io.openvni.core.compile.DeviceIntent;
import io.openvni.southbound.spi.DeviceFailure;
import io.openvni.southbound.spi.DeviceStateReader;
import io.openvni.southbound.spi.DeviceStateReader.StateResult;
import io.openvni.southbound.spi.DriverRegistry;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads of a device's operational state, for drivers that are a {@link DeviceStateReader}. When and whether a
 * read runs is its {@link DeviceWorker}'s decision.
 */
final class StateReads {
    private static final Logger LOG = LoggerFactory.getLogger(StateReads.class);

    private StateReads() {
        // static helpers
    }

    /** The reader of a device's driver, or {@code null} when its driver cannot read operational state. */
    static @Nullable DeviceStateReader readerFor(final DriverRegistry drivers, final DesiredConfig config) {
        return drivers.driverFor(config.intent()).orElse(null) instanceof DeviceStateReader reader ? reader : null;
    }

    /** Reads the state; a driver bug fails this read, reported like a refusal, not the device's worker. */
    @SuppressWarnings("checkstyle:IllegalCatch")
    static StateResult read(final DeviceStateReader reader, final DeviceIntent intent) {
        try {
            return reader.readState(intent);
        } catch (RuntimeException e) {
            LOG.warn("{}: reading its operational state failed", intent.name(), e);
            return new StateResult.Failed(new DeviceFailure.Rejected("driver error: " + e));
        }
    }

    /** What a read skipped because the last pass did not reach the device reports. */
    static StateResult skipped(final String passError) {
        return new StateResult.Failed(new DeviceFailure.Unreachable(
            "not read while the device is unreachable: " + passError));
    }
}
