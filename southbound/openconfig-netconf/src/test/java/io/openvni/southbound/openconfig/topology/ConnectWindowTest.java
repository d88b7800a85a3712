package io.openvni.southbound.openconfig.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.opendaylight.netconf.device.rev251028.ConnectionOper.ConnectionStatus;

class ConnectWindowTest {
    private static final List<String> LEAVES = IntStream.rangeClosed(1, 100).mapToObj(i -> "leaf" + i).toList();

    @Test
    void aFabricOfManyLeavesGoesInAWindowAtATime() {
        final var window = new ConnectWindow(32);
        assertEquals(LEAVES.subList(0, 32), window.admit(LEAVES, 0));
        // 20 of the first 32 connected: 20 more go in
        assertEquals(LEAVES.subList(32, 52), window.admit(LEAVES.subList(32, 100), 12));
        assertEquals(List.of(), window.admit(LEAVES.subList(52, 100), 32));
    }

    @Test
    void moreConnectingThanTheWindowAdmitsNothingAndAFewWaitingAllGoIn() {
        final var window = new ConnectWindow(32);
        // nodes written before (by an older controller, or changed ones) may already exceed the window
        assertEquals(List.of(), window.admit(LEAVES, 40));
        assertEquals(List.of("leaf1", "leaf2"), window.admit(List.of("leaf1", "leaf2"), 3));
    }

    @Test
    void anEmptyWindowIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ConnectWindow(0));
    }

    @Test
    void aNodeWithoutOperationalEntryOrStillConnectingCountsAsConnecting() {
        assertEquals(2, ConnectWindow.connecting(List.of("leaf1", "leaf2", "leaf3", "leaf4"), Map.of(
            "leaf2", ConnectionStatus.Connecting, "leaf3", ConnectionStatus.Connected,
            "leaf4", ConnectionStatus.UnableToConnect)));
    }
}
