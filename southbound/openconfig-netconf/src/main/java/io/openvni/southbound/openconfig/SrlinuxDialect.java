package io.openvni.southbound.openconfig;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.render.openconfig.OwnedPaths;
import io.openvni.core.render.srlinux.SrlOwnedPaths;
import io.openvni.core.render.srlinux.SrlinuxRenderer;
import java.util.List;
import java.util.Map;

/**
 * Nokia SR Linux leaf switches (native models): the top-level lists {@code interface}, {@code tunnel-interface}
 * and {@code network-instance}. Subinterfaces and VXLAN interfaces read as SR Linux names them
 * ({@code ethernet-1/1.100}, {@code vxlan1.10001}). Edit order: subinterfaces and VXLAN interfaces before the
 * instances that name them (ip-vrfs before mac-vrfs, as for OpenConfig), removals in the opposite order.
 */
public final class SrlinuxDialect implements LeafDialect {
    /** The one instance. */
    public static final SrlinuxDialect INSTANCE = new SrlinuxDialect();

    private final SrlinuxRenderer renderer = new SrlinuxRenderer();

    private SrlinuxDialect() {
        // one instance
    }

    @Override
    public String name() {
        return "srlinux";
    }

    @Override
    public ObjectNode render(final DeviceIntent intent) {
        return renderer.render(intent);
    }

    @Override
    public OwnedPaths owned(final DeviceIntent intent) {
        return SrlOwnedPaths.of(intent);
    }

    @Override
    public List<String> tops() {
        return List.of(SrlinuxRenderer.INTERFACE, SrlinuxRenderer.TUNNEL_INTERFACE, SrlinuxRenderer.NETWORK_INSTANCE);
    }

    @Override
    public Map<String, String> impliedModules() {
        return Map.of();
    }

    @Override
    public Description describe(final String list, final String key, final String parentKey) {
        return new Description(list, parentKey.isEmpty() ? key : parentKey + "." + key);
    }

    @Override
    public List<String> editOrder() {
        return List.of("subinterface", "vxlan-interface", "l3 network-instance", "l2 network-instance");
    }
}
