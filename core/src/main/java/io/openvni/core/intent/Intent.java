package io.openvni.core.intent;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One consistent snapshot of everything the operator asked for.
 *
 * @param fabric the fabric, with its devices and pools
 * @param tenants the tenants, in any order
 */
public record Intent(Fabric fabric, List<Tenant> tenants) {
    public static final Intent EMPTY = new Intent(Fabric.EMPTY, List.of());

    public Intent {
        requireNonNull(fabric);
        tenants = List.copyOf(tenants);
    }

    public Optional<Tenant> tenant(final String name) {
        return tenants.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Intent withFabric(final Fabric newFabric) {
        return new Intent(newFabric, tenants);
    }

    public Intent withTenants(final List<Tenant> newTenants) {
        return new Intent(fabric, newTenants);
    }
}
