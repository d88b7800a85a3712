package io.openvni.southbound.reconcile;

import io.openvni.core.compile.DesiredConfig;
import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.compile.DeviceRole;
import io.openvni.core.compile.EvpnSegment;
import io.openvni.core.compile.Platform;
import io.openvni.core.compile.Underlay;
import io.openvni.core.intent.LeafSwitch.Dialect;
import java.util.Arrays;
import java.util.List;

/**
 * Desired configurations for tests: a leaf switch or node router carrying a few L2 segments.
 */
final class Intents {
    private Intents() {
        // factory
    }

    static DesiredConfig leaf(final String name, final long generation, final long... vnis) {
        return new DesiredConfig(intent(name, DeviceRole.LEAF_SWITCH,
            new Platform.LeafPlatform(Dialect.OPENCONFIG, "Loopback1"), vnis), generation);
    }

    static DesiredConfig node(final String name, final long generation, final long... vnis) {
        return new DesiredConfig(intent(name, DeviceRole.NODE_ROUTER, new Platform.NodePlatform(false, null), vnis),
            generation);
    }

    private static DeviceIntent intent(final String name, final DeviceRole role, final Platform platform,
            final long... vnis) {
        final List<EvpnSegment> segments = Arrays.stream(vnis).sorted()
            .mapToObj(vni -> new EvpnSegment("acme", "net" + vni, vni, (int) (vni % 4000), "10.0.0.1:" + vni,
                List.of("65000:" + vni), List.of("65000:" + vni), true, null, List.of(), null))
            .toList();
        return new DeviceIntent(name, role, new Underlay(65001, "10.0.0.1", "10.1.0.1"), platform,
            "00:00:5e:00:01:01", segments, List.of(), List.of());
    }
}
