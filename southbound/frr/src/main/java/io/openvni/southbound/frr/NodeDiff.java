package io.openvni.southbound.frr;

import static java.util.Objects.requireNonNull;

import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.compile.GrowthStep;
import io.openvni.core.render.frr.FrrRenderer;
import io.openvni.core.render.frr.KernelPlan;
import io.openvni.core.render.frr.KernelPlanner;
import io.openvni.southbound.frr.config.OwnedFrr;
import io.openvni.southbound.frr.config.OwnedScope;
import io.openvni.southbound.frr.config.VtyshDiff;
import io.openvni.southbound.frr.kernel.KernelDiff;
import io.openvni.southbound.frr.kernel.KernelOps;
import io.openvni.southbound.spi.ChangeSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a node router must do to run an intent: the iproute2 batches that create, the vtysh session (or, where the
 * node takes them, the L3VNI bindings through gRPC, {@link L3vniByGrpc}), then the batches that delete. Devices
 * zebra has not taken up are handled two ways: a pass's diff ({@link #toward}) leaves them to the check after the
 * apply ({@link NodeChange.AwaitZebra}); that check's diff ({@link #left}) creates them anew, which the check runs
 * once zebra stalls ({@link ZebraSettle}). Recreating at once, in every pass, kept a zebra that lagged behind
 * thousands of new devices in one namespace lagging further, pass after pass. Pure; safe for concurrent use.
 */
final class NodeDiff {
    /** How many devices zebra lacks one repair creates anew at most. */
    static final int RECREATED_PER_REPAIR = 64;

    private final FrrRenderer renderer;
    private final KernelPlanner planner;
    private final int networksPerStep;

    NodeDiff(final FrrRenderer renderer, final KernelPlanner planner, final int networksPerStep) {
        this.renderer = requireNonNull(renderer);
        this.planner = requireNonNull(planner);
        this.networksPerStep = networksPerStep;
    }

    /**
     * A pass's changes to the desired intent, or, when it adds more networks than a step may
     * ({@link FrrNodeSettings#networksPerStep}), a {@link NodeChange.Step} and the changes to that step's intent.
     */
    ChangeSet<NodeChange> toward(final NodeState current, final DeviceIntent desired) {
        final var step = GrowthStep.toward(desired, current.kernel().presentVnis(), networksPerStep);
        final var changes = diff(current, step.intent(), planner.plan(step.intent()), false);
        if (step.last()) {
            return changes;
        }
        final var stepped = new ArrayList<NodeChange>();
        stepped.add(new NodeChange.Step(step));
        stepped.addAll(changes.changes());
        return new ChangeSet<>(stepped);
    }

    /**
     * What the check after an apply finds left to do, devices zebra lacks created anew: every SVI that only lacks
     * an address gets it again (cheap), but at most {@value #RECREATED_PER_REPAIR} devices are created anew, the
     * first by name. Thousands lacking means a zebra still busy, which a repair of them all only buries deeper (seen
     * with 4,000 networks in one namespace: 314 lacking, recreated, 661 lacking); the few it really missed are
     * repaired either way, the rest by later repairs if it never takes them up.
     */
    ChangeSet<NodeChange> left(final NodeState current, final DeviceIntent desired, final KernelPlan plan) {
        return diff(current, desired, plan, true);
    }

    private ChangeSet<NodeChange> diff(final NodeState current, final DeviceIntent desired, final KernelPlan plan,
            final boolean recreateLacking) {
        final var plannedIpv4 = ZebraView.plannedIpv4(plan);
        final var lacking = current.zebra().devicesLacking(current.kernel(), plannedIpv4);
        final var kernel = recreateLacking ? repairing(current, plan, lacking, plannedIpv4)
            : KernelDiff.diff(current.kernel(), plan);
        final var rendered = renderer.render(desired);
        final var owned = current.owning(OwnedScope.of(List.of(rendered), List.of()));
        final var frr = VtyshDiff.diff(owned.frr(), OwnedFrr.rendered(rendered));
        final var changes = new ArrayList<NodeChange>();
        kernel.before().forEach(batch -> changes.add(new NodeChange.Kernel(batch)));
        if (!frr.isEmpty()) {
            if (current.l3vniByGrpc()) {
                changes.addAll(L3vniByGrpc.split(frr, owned.scope()));
            } else {
                changes.add(new NodeChange.Vtysh(frr, owned.scope()));
            }
        }
        kernel.after().forEach(batch -> changes.add(new NodeChange.Kernel(batch)));
        if (!recreateLacking && !lacking.isEmpty()) {
            changes.add(new NodeChange.AwaitZebra(lacking.stream().sorted().toList()));
        }
        return new ChangeSet<>(changes);
    }

    private static KernelOps repairing(final NodeState current, final KernelPlan plan, final Set<String> lacking,
            final Map<String, Set<String>> plannedIpv4) {
        final var readdress = current.zebra().addressesLacking(current.kernel(), plannedIpv4);
        final var broken = new HashSet<>(readdress);
        lacking.stream().filter(device -> !readdress.contains(device)).sorted().limit(RECREATED_PER_REPAIR)
            .forEach(broken::add);
        return KernelDiff.diff(current.kernel(), plan, broken, readdress);
    }
}
