package io.openvni.southbound.frr;

import static java.util.Objects.requireNonNull;

import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.compile.Platform.NodePlatform;

import java.time.Duration;

/**
 * Settings of the {@link FrrNodeDriver}.
 *
 * @param readTimeout bound of the one shell command that reads a node
 * @param applyTimeout bound of each command that writes (one vtysh session, one iproute2 batch)
 * @param settleTimeout how long the check after an apply keeps re-reading while the node still differs: zebra
 *     drops a netns VRF only after it notices the namespace is gone
 * @param vtysh the vtysh command; the node's FRR pathspace, if any, is added as {@code -N}
 * @param networksPerStep how many new networks one apply writes before it checks the node and goes on with the next
 *     ones ({@link io.openvni.core.compile.GrowthStep}): zebra digesting 4,000 new networks at once stops answering
 *     for minutes and is restarted by watchfrr; 1,000 at a time it keeps answering
 */
public record FrrNodeSettings(Duration readTimeout, Duration applyTimeout, Duration settleTimeout, String vtysh,
        int networksPerStep) {
    /** Defaults for nodes reached over a LAN. */
    public static final FrrNodeSettings DEFAULT = new FrrNodeSettings(Duration.ofSeconds(20), Duration.ofSeconds(60),
        Duration.ofSeconds(2), "vtysh", 1_000);

    public FrrNodeSettings {
        requireNonNull(readTimeout);
        requireNonNull(applyTimeout);
        requireNonNull(settleTimeout);
        requireNonNull(vtysh);
        if (networksPerStep < 1) {
            throw new IllegalArgumentException("networksPerStep must be at least 1, not " + networksPerStep);
        }
    }

    /**
     * These settings with another step size.
     *
     * @param networks how many new networks one step writes
     * @return the settings
     */
    public FrrNodeSettings withNetworksPerStep(final int networks) {
        return new FrrNodeSettings(readTimeout, applyTimeout, settleTimeout, vtysh, networks);
    }

    /**
     * The bound of one write that carries {@code commands} commands: {@link #applyTimeout()} plus 10 ms a command.
     * vtysh and iproute2 take 1 to 5 ms a line on a loaded node (up to 10), so a fixed bound would cut off the
     * session that configures a few thousand networks.
     *
     * @param commands how many commands the write carries
     * @return the bound
     */
    public Duration applyTimeout(final int commands) {
        return applyTimeout.plusMillis(10L * commands);
    }

    /**
     * The bound of one read of a node that carries {@code segments} networks in {@code vrfs} VRFs:
     * {@link #readTimeout()} plus 10 ms a network and 50 ms a VRF. The read's output grows with the networks (four
     * devices and a vni block each), and zebra answers slowly while it digests the devices of a big change: at
     * 4,000 networks the fixed 20 s cut the read off. Each VRF costs two iproute2 commands in its namespace (up to
     * 25 ms each on a loaded node): 500 VRFs overran 20 s plus 5 s.
     *
     * @param segments how many networks (L2 segments) the node carries
     * @param vrfs how many VRFs it carries
     * @return the bound
     */
    public Duration readTimeout(final int segments, final int vrfs) {
        return readTimeout.plusMillis(10L * segments + 50L * vrfs);
    }

    /**
     * The vtysh command for a node: with {@code -N} when its FRR runs in a pathspace.
     *
     * @param intent the node's intent
     * @return the command
     */
    public String vtyshFor(final DeviceIntent intent) {
        if (intent.platform() instanceof NodePlatform node && node.pathspace() != null) {
            return vtysh + " -N " + node.pathspace();
        }
        return vtysh;
    }
}
