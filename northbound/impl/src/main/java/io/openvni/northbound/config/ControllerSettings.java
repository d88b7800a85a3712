package io.openvni.northbound.config;

import static java.util.Objects.requireNonNull;

import io.openvni.southbound.reconcile.Backoff;
import io.openvni.southbound.reconcile.ReconcilerSettings;
import java.time.Duration;

/**
 * The controller's tunable settings as a plain value: what {@link ControllerConfiguration} says, checked.
 *
 * @param workers how many devices are worked on at once
 * @param stateInterval how often node routers' operational state is read; zero turns the reads off
 * @param backoff retries of failed device passes, controller passes and status writes
 * @param writeLease how long writes to devices go on after the last renewal of the write lease that committed
 */
public record ControllerSettings(int workers, Duration stateInterval, Backoff backoff, Duration writeLease) {
    /**
     * The defaults of {@link ControllerConfiguration}: 32 workers, state every 10 s, {@link Backoff#DEFAULT}, a 5 s
     * write lease.
     */
    public static final ControllerSettings DEFAULT = new ControllerSettings(32,
        ReconcilerSettings.DEFAULTS.stateInterval(), Backoff.DEFAULT, Duration.ofSeconds(5));

    public ControllerSettings {
        requireNonNull(stateInterval);
        requireNonNull(backoff);
        requireNonNull(writeLease);
        if (writeLease.compareTo(Duration.ofSeconds(2)) < 0) {
            throw new IllegalArgumentException("write.lease.seconds must be at least 2, was "
                + writeLease.toSeconds());
        }
        if (workers < 1) {
            throw new IllegalArgumentException("reconcile.workers must be at least 1, was " + workers);
        }
        if (stateInterval.isNegative()) {
            throw new IllegalArgumentException("state.read.interval.seconds must not be negative, was "
                + stateInterval.toSeconds());
        }
    }

    /**
     * The settings a configuration gives.
     *
     * @param config the configuration, with its defaults for keys not set
     * @return the settings
     * @throws IllegalArgumentException naming the key, when a value is out of range
     */
    public static ControllerSettings of(final ControllerConfiguration config) {
        final Duration initial = Duration.ofMillis(config.backoff_initial_millis());
        final Duration max = Duration.ofSeconds(config.backoff_max_seconds());
        if (initial.compareTo(Duration.ofMillis(1)) < 0) {
            throw new IllegalArgumentException("backoff.initial.millis must be at least 1, was " + initial.toMillis());
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff.max.seconds " + max.toSeconds()
                + " is below backoff.initial.millis " + initial.toMillis());
        }
        return new ControllerSettings(config.reconcile_workers(),
            Duration.ofSeconds(config.state_read_interval_seconds()), new Backoff(initial, max),
            Duration.ofSeconds(config.write_lease_seconds()));
    }
}
