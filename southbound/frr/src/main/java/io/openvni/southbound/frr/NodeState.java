package io.openvni.southbound.frr;

import static java.util.Objects.requireNonNull;

import io.openvni.core.render.frr.FrrConfig;
import io.openvni.southbound.frr.config.OwnedFrr;
import io.openvni.southbound.frr.config.OwnedScope;
import io.openvni.southbound.frr.kernel.KernelState;
import java.util.OptionalLong;

/**
 * What OpenVNI owns on a node router now.
 *
 * @param frr the owned FRR configuration
 * @param scope what was owned inside the shared default BGP instance when it was read, kept for the check after an
 *     apply (the neighbors a change removes are no longer in the desired intent)
 * @param kernel the owned kernel objects
 * @param l3vniByGrpc whether the node's VRF to L3VNI bindings are written through FRR's northbound gRPC
 * @param zebra what zebra knows of the node's VNIs and interfaces: owned devices it has lost track of are created anew
 * @param session the {@link NodeShell#session() session} all of it was seen in, empty when that is not known: the
 *     state stands for the node only while that session lasts
 * @param runningConfig the whole running configuration {@code frr} was cut from: a later diff may own more of it
 */
public record NodeState(FrrConfig frr, OwnedScope scope, KernelState kernel, boolean l3vniByGrpc,
        ZebraView zebra, OptionalLong session, String runningConfig) {
    public NodeState {
        requireNonNull(frr);
        requireNonNull(scope);
        requireNonNull(kernel);
        requireNonNull(zebra);
        requireNonNull(session);
        requireNonNull(runningConfig);
    }

    /** This state with another view of what zebra knows. */
    public NodeState withZebra(final ZebraView view) {
        return new NodeState(frr, scope, kernel, l3vniByGrpc, view, session, runningConfig);
    }

    /**
     * This state owning at least what {@code wanted} owns. A state is scoped to the intents it was read for; when
     * it stands in for a read of a later intent (an observation), the names that intent adds (a neighbor, a
     * network, a VNI) may already be configured on the node, and a read would own their lines.
     *
     * @param wanted what the next intent owns
     * @return this state, or one cut anew from the same running configuration with the wider scope
     */
    public NodeState owning(final OwnedScope wanted) {
        if (scope.covers(wanted)) {
            return this;
        }
        final var wider = scope.union(wanted);
        return new NodeState(OwnedFrr.fromRunning(runningConfig, wider), wider, kernel, l3vniByGrpc, zebra, session,
            runningConfig);
    }
}
