package io.openvni.southbound.reconcile;

import static java.util.Objects.requireNonNull;

import io.openvni.core.compile.DesiredConfig;
import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.status.SyncState;
import io.openvni.southbound.spi.ApplyProgress;
import io.openvni.southbound.spi.ApplyResult;
import io.openvni.southbound.spi.Change;
import io.openvni.southbound.spi.DeviceDriver;
import io.openvni.southbound.spi.DeviceFailure;
import io.openvni.southbound.spi.DriverKey;
import io.openvni.southbound.spi.DriverRegistry;
import io.openvni.southbound.spi.ReadResult;
import io.openvni.southbound.spi.ReadScope;
import java.util.function.Consumer;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over one device: read what OpenVNI owns (or take what the previous pass observed, when the worker
 * trusts it), diff it against the desired intent, and write the difference if there is one and the pass may. Holds
 * no state and no locks; {@link DeviceWorker} decides when passes run and what their outcome means for the
 * device's standing.
 *
 * @param desired what the device should run
 * @param lastApplied what was last applied to it, if known
 * @param observed what the previous pass observed on the device, to be used instead of a read if its driver says
 *                 it is still current; {@code null} to read
 * @param confirmed whether the desired generation was already confirmed on the device, so that any difference now
 *                  is drift rather than a change still to roll out
 * @param heal whether drift may be written over
 */
record Pass(DesiredConfig desired, @Nullable DeviceIntent lastApplied, @Nullable Observation observed,
        boolean confirmed, boolean heal) {
    private static final Logger LOG = LoggerFactory.getLogger(Pass.class);

    Pass {
        requireNonNull(desired);
    }

    /**
     * Runs the pass.
     *
     * @param drivers where to find the device's driver
     * @param driftSeen told the diff text when drift is found and about to be healed, before the write
     * @param progress told the phases of the pass
     * @param fence asked right before a write
     * @return how the pass ended
     */
    @SuppressWarnings("checkstyle:IllegalCatch") // a driver bug must fail this device's pass, not its worker
    PassOutcome run(final DriverRegistry drivers, final Consumer<String> driftSeen, final ApplyProgress progress,
            final WriteFence fence) {
        final var intent = desired.intent();
        final var driver = drivers.driverFor(intent);
        if (driver.isEmpty()) {
            return new PassOutcome.NoDriver(DriverKey.of(intent));
        }
        try {
            return run(driver.orElseThrow(), driftSeen, progress, fence);
        } catch (RuntimeException e) {
            // the SPI reports device trouble as results, so this is a driver bug: report it, retry like a rejection
            LOG.warn("{}: driver failed", intent.name(), e);
            return new PassOutcome.Failed(SyncState.FAILED, "driver error: " + e);
        }
    }

    private <C, X extends Change> PassOutcome run(final DeviceDriver<C, X> driver, final Consumer<String> driftSeen,
            final ApplyProgress progress, final WriteFence fence) {
        final var known = observed == null ? null : observed.of(driver, desired.intent().name());
        if (known != null) {
            return converge(driver, known, driftSeen, progress, fence);
        }
        progress.report("reading", 0, 0);
        return switch (driver.readOwned(new ReadScope(desired.intent(), lastApplied))) {
            case ReadResult.Failed<C> failed -> failure("read", failed.failure());
            case ReadResult.Current<C> current -> converge(driver, current.config(), driftSeen, progress, fence);
        };
    }

    private <C, X extends Change> PassOutcome converge(final DeviceDriver<C, X> driver, final C current,
            final Consumer<String> driftSeen, final ApplyProgress progress, final WriteFence fence) {
        final var intent = desired.intent();
        progress.report("diffing", 0, 0);
        final var changes = driver.diff(current, intent);
        if (changes.isEmpty()) {
            return new PassOutcome.InSync(desired.generation(), intent, false, new Observation(driver, current));
        }
        if (confirmed) {
            final var diff = changes.describe();
            LOG.info("{}: drifted from generation {} ({} changes){}", intent.name(), desired.generation(),
                changes.changes().size(), heal ? ", healing" : "");
            if (!heal) {
                return new PassOutcome.Drifted(diff);
            }
            driftSeen.accept(diff);
        }
        // the driver reports its own phases from here; until it does, status shows the write as a whole (also
        // while the fence holds it)
        progress.report("writing", 0, changes.changes().size());
        final var fenced = fenced(fence);
        if (fenced != null) {
            LOG.info("{}: not writing generation {}: {}", intent.name(), desired.generation(), fenced);
            return new PassOutcome.Failed(SyncState.PENDING, fenced);
        }
        // one line per write, naming every change: the audit trail of what OpenVNI did to a device
        LOG.info("{}: applying generation {}: {}", intent.name(), desired.generation(),
            changes.describe().replace("\n", "; "));
        return switch (driver.apply(intent, changes, progress)) {
            case ApplyResult.Applied<C> applied -> new PassOutcome.InSync(desired.generation(), intent, true,
                applied.state().map(state -> new Observation(driver, state)).orElse(null));
            case ApplyResult.Failed<C> failed -> failure("apply", failed.failure());
        };
    }

    private static @Nullable String fenced(final WriteFence fence) {
        try {
            return fence.awaitWrite();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while waiting to write";
        }
    }

    /**
     * A failed read or apply: {@code unreachable} only when the device did not answer, {@code failed} when it
     * answered and refused, in both cases with the driver's text, which is never left empty in status.
     */
    private PassOutcome failure(final String step, final DeviceFailure failure) {
        final var text = failure.text().isBlank() ? step + " failed; the driver gave no reason" : failure.text();
        LOG.info("{}: {} of generation {} failed: {}", desired.intent().name(), step, desired.generation(), text);
        return switch (failure) {
            case DeviceFailure.Rejected rejected -> new PassOutcome.Failed(SyncState.FAILED, text);
            case DeviceFailure.Unreachable unreachable -> new PassOutcome.Failed(SyncState.UNREACHABLE, text);
        };
    }

    /**
     * What a pass saw on a device, and which driver saw it: the next pass may diff against it instead of reading,
     * if the same driver says the device's session is still the one it was seen in.
     *
     * @param driver the driver that returned it
     * @param config the driver's configuration model, as {@code driver} returned it
     */
    record Observation(DeviceDriver<?, ?> driver, Object config) {
        Observation {
            requireNonNull(driver);
            requireNonNull(config);
        }

        // The cast is safe: config came from this very driver instance, whose configuration type is C.
        @SuppressWarnings("unchecked")
        <C> @Nullable C of(final DeviceDriver<C, ?> current, final String device) {
            if (driver != current) {
                return null;
            }
            final var typed = (C) config;
            return current.stillCurrent(typed, device) ? typed : null;
        }
    }
}
