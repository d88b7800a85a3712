package io.openvni.core.intent;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A tenant: VRFs and networks isolated from other tenants.
 */
public record Tenant(String name, String description, List<Vrf> vrfs, List<Network> networks) {
    public Tenant {
        requireNonNull(name);
        requireNonNull(description);
        vrfs = List.copyOf(vrfs);
        networks = List.copyOf(networks);
    }

    public Optional<Vrf> vrf(final String vrfName) {
        return vrfs.stream().filter(v -> v.name().equals(vrfName)).findFirst();
    }

    public Optional<Network> network(final String networkName) {
        return networks.stream().filter(n -> n.name().equals(networkName)).findFirst();
    }
}
