package io.openvni.southbound.openconfig;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Timeouts of the OpenConfig leaf driver. Every wait on the device is bounded, because a call that hangs holds one
 * of the reconciler's worker threads.
 *
 * @param rpcTimeout longest wait for one NETCONF operation (lock, get-config, edit-config, commit, unlock)
 * @param confirmTimeout the {@code confirm-timeout} of a confirmed commit: how long the device keeps the new
 *                       configuration without the confirming commit before it rolls back by itself
 */
public record OpenConfigDriverSettings(Duration rpcTimeout, Duration confirmTimeout) {
    /** One minute per operation (ODL's own request timeout for leaves is 60 s); two minutes to confirm. */
    public static final OpenConfigDriverSettings DEFAULT =
        new OpenConfigDriverSettings(Duration.ofSeconds(60), Duration.ofSeconds(120));

    public OpenConfigDriverSettings {
        requireNonNull(rpcTimeout);
        requireNonNull(confirmTimeout);
        if (rpcTimeout.isNegative() || rpcTimeout.isZero()) {
            throw new IllegalArgumentException("rpcTimeout must be positive: " + rpcTimeout);
        }
        // confirm-timeout is whole seconds on the wire
        if (confirmTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("confirmTimeout must be at least one second: " + confirmTimeout);
        }
    }
}
