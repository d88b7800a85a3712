package io.openvni.southbound.openconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.openvni.southbound.openconfig.NetconfOperations.DeviceException;
import io.openvni.southbound.spi.DeviceFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EditPartsTest {
    private static final List<Integer> CHANGES = IntStream.range(0, 10).boxed().toList();

    /** A device that takes edits of at most {@code limit} entries and refuses bigger ones as too big. */
    private static final class Device implements EditParts.Sender<Integer> {
        final int limit;
        final List<List<Integer>> edits = new ArrayList<>();
        final List<Integer> taken = new ArrayList<>();

        Device(final int limit) {
            this.limit = limit;
        }

        @Override
        public void send(final List<Integer> part) throws DeviceException {
            edits.add(List.copyOf(part));
            if (part.size() > limit) {
                throw new DeviceException(new DeviceFailure.Rejected("too big: " + part.size()), true);
            }
            taken.addAll(part);
        }
    }

    @Test
    void everythingFitsInOneEdit() throws Exception {
        final var device = new Device(100);
        final var progress = new ArrayList<Integer>();
        assertEquals(16, EditParts.send(CHANGES, 16, device, progress::add));
        assertEquals(List.of(CHANGES), device.edits);
        assertEquals(List.of(10), progress);
    }

    @Test
    void moreThanTheMaximumGoesInConsecutiveParts() throws Exception {
        final var device = new Device(100);
        final var progress = new ArrayList<Integer>();
        assertEquals(4, EditParts.send(CHANGES, 4, device, progress::add));
        assertEquals(List.of(List.of(0, 1, 2, 3), List.of(4, 5, 6, 7), List.of(8, 9)), device.edits);
        assertEquals(List.of(4, 8, 10), progress);
    }

    @Test
    void aPartRefusedAsTooBigIsHalvedAndTheRestFollowsNoBigger() throws Exception {
        final var device = new Device(3);
        final var progress = new ArrayList<Integer>();
        assertEquals(2, EditParts.send(CHANGES, 8, device, progress::add));
        assertEquals(List.of(List.of(0, 1, 2, 3, 4, 5, 6, 7), List.of(0, 1, 2, 3), List.of(0, 1), List.of(2, 3),
            List.of(4, 5), List.of(6, 7), List.of(8, 9)), device.edits);
        assertEquals(CHANGES, device.taken, "every change once, in order");
        assertEquals(List.of(2, 4, 6, 8, 10), progress);
    }

    @Test
    void aSingleEntryTooBigFails() {
        final var device = new Device(0);
        final var e = assertThrows(DeviceException.class, () -> EditParts.send(CHANGES, 4, device, done -> { }));
        assertEquals("too big: 1", e.failure().text());
        assertEquals(List.of(List.of(0, 1, 2, 3), List.of(0, 1), List.of(0)), device.edits);
    }

    @Test
    void otherRefusalsAreNotRetried() {
        final var refusal = new DeviceException(new DeviceFailure.Rejected("data-missing"));
        final var sent = new ArrayList<List<Integer>>();
        final var e = assertThrows(DeviceException.class, () -> EditParts.send(CHANGES, 4, part -> {
            sent.add(List.copyOf(part));
            if (part.contains(5)) {
                throw refusal;
            }
        }, done -> { }));
        assertSame(refusal, e);
        assertEquals(List.of(List.of(0, 1, 2, 3), List.of(4, 5, 6, 7)), sent);
    }

    @Test
    void maximumMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> EditParts.send(CHANGES, 0, part -> { }, done -> { }));
    }
}
