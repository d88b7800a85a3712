package io.openvni.testlib;

import java.io.IOException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A veth pair from this (root) namespace into a {@link NamespaceHost}, with an address on each end: how a test
 * reaches a port inside without a forwarder process to start, watch and kill (see {@link NamespaceHost#link}).
 *
 * @param outsideDevice the end in this namespace (at most 15 characters, unique on the machine)
 * @param outsideAddress its address
 * @param insideDevice the end in the host
 * @param insideAddress its address, where the test reaches the host
 * @param prefixLength of both addresses
 */
public record HostLink(String outsideDevice, String outsideAddress, String insideDevice, String insideAddress,
        int prefixLength) {
    /**
     * A link on a random link-local /30 ({@code 169.254.x.y}) with a random outside device name: tests that run
     * side by side do not collide (a collision fails at {@code ip link add}, with its reason).
     *
     * @param devicePrefix the outside device's name before six random hex digits and {@code h}
     * @param insideDevice the inside device's name
     */
    public static HostLink linkLocal(final String devicePrefix, final String insideDevice) {
        final var random = ThreadLocalRandom.current();
        final String id = HexFormat.of().toHexDigits(random.nextInt()).substring(0, 6);
        final String net = "169.254." + random.nextInt(1, 255) + ".";
        final int base = random.nextInt(0, 64) * 4;
        return new HostLink(devicePrefix + id + "h", net + (base + 1), insideDevice, net + (base + 2), 30);
    }

    /** Deletes the pair at once (it goes with the host's namespace anyway, asynchronously); gone already is fine. */
    public void delete() {
        try {
            Commands.run(List.of("ip", "link", "del", outsideDevice), null, Duration.ofSeconds(10));
        } catch (IOException e) {
            // gone with its namespace already
        }
    }
}
