package io.openvni.core.intent;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The fabric: pools the controller allocates from, the devices it configures and how much each may carry.
 *
 * @param routeTargetAsn ASN of derived route targets (ASN:VNI), absent until the operator sets it
 * @param anycastGatewayMac MAC of every anycast gateway
 * @param l2VniPool pool of network VNIs
 * @param l3VniPool pool of VRF VNIs
 * @param vlanPool pool of network VLANs
 * @param vtepPool IPv4 prefix node-router VTEPs are allocated from, absent if none
 * @param autoHeal whether drift is healed automatically
 * @param driftCheckIntervalSeconds period of the drift check
 * @param limits how much one device of each role may carry
 * @param leafSwitches leaf switches
 * @param nodeRouters node routers
 */
public record Fabric(
        @Nullable Long routeTargetAsn,
        String anycastGatewayMac,
        NumberRange l2VniPool,
        NumberRange l3VniPool,
        NumberRange vlanPool,
        @Nullable String vtepPool,
        boolean autoHeal,
        int driftCheckIntervalSeconds,
        DeviceLimits limits,
        List<LeafSwitch> leafSwitches,
        List<NodeRouter> nodeRouters) {

    public static final String DEFAULT_ANYCAST_GATEWAY_MAC = "00:00:5e:00:01:01";
    public static final NumberRange DEFAULT_L2_VNI_POOL = new NumberRange(10000, 19999);
    public static final NumberRange DEFAULT_L3_VNI_POOL = new NumberRange(50000, 50999);
    public static final NumberRange DEFAULT_VLAN_POOL = new NumberRange(100, 3999);
    public static final int DEFAULT_DRIFT_CHECK_INTERVAL = 60;

    /** A fabric with default pools and no devices: what the controller assumes before the operator writes one. */
    public static final Fabric EMPTY = new Fabric(null, DEFAULT_ANYCAST_GATEWAY_MAC, DEFAULT_L2_VNI_POOL,
        DEFAULT_L3_VNI_POOL, DEFAULT_VLAN_POOL, null, true, DEFAULT_DRIFT_CHECK_INTERVAL, DeviceLimits.DEFAULT,
        List.of(), List.of());

    public Fabric {
        requireNonNull(anycastGatewayMac);
        requireNonNull(l2VniPool);
        requireNonNull(l3VniPool);
        requireNonNull(vlanPool);
        requireNonNull(limits);
        leafSwitches = List.copyOf(leafSwitches);
        nodeRouters = List.copyOf(nodeRouters);
    }

    /** A fabric with the default device limits. */
    public Fabric(final @Nullable Long routeTargetAsn, final String anycastGatewayMac, final NumberRange l2VniPool,
            final NumberRange l3VniPool, final NumberRange vlanPool, final @Nullable String vtepPool,
            final boolean autoHeal, final int driftCheckIntervalSeconds, final List<LeafSwitch> leafSwitches,
            final List<NodeRouter> nodeRouters) {
        this(routeTargetAsn, anycastGatewayMac, l2VniPool, l3VniPool, vlanPool, vtepPool, autoHeal,
            driftCheckIntervalSeconds, DeviceLimits.DEFAULT, leafSwitches, nodeRouters);
    }

    public Optional<LeafSwitch> leafSwitch(final String name) {
        return leafSwitches.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    public Optional<NodeRouter> nodeRouter(final String name) {
        return nodeRouters.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    public Fabric withDevices(final List<LeafSwitch> leaves, final List<NodeRouter> nodes) {
        return new Fabric(routeTargetAsn, anycastGatewayMac, l2VniPool, l3VniPool, vlanPool, vtepPool, autoHeal,
            driftCheckIntervalSeconds, limits, leaves, nodes);
    }
}
