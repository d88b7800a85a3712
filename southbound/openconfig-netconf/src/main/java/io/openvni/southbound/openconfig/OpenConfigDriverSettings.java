package io.openvni.southbound.openconfig;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Timeouts and sizes of the OpenConfig leaf driver. Every wait on the device is bounded, because a call that hangs
 * holds one of the reconciler's worker threads.
 *
 * @param rpcTimeout longest wait for one NETCONF operation (lock, get-config, edit-config, commit, unlock)
 * @param confirmTimeout the {@code confirm-timeout} of a confirmed commit: how long the device keeps the new
 *                       configuration without the confirming commit before it rolls back by itself
 * @param maxEntriesPerEdit the most owned entries (network instances, SVIs, ...) one {@code edit-config} carries;
 *                          a pass with more sends them in consecutive parts within the same candidate transaction
 */
public record OpenConfigDriverSettings(Duration rpcTimeout, Duration confirmTimeout, int maxEntriesPerEdit) {
    /**
     * The defaults. 31 minutes per operation: a minute longer than the request timeout OpenVNI gives ODL's
     * connector for leaves (the northbound's {@code NetconfNodeMapping}), so that the connector's timeout comes
     * first (it ends the session, and with it the device's lock and uncommitted candidate); strict devices take
     * minutes to validate thousands of entries (yuma123 netconfd: 14 s of CPU to validate 800 L2 networks, 95 s
     * for 1,600). Two minutes to confirm. At most 500 entries per edit-config (about 750 KB
     * of XML for L2 networks): small enough for devices that limit request sizes; netconfd and ODL's
     * netconf-testtool took 3,900 in one (6 MB).
     */
    public static final OpenConfigDriverSettings DEFAULT =
        new OpenConfigDriverSettings(Duration.ofMinutes(31), Duration.ofMinutes(2), 500);

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
        if (maxEntriesPerEdit < 1) {
            throw new IllegalArgumentException("maxEntriesPerEdit must be positive: " + maxEntriesPerEdit);
        }
    }
}
