package io.openvni.core.compile;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The next of the bounded steps in which a device grows towards its desired intent. A device that must take up
 * thousands of new networks at once can stop answering while it digests them (FRR's zebra on a node router falls
 * silent for minutes, and its watchdog restarts it, empty, in the middle of the write); taking them a bounded number
 * at a time, each step checked before the next, keeps it answering. Only growth is stepped: everything the device
 * already has is brought to its desired form (or removed) in the first step.
 *
 * @param intent what the device should run after this step: the desired intent with only the first {@code added}
 *     of its new segments (by VNI) and the VRFs those segments need
 * @param added how many new segments this step adds
 * @param newSegments how many segments the desired intent adds in all
 */
public record GrowthStep(DeviceIntent intent, int added, int newSegments) {
    public GrowthStep {
        requireNonNull(intent);
    }

    /**
     * The step a device takes next.
     *
     * @param desired what the device should run in the end
     * @param present the VNIs (L2 and L3) the device has now
     * @param maxNewSegments how many segments one step may add, at least 1
     * @return the step; {@link #last()} when it reaches {@code desired}, which is then its intent
     */
    public static GrowthStep toward(final DeviceIntent desired, final Set<Long> present, final int maxNewSegments) {
        if (maxNewSegments < 1) {
            throw new IllegalArgumentException("maxNewSegments must be at least 1, not " + maxNewSegments);
        }
        final int newSegments = (int) desired.segments().stream().filter(s -> !present.contains(s.vni())).count();
        if (newSegments <= maxNewSegments) {
            return new GrowthStep(desired, newSegments, newSegments);
        }
        final var segments = new ArrayList<EvpnSegment>();
        final var vrfs = new HashSet<Long>(present);
        int added = 0;
        for (var segment : desired.segments()) {
            if (present.contains(segment.vni()) || added < maxNewSegments) {
                added += present.contains(segment.vni()) ? 0 : 1;
                segments.add(segment);
                if (segment.vrf() != null) {
                    vrfs.add(segment.vrf());
                }
            }
        }
        final List<EvpnVrf> keptVrfs = desired.vrfs().stream().filter(vrf -> vrfs.contains(vrf.vni())).toList();
        return new GrowthStep(new DeviceIntent(desired.name(), desired.role(), desired.underlay(),
            desired.platform(), desired.anycastGatewayMac(), segments, keptVrfs, desired.neighbors()), added,
            newSegments);
    }

    /** Whether this step reaches the desired intent. */
    public boolean last() {
        return added == newSegments;
    }
}
