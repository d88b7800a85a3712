package io.openvni.core.testing;

import io.openvni.core.intent.LeafSwitch;
import io.openvni.core.intent.NetconfAccess;
import io.openvni.core.intent.Secret;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;

/** Builds a {@link LeafSwitch}; defaults are valid except router ID and VTEP address, which tests set. */
public final class LeafBuilder {
    private String name;
    private LeafSwitch.Dialect dialect = LeafSwitch.Dialect.OPENCONFIG;
    private String netconfHost = "192.0.2.1";
    private int netconfPort = 830;
    private String netconfUsername = "admin";
    private @Nullable Secret netconfPassword = new Secret("admin");
    private long asn = 65001;
    private String routerId = "10.0.0.1";
    private String vtepAddress = "10.255.0.1";
    private String vtepSourceInterface = "Loopback1";
    private List<String> accessInterfaces = List.of();

    LeafBuilder(final String name) {
        this.name = name;
    }

    public static LeafBuilder from(final LeafSwitch leaf) {
        final var builder = new LeafBuilder(leaf.name());
        builder.dialect = leaf.dialect();
        builder.netconfHost = leaf.netconf().host();
        builder.netconfPort = leaf.netconf().port();
        builder.netconfUsername = leaf.netconf().username();
        builder.netconfPassword = leaf.netconf().password();
        builder.asn = leaf.asn();
        builder.routerId = leaf.routerId();
        builder.vtepAddress = leaf.vtepAddress();
        builder.vtepSourceInterface = leaf.vtepSourceInterface();
        builder.accessInterfaces = leaf.accessInterfaces();
        return builder;
    }

    public LeafBuilder name(final String value) {
        name = value;
        return this;
    }

    public LeafBuilder netconfHost(final String value) {
        netconfHost = value;
        return this;
    }

    public LeafBuilder netconfPort(final int value) {
        netconfPort = value;
        return this;
    }

    public LeafBuilder netconfUsername(final String value) {
        netconfUsername = value;
        return this;
    }

    public LeafBuilder netconfPassword(final @Nullable String value) {
        netconfPassword = value == null ? null : new Secret(value);
        return this;
    }

    public LeafBuilder asn(final long value) {
        asn = value;
        return this;
    }

    public LeafBuilder routerId(final String value) {
        routerId = value;
        return this;
    }

    public LeafBuilder vtepAddress(final String value) {
        vtepAddress = value;
        return this;
    }

    public LeafBuilder vtepSourceInterface(final String value) {
        vtepSourceInterface = value;
        return this;
    }

    public LeafBuilder dialect(final LeafSwitch.Dialect value) {
        dialect = value;
        return this;
    }

    public LeafBuilder accessInterfaces(final String... values) {
        accessInterfaces = List.of(values);
        return this;
    }

    public LeafSwitch build() {
        return new LeafSwitch(name, dialect, new NetconfAccess(netconfHost, netconfPort, netconfUsername,
            netconfPassword), asn, routerId, vtepAddress, vtepSourceInterface, accessInterfaces);
    }
}
