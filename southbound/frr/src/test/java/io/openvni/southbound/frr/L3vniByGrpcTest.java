package io.openvni.southbound.frr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openvni.southbound.frr.config.OwnedScope;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class L3vniByGrpcTest {
    private static final OwnedScope SCOPE = new OwnedScope(Set.of(), Set.of(), Set.of());

    @Test
    void vrfBlocksLoseTheirVniLinesToOneGrpcChangeBeforeWhatFollows() {
        final var changes = L3vniByGrpc.split(List.of(
            "vrf ovrf1", " vni 1", " netns /run/netns/ovrf1", "exit-vrf",
            "vrf ovrf2", " no vni 7", " vni 2", "exit-vrf",
            "router bgp 65201 vrf ovrf1", " bgp router-id 10.0.0.1", "exit",
            "vrf ovrf3", " no vni 3", "exit-vrf",
            "no vrf ovrf3"), SCOPE);
        assertEquals(List.of(
            new NodeChange.Vtysh(List.of("vrf ovrf1", " netns /run/netns/ovrf1", "exit-vrf"), SCOPE),
            new NodeChange.GrpcL3vni(List.of(new NodeChange.Binding("ovrf1", 1L), new NodeChange.Binding("ovrf2", null),
                new NodeChange.Binding("ovrf2", 2L))),
            new NodeChange.Vtysh(List.of("router bgp 65201 vrf ovrf1", " bgp router-id 10.0.0.1", "exit"), SCOPE),
            new NodeChange.GrpcL3vni(List.of(new NodeChange.Binding("ovrf3", null))),
            new NodeChange.Vtysh(List.of("no vrf ovrf3"), SCOPE)), changes);
    }

    @Test
    void aScriptWithoutVrfVniLinesStaysOneVtyshSession() {
        final var script = List.of("router bgp 65201", " address-family l2vpn evpn", "  vni 10100",
            "   rd 10.0.2.1:1", "  exit-vni", " exit-address-family", "exit");
        assertEquals(List.of(new NodeChange.Vtysh(script, SCOPE)), L3vniByGrpc.split(script, SCOPE));
    }
}
