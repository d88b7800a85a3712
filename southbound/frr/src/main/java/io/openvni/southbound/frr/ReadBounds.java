package io.openvni.southbound.frr;

import static java.util.Objects.requireNonNull;

import io.openvni.core.compile.DeviceIntent;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The bound of each read of a node, sized by what the node carries: the desired intent, or more while a change
 * removes networks and VRFs. What a node carried when last seen is kept across applies, failed ones too: a node
 * being emptied answers reads at its old size until the deletions are done (the check of a 4,000-network removal
 * ran with the 20 s bound of an empty intent). Safe for concurrent use.
 */
final class ReadBounds {
    private record NodeSize(int segments, int vrfs) {
    }

    private final FrrNodeSettings settings;
    private final ConcurrentMap<String, NodeSize> lastSize = new ConcurrentHashMap<>();

    ReadBounds(final FrrNodeSettings settings) {
        this.settings = requireNonNull(settings);
    }

    /** Notes what a read or a check saw on a node. */
    void seen(final String device, final NodeState state) {
        lastSize.put(device, new NodeSize(state.scope().vnis().size(), state.kernel().namespaces().size()));
    }

    /** The bound of the next read of the node {@code desired} is for. */
    Duration of(final DeviceIntent desired) {
        int segments = desired.segments().size();
        int vrfs = desired.vrfs().size();
        final NodeSize last = lastSize.get(desired.name());
        if (last != null) {
            segments = Math.max(segments, last.segments());
            vrfs = Math.max(vrfs, last.vrfs());
        }
        return settings.readTimeout(segments, vrfs);
    }
}
