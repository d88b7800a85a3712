package io.openvni.southbound.openconfig.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

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
}
