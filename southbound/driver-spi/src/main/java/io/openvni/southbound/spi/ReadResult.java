package io.openvni.southbound.spi;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of reading a device's owned configuration.
 *
 * @param <C> the driver's configuration model
 */
public sealed interface ReadResult<C> {
    /**
     * The device answered.
     *
     * @param config what OpenVNI owns on the device now
     * @param <C> the driver's configuration model
     */
    record Current<C>(C config) implements ReadResult<C> {
        public Current {
            requireNonNull(config);
        }
    }

    /**
     * The device could not be read.
     *
     * @param failure why
     * @param <C> the driver's configuration model
     */
    record Failed<C>(DeviceFailure failure) implements ReadResult<C> {
        public Failed {
            requireNonNull(failure);
        }
    }

    /**
     * The device answered with its owned configuration.
     *
     * @param config the owned configuration
     * @param <C> the driver's configuration model
     * @return the result
     */
    static <C> ReadResult<C> current(final C config) {
        return new Current<>(config);
    }

    /**
     * The device answered the read with an error.
     *
     * @param deviceError the device's own error text
     * @param <C> the driver's configuration model
     * @return the result
     */
    static <C> ReadResult<C> rejected(final String deviceError) {
        return new Failed<>(new DeviceFailure.Rejected(deviceError));
    }

    /**
     * The device did not answer.
     *
     * @param reason what went wrong (connection refused, timeout, session down)
     * @param <C> the driver's configuration model
     * @return the result
     */
    static <C> ReadResult<C> unreachable(final String reason) {
        return new Failed<>(new DeviceFailure.Unreachable(reason));
    }
}
