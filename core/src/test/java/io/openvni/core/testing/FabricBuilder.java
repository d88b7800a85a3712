package io.openvni.core.testing;

import io.openvni.core.intent.DeviceLimits;
import io.openvni.core.intent.Fabric;
import io.openvni.core.intent.LeafSwitch;
import io.openvni.core.intent.NodeRouter;
import io.openvni.core.intent.NumberRange;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;

/** Builds a {@link Fabric}. */
public final class FabricBuilder {
    private @Nullable Long routeTargetAsn;
    private String anycastGatewayMac;
    private NumberRange l2VniPool;
    private NumberRange l3VniPool;
    private NumberRange vlanPool;
    private @Nullable String vtepPool;
    private boolean autoHeal;
    private int driftCheckInterval;
    private DeviceLimits limits;
    private List<LeafSwitch> leafSwitches;
    private List<NodeRouter> nodeRouters;

    private FabricBuilder(final Fabric fabric) {
        routeTargetAsn = fabric.routeTargetAsn();
        anycastGatewayMac = fabric.anycastGatewayMac();
        l2VniPool = fabric.l2VniPool();
        l3VniPool = fabric.l3VniPool();
        vlanPool = fabric.vlanPool();
        vtepPool = fabric.vtepPool();
        autoHeal = fabric.autoHeal();
        driftCheckInterval = fabric.driftCheckIntervalSeconds();
        limits = fabric.limits();
        leafSwitches = fabric.leafSwitches();
        nodeRouters = fabric.nodeRouters();
    }

    public static FabricBuilder from(final Fabric fabric) {
        return new FabricBuilder(fabric);
    }

    public FabricBuilder routeTargetAsn(final @Nullable Long value) {
        routeTargetAsn = value;
        return this;
    }

    public FabricBuilder routeTargetAsn(final long value) {
        return routeTargetAsn(Long.valueOf(value));
    }

    public FabricBuilder anycastGatewayMac(final String value) {
        anycastGatewayMac = value;
        return this;
    }

    public FabricBuilder l2VniPool(final long start, final long end) {
        l2VniPool = new NumberRange(start, end);
        return this;
    }

    public FabricBuilder l3VniPool(final long start, final long end) {
        l3VniPool = new NumberRange(start, end);
        return this;
    }

    public FabricBuilder vlanPool(final long start, final long end) {
        vlanPool = new NumberRange(start, end);
        return this;
    }

    public FabricBuilder vtepPool(final @Nullable String value) {
        vtepPool = value;
        return this;
    }

    public FabricBuilder autoHeal(final boolean value) {
        autoHeal = value;
        return this;
    }

    public FabricBuilder driftCheckInterval(final int seconds) {
        driftCheckInterval = seconds;
        return this;
    }

    public FabricBuilder leafSwitchLimits(final long maxL2Vnis, final long maxVrfs) {
        limits = new DeviceLimits(new DeviceLimits.RoleLimits(maxL2Vnis, maxVrfs), limits.nodeRouter());
        return this;
    }

    public FabricBuilder nodeRouterLimits(final long maxL2Vnis, final long maxVrfs) {
        limits = new DeviceLimits(limits.leafSwitch(), new DeviceLimits.RoleLimits(maxL2Vnis, maxVrfs));
        return this;
    }

    public FabricBuilder leafSwitches(final List<LeafSwitch> value) {
        leafSwitches = value;
        return this;
    }

    public FabricBuilder nodeRouters(final List<NodeRouter> value) {
        nodeRouters = value;
        return this;
    }

    public Fabric build() {
        return new Fabric(routeTargetAsn, anycastGatewayMac, l2VniPool, l3VniPool, vlanPool, vtepPool, autoHeal,
            driftCheckInterval, limits, leafSwitches, nodeRouters);
    }
}
