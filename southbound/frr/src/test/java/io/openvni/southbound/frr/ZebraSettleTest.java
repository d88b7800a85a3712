package io.openvni.southbound.frr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.southbound.frr.ZebraSettle.Repair;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When the check after an apply repairs what zebra missed and when it gives up ({@link ZebraSettle}). */
class ZebraSettleTest {
    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private static final long START = 1_000 * SECOND;

    private final ZebraSettle settle = new ZebraSettle(Duration.ofSeconds(10), START);

    @Test
    void releasesProtodownAtOnce() {
        assertEquals(Repair.RELEASE_PROTODOWN, settle.next(2, 3, true, true, START));
    }

    @Test
    void recreatesWhatZebraLacksOnlyOnceItStalledAfterHalfTheSettleTime() {
        // zebra takes devices up: no repair, however long it takes
        assertEquals(Repair.NONE, settle.next(10, 5, false, true, START + SECOND));
        assertEquals(Repair.NONE, settle.next(8, 4, false, true, START + 6 * SECOND));
        // it stalled, but only half the settle time after the apply may it be repaired
        final var early = new ZebraSettle(Duration.ofSeconds(10), START);
        early.next(8, 4, false, true, START + SECOND);
        assertEquals(Repair.NONE, early.next(8, 4, false, true, START + 2 * SECOND));
        // stalled, late enough, only kernel work left
        assertEquals(Repair.RECREATE, settle.next(8, 4, false, true, START + 7 * SECOND));
    }

    @Test
    void neverRecreatesWhenFrrWorkIsLeftOrNothingIsLacking() {
        settle.next(8, 4, false, false, START + 6 * SECOND);
        assertEquals(Repair.NONE, settle.next(8, 4, false, false, START + 7 * SECOND));
        settle.next(8, 0, false, true, START + 8 * SECOND);
        assertEquals(Repair.NONE, settle.next(8, 0, false, true, START + 9 * SECOND));
    }

    @Test
    void recreatesAgainOnlyWhenZebraLacksLessThanAtTheLastRepair() {
        settle.next(8, 4, false, true, START + 6 * SECOND);
        assertEquals(Repair.RECREATE, settle.next(8, 4, false, true, START + 7 * SECOND));
        settle.recreated(4, START + 7 * SECOND);

        settle.next(8, 4, false, true, START + 13 * SECOND);
        assertEquals(Repair.NONE, settle.next(8, 4, false, true, START + 14 * SECOND));
        settle.next(8, 2, false, true, START + 15 * SECOND);
        assertEquals(Repair.RECREATE, settle.next(8, 2, false, true, START + 16 * SECOND));
    }

    @Test
    void givesUpWhenTheNodeMakesNoProgressForTheSettleTime() {
        settle.next(8, 0, false, false, START);
        assertFalse(settle.expired(START + 10 * SECOND));
        // the same work left: no more time
        settle.next(8, 0, false, false, START + 9 * SECOND);
        assertTrue(settle.expired(START + 10 * SECOND + 1));
    }

    @Test
    void eachReadBackThatFindsLessToDoAndEachRepairGiveTheWholeSettleTimeAgain() {
        settle.next(8, 0, false, false, START + 9 * SECOND);
        settle.next(5, 0, false, false, START + 12 * SECOND);
        assertFalse(settle.expired(START + 22 * SECOND));
        assertTrue(settle.expired(START + 22 * SECOND + 1));

        settle.recreated(3, START + 20 * SECOND);
        assertFalse(settle.expired(START + 30 * SECOND));
        assertTrue(settle.expired(START + 30 * SECOND + 1));
    }

    @Test
    void zebraLackingFewerDevicesIsProgressThoughTheCommandsLeftStayTheSame() {
        // a repair recreates only some of what zebra lacks: the commands left stay the same while it takes up others
        settle.next(64 * 3, 900, false, true, START + 9 * SECOND);
        settle.next(64 * 3, 700, false, true, START + 12 * SECOND);
        assertFalse(settle.expired(START + 22 * SECOND));
        assertTrue(settle.expired(START + 22 * SECOND + 1));
    }
}
