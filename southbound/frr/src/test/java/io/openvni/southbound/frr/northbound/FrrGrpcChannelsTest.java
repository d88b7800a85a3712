package io.openvni.southbound.frr.northbound;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.southbound.frr.grpc.FrrCapabilities;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrrGrpcChannelsTest {
    private static final List<FrrCapabilities.YangModule> ZEBRA = List.of(
        new FrrCapabilities.YangModule("frr-vrf", "FRRouting", "2019-12-06"),
        new FrrCapabilities.YangModule("frr-zebra", "FRRouting", "2022-06-01"));

    // zebra's versions as Debian's FRR reports them: 8.4.4 (Debian 12), 10.3 (Debian 13, mgmtd owns zebra's config)
    @Test
    void zebraTakesTheL3vniBindingThroughItsNorthboundOnlyBeforeFrr10() {
        assertTrue(FrrGrpcChannels.Connection.writesL3vni(capabilities("8.4.4", ZEBRA)));
        assertTrue(FrrGrpcChannels.Connection.writesL3vni(capabilities("9.1", ZEBRA)));
        assertFalse(FrrGrpcChannels.Connection.writesL3vni(capabilities("10.3", ZEBRA)));
        assertFalse(FrrGrpcChannels.Connection.writesL3vni(capabilities("10.0-dev", ZEBRA)));
        assertFalse(FrrGrpcChannels.Connection.writesL3vni(capabilities("8.4.4", ZEBRA.subList(0, 1))));
    }

    private static FrrCapabilities capabilities(final String version, final List<FrrCapabilities.YangModule> modules) {
        return new FrrCapabilities(version, true, modules, List.of("JSON", "XML"));
    }
}
