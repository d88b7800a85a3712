package io.openvni.core.testing;

import io.openvni.core.intent.Vrf;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;

/** Builds a {@link Vrf}; by default its L3 VNI is allocated and it has no extra route targets. */
public final class VrfBuilder {
    private String name;
    private @Nullable Long l3Vni;
    private List<String> importRouteTargets = List.of();
    private List<String> exportRouteTargets = List.of();

    VrfBuilder(final String name) {
        this.name = name;
    }

    public static VrfBuilder from(final Vrf vrf) {
        final var builder = new VrfBuilder(vrf.name());
        builder.l3Vni = vrf.l3Vni();
        builder.importRouteTargets = vrf.importRouteTargets();
        builder.exportRouteTargets = vrf.exportRouteTargets();
        return builder;
    }

    public VrfBuilder name(final String value) {
        name = value;
        return this;
    }

    public VrfBuilder l3Vni(final @Nullable Long value) {
        l3Vni = value;
        return this;
    }

    public VrfBuilder l3Vni(final long value) {
        return l3Vni(Long.valueOf(value));
    }

    public VrfBuilder importRouteTargets(final String... value) {
        importRouteTargets = List.of(value);
        return this;
    }

    public VrfBuilder exportRouteTargets(final String... value) {
        exportRouteTargets = List.of(value);
        return this;
    }

    public Vrf build() {
        return new Vrf(name, l3Vni, importRouteTargets, exportRouteTargets);
    }
}
