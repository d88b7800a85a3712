package io.openvni.southbound.openconfig;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.render.openconfig.OpenConfigRenderer;
import io.openvni.core.render.openconfig.OwnedPaths;
import java.util.List;
import java.util.Map;

/**
 * OpenConfig leaf switches: {@code network-instances} and {@code interfaces}. Edit order: the VTEP connection point,
 * then the SVIs, then L3 instances (their IRB names the SVIs), then L2 instances (they name the connection point);
 * removals in the opposite order; BGP neighbors stand alone.
 */
public final class OpenConfigDialect implements LeafDialect {
    /** The one instance. */
    public static final OpenConfigDialect INSTANCE = new OpenConfigDialect();

    private final OpenConfigRenderer renderer = new OpenConfigRenderer();

    private OpenConfigDialect() {
        // one instance
    }

    @Override
    public String name() {
        return "openconfig";
    }

    @Override
    public ObjectNode render(final DeviceIntent intent) {
        return renderer.render(intent);
    }

    @Override
    public OwnedPaths owned(final DeviceIntent intent) {
        return OwnedPaths.of(intent);
    }

    @Override
    public List<String> tops() {
        return List.of(OpenConfigRenderer.NETWORK_INSTANCES, OpenConfigRenderer.INTERFACES);
    }

    @Override
    public Map<String, String> impliedModules() {
        // the EVPN containers are unprefixed (instantiated in openconfig-network-instance)
        return Map.of("evpn", "openconfig-evpn");
    }

    @Override
    public Description describe(final String list, final String key, final String parentKey) {
        return new Description(list.equals("neighbor") ? "bgp neighbor" : list, key);
    }

    @Override
    public List<String> editOrder() {
        return List.of("connection-point", "interface", "l3 network-instance", "l2 network-instance");
    }
}
