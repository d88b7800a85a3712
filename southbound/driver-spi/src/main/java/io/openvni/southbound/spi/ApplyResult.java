package io.openvni.southbound.spi;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The outcome of applying a change set: {@link Applied}, with what the device now runs when the driver knows it, or
 * {@link Failed} with a {@link DeviceFailure} ({@link DeviceFailure.Rejected} with the device's own error text,
 * {@link DeviceFailure.Unreachable} with the reason).
 *
 * @param <C> the driver's model of what OpenVNI owns on a device
 */
public sealed interface ApplyResult<C> permits ApplyResult.Applied, ApplyResult.Failed {
    /**
     * The device took every change of the set.
     *
     * @param observed what OpenVNI owns on the device now, as {@link DeviceDriver#readOwned} would return it: what
     *                 the driver read back to verify the apply, or what the device is certain to hold after a
     *                 transaction it committed whole; {@code null} when only a new read can tell
     * @param <C> the driver's configuration model
     */
    record Applied<C>(@Nullable C observed) implements ApplyResult<C> {
        /**
         * What the device runs now, if the driver knows it.
         *
         * @return the owned configuration, or empty
         */
        public Optional<C> state() {
            return Optional.ofNullable(observed);
        }
    }

    /**
     * The device did not take the changes, or not all of them.
     *
     * @param failure why
     * @param <C> the driver's configuration model
     */
    record Failed<C>(DeviceFailure failure) implements ApplyResult<C> {
        public Failed {
            requireNonNull(failure);
        }
    }

    /**
     * The device took the changes and now runs {@code observed}.
     *
     * @param observed the owned configuration after the apply
     * @param <C> the driver's configuration model
     * @return the result
     */
    static <C> ApplyResult<C> applied(final C observed) {
        return new Applied<>(requireNonNull(observed));
    }

    /**
     * The device took the changes; what it runs now is known only to a new read.
     *
     * @param <C> the driver's configuration model
     * @return the result
     */
    static <C> ApplyResult<C> appliedUnobserved() {
        return new Applied<>(null);
    }

    /**
     * The device did not take the changes.
     *
     * @param failure why
     * @param <C> the driver's configuration model
     * @return the result
     */
    static <C> ApplyResult<C> failed(final DeviceFailure failure) {
        return new Failed<>(failure);
    }
}
