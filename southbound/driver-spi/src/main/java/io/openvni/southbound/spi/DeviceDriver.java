package io.openvni.southbound.spi;

import io.openvni.core.compile.DeviceIntent;

/**
 * Drives one kind of device (a dialect of a {@link io.openvni.core.compile.DeviceRole}). One instance serves every
 * device of its kind; the reconciler calls it for a given device from one thread at a time, and for different
 * devices concurrently, so an implementation keeps per-device state (sessions, mount points) thread-safe.
 *
 * <p>A pass over a device is {@link #readOwned read}, {@link #diff diff}, and, when the diff is not empty,
 * {@link #apply apply}. The read is skipped only when the previous pass of this reconciler ended with the device
 * in sync and {@link ApplyResult.Applied#observed observed}, in the {@link #stillCurrent same session}: then that
 * observation is the current state. After any failure, a restart, a reconnect, and for every periodic drift
 * check the reconciler reads again, so an apply that failed half-way is repaired by the next pass's diff and
 * changes made on the device behind its back are found.
 *
 * <p>Contract for device-side trouble: the device refusing something is {@link DeviceFailure.Rejected} with the
 * device's own error text; not getting an answer is {@link DeviceFailure.Unreachable}. Neither is thrown. Every
 * call must bound its I/O with a timeout, because a call that hangs holds one of the reconciler's worker threads.
 * An exception escaping a driver is treated as a bug: the device is reported failed with the exception's text
 * and retried like a rejection.
 *
 * @param <C> the driver's model of what OpenVNI owns on a device (an OpenConfig subtree, FRR stanzas plus kernel
 *            devices, ...)
 * @param <X> the driver's own change type
 */
public interface DeviceDriver<C, X extends Change> {
    /**
     * Reads what OpenVNI owns on the device now, and nothing else: a driver never reports, diffs or touches
     * configuration outside the owned scope.
     *
     * @param scope the device and the intents whose owned parts to read
     * @return the owned configuration, or why it could not be read
     */
    ReadResult<C> readOwned(ReadScope scope);

    /**
     * Computes the minimal change set that turns the owned configuration {@code current} into {@code desired}.
     * Pure: no I/O, equal inputs give equal change sets, and an empty change set means the device already runs the
     * desired configuration.
     *
     * @param current what {@link #readOwned} returned
     * @param desired what the device should run
     * @return the changes, empty when none is needed
     */
    ChangeSet<X> diff(C current, DeviceIntent desired);

    /**
     * Writes a change set that {@link #diff} computed for {@code desired}. All or nothing where the device allows
     * it (a candidate datastore with confirmed commit, {@code frr-reload}); otherwise each change must be
     * idempotent, so that the next pass can finish what a failed one started.
     *
     * @param desired what the device should run once the changes are in
     * @param changes a non-empty change set from {@link #diff}
     * @param progress told the phases of the apply and how far each is, for status
     * @return whether the device took the changes and, if the driver knows it, what the device runs now
     */
    ApplyResult<C> apply(DeviceIntent desired, ChangeSet<X> changes, ApplyProgress progress);

    /**
     * Whether a configuration this driver returned for a device (from {@link #readOwned} or in
     * {@link ApplyResult.Applied}) was observed in the device's current session. A device that reconnected may
     * have rebooted or been written while it was away, so an observation from an earlier session is never used in
     * place of a read. Must not do I/O. The default, {@code false}, makes every pass read.
     *
     * @param observed what the driver returned earlier
     * @param device the device's name
     * @return {@code true} if the session the observation came from is still the device's session
     */
    default boolean stillCurrent(final C observed, final String device) {
        return false;
    }
}
