package io.openvni.southbound.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

    @Test
    void ceilingDoublesUpToTheMax() {
        assertEquals(Duration.ofSeconds(1), backoff.ceiling(1));
        assertEquals(Duration.ofSeconds(2), backoff.ceiling(2));
        assertEquals(Duration.ofSeconds(256), backoff.ceiling(9));
        assertEquals(Duration.ofMinutes(5), backoff.ceiling(10));
        assertEquals(Duration.ofMinutes(5), backoff.ceiling(Integer.MAX_VALUE));
    }

    @Test
    void delaysAreJitteredWithinTheGrowingCeiling() {
        final var random = new SplittableRandom(20261126);
        final var seen = new HashSet<Duration>();
        for (int failures = 1; failures <= 200; failures++) {
            final var delay = backoff.delay(failures, random);
            final var ceiling = backoff.ceiling(failures);
            assertTrue(!delay.isNegative() && delay.compareTo(ceiling) <= 0, () -> delay + " outside [0, " + ceiling
                + "]");
            if (failures > 10) {
                seen.add(delay);
            }
        }
        assertTrue(seen.size() > 150, "delays at the cap are spread, not equal: " + seen.size() + " distinct");
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> backoff.ceiling(0));
    }
}
