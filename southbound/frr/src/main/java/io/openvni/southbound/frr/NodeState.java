package io.openvni.southbound.frr;

import static java.util.Objects.requireNonNull;

import io.openvni.southbound.frr.config.OwnedFrr;
import io.openvni.southbound.frr.config.OwnedScope;
import io.openvni.southbound.frr.kernel.KernelState;

/**
 * What OpenVNI owns on a node router now.
 *
 * @param frr the owned FRR configuration
 * @param scope what was owned inside the shared default BGP instance when it was read, kept for the check after an
 *     apply (the neighbors a change removes are no longer in the desired intent)
 * @param kernel the owned kernel objects
 */
public record NodeState(OwnedFrr frr, OwnedScope scope, KernelState kernel) {
    public NodeState {
        requireNonNull(frr);
        requireNonNull(scope);
        requireNonNull(kernel);
    }
}
