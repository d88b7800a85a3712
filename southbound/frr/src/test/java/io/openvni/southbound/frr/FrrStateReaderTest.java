package io.openvni.southbound.frr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openvni.southbound.spi.DeviceState.VniState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing of zebra's {@code show evpn vni detail json} as the FRR releases print it. */
class FrrStateReaderTest {
    @Test
    void remoteVtepsOfFrr84AreTheArrayUnderNumRemoteVteps() throws Exception {
        // FRR 8.4.4 (Debian 12), an L2 VNI with one remote VTEP and an L3 VNI
        final String json = """
            [{"vni":10100,"type":"L2","vrf":"ovrf50000","vxlanInterface":"ovvx10100","ifindex":5,
              "vtepIp":"10.255.0.1","numRemoteVteps":["10.255.0.2"],"numMacs":2,"numArpNd":1},
             {"vni":50000,"type":"L3","localVtepIp":"10.255.0.1","vxlanIntf":"ovvx50000","state":"Up",
              "vrf":"ovrf50000"}]""";
        assertEquals(List.of(new VniState(10100, "L2", "ovrf50000", List.of("10.255.0.2")),
            new VniState(50000, "L3", "ovrf50000", List.of())), FrrStateReader.vnis(json));
    }

    @Test
    void remoteVtepsOfLaterReleasesAreObjectsUnderRemoteVteps() throws Exception {
        final String json = """
            {"vni":10100,"type":"L2","tenantVrf":"red","numRemoteVteps":2,
             "remoteVteps":[{"ip":"10.255.0.3","flood":"HER"},{"ip":"10.255.0.2","flood":"HER"}]}""";
        assertEquals(List.of(new VniState(10100, "L2", "red", List.of("10.255.0.2", "10.255.0.3"))),
            FrrStateReader.vnis(json));
    }
}
