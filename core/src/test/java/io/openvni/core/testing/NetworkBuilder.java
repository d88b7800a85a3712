package io.openvni.core.testing;

import io.openvni.core.intent.Network;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;

/** Builds a {@link Network}; by default a pure L2 network with everything allocated and placed everywhere. */
public final class NetworkBuilder {
    private String name;
    private @Nullable Long l2Vni;
    private @Nullable Integer vlan;
    private @Nullable String vrf;
    private List<String> subnets = List.of();
    private List<String> gateways = List.of();
    private boolean arpSuppression = true;
    private @Nullable Integer mtu;
    private List<String> nodeRouters = List.of();
    private List<String> leafSwitches = List.of();

    NetworkBuilder(final String name) {
        this.name = name;
    }

    public static NetworkBuilder from(final Network network) {
        final var builder = new NetworkBuilder(network.name());
        builder.l2Vni = network.l2Vni();
        builder.vlan = network.vlan();
        builder.vrf = network.vrf();
        builder.subnets = network.subnets();
        builder.gateways = network.gateways();
        builder.arpSuppression = network.arpSuppression();
        builder.mtu = network.mtu();
        builder.nodeRouters = network.nodeRouters();
        builder.leafSwitches = network.leafSwitches();
        return builder;
    }

    public NetworkBuilder name(final String value) {
        name = value;
        return this;
    }

    public NetworkBuilder l2Vni(final @Nullable Long value) {
        l2Vni = value;
        return this;
    }

    public NetworkBuilder l2Vni(final long value) {
        return l2Vni(Long.valueOf(value));
    }

    public NetworkBuilder vlan(final @Nullable Integer value) {
        vlan = value;
        return this;
    }

    public NetworkBuilder vrf(final @Nullable String value) {
        vrf = value;
        return this;
    }

    public NetworkBuilder subnets(final String... value) {
        subnets = List.of(value);
        return this;
    }

    public NetworkBuilder gateways(final String... value) {
        gateways = List.of(value);
        return this;
    }

    public NetworkBuilder arpSuppression(final boolean value) {
        arpSuppression = value;
        return this;
    }

    public NetworkBuilder mtu(final @Nullable Integer value) {
        mtu = value;
        return this;
    }

    public NetworkBuilder nodeRouters(final String... value) {
        nodeRouters = List.of(value);
        return this;
    }

    public NetworkBuilder leafSwitches(final String... value) {
        leafSwitches = List.of(value);
        return this;
    }

    public Network build() {
        return new Network(name, l2Vni, vlan, vrf, subnets, gateways, arpSuppression, mtu, nodeRouters,
            leafSwitches);
    }
}
