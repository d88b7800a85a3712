package io.openvni.core.validation;

import io.openvni.core.allocation.Allocations;
import io.openvni.core.compile.DeviceLoad;
import io.openvni.core.compile.DeviceRole;
import io.openvni.core.intent.DeviceLimits.RoleLimits;
import io.openvni.core.intent.Intent;
import io.openvni.core.intent.IntentPaths;

/**
 * The fabric's per-device limits: no device may carry more networks (L2 VNIs) or VRFs than its role allows. Each
 * device over a limit gets one error naming the count and the limit. Placement is the compiler's
 * ({@link DeviceLoad}), which needs every reference resolved and every value allocated, so these rules run only
 * on an intent that is otherwise valid.
 */
final class LimitRules {
    static final String LIMITS = IntentPaths.FABRIC + "/limits";

    private LimitRules() {
        // utility
    }

    static void check(final Intent intent, final Allocations allocations, final ErrorSink sink) {
        final var limits = intent.fabric().limits();
        for (var load : DeviceLoad.of(intent, allocations)) {
            final boolean leaf = load.role() == DeviceRole.LEAF_SWITCH;
            final RoleLimits role = leaf ? limits.leafSwitch() : limits.nodeRouter();
            final var device = (leaf ? "leaf switch " : "node router ") + load.device();
            final var path = leaf ? IntentPaths.leafSwitch(load.device()) : IntentPaths.nodeRouter(load.device());
            final var limitPath = LIMITS + (leaf ? "/leaf-switch" : "/node-router");
            if (load.l2Vnis() > role.maxL2Vnis()) {
                sink.add(path, (load.l2Vnis() == 1 ? "1 network (L2 VNI)" : load.l2Vnis() + " networks (L2 VNIs)")
                    + " would be placed on " + device + ", more than its limit of " + role.maxL2Vnis() + " ("
                    + limitPath + "/max-l2-vnis)");
            }
            if (load.vrfs() > role.maxVrfs()) {
                sink.add(path, (load.vrfs() == 1 ? "1 VRF" : load.vrfs() + " VRFs") + " would be present on "
                    + device + ", more than its limit of " + role.maxVrfs() + " (" + limitPath + "/max-vrfs)");
            }
        }
    }
}
