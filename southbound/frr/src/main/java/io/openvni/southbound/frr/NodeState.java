package io.openvni.southbound.frr;

import static java.util.Objects.requireNonNull;

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
 */
public record NodeState(OwnedFrr frr, OwnedScope scope, KernelState kernel, boolean l3vniByGrpc,
        ZebraView zebra, OptionalLong session) {
    public NodeState {
        requireNonNull(frr);
        requireNonNull(scope);
        requireNonNull(kernel);
        requireNonNull(zebra);
        requireNonNull(session);
    }
}
