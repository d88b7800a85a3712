package io.openvni.core.intent;

import static java.util.Objects.requireNonNull;

/**
 * How much the controller puts on one device of each role: the fabric's {@code limits}. Admission refuses a commit
 * that would exceed them; the YANG model explains the defaults.
 *
 * @param leafSwitch the limits of every leaf switch
 * @param nodeRouter the limits of every node router
 */
public record DeviceLimits(RoleLimits leafSwitch, RoleLimits nodeRouter) {
    /**
     * The limits of one role.
     *
     * @param maxL2Vnis networks (L2 VNIs) one device may carry
     * @param maxVrfs VRFs (L3 VNIs) one device may carry
     */
    public record RoleLimits(long maxL2Vnis, long maxVrfs) {
    }

    public static final RoleLimits DEFAULT_LEAF_SWITCH = new RoleLimits(2000, 256);
    public static final RoleLimits DEFAULT_NODE_ROUTER = new RoleLimits(1000, 128);
    public static final DeviceLimits DEFAULT = new DeviceLimits(DEFAULT_LEAF_SWITCH, DEFAULT_NODE_ROUTER);

    public DeviceLimits {
        requireNonNull(leafSwitch);
        requireNonNull(nodeRouter);
    }
}
