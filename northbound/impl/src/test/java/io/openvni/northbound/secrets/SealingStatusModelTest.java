package io.openvni.northbound.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.openvni.northbound.api.SealingStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SealingStatusModelTest {
    @Test
    void aFailedSealingRoundTripsThroughTheContainer() {
        final var at = Instant.parse("2026-11-26T07:00:00Z");
        final var status = SealingStatus.INITIAL.failed(at,
            List.of("/fabric/node-router[n1]/ssh/private-key", "/fabric/leaf-switch[leaf1]/netconf/password"),
            "sealing failed: java.lang.IllegalStateException: no cipher", at.plusSeconds(2));
        final var secrets = SealingStatusModel.build(status);
        assertEquals(2, secrets.getUnsealed().intValue());
        assertEquals(status.unsealed(), secrets.getUnsealedCredential(), "in the fabric's order");
        assertEquals("2026-11-26T07:00:02Z", secrets.getNextAttempt().getValue());
        assertEquals(status, SealingStatusModel.parse(secrets));
    }

    @Test
    void aSealedFabricShowsNoErrorAndNothingPublishedIsTheInitialStanding() {
        final var at = Instant.parse("2026-11-26T07:00:00Z");
        final var secrets = SealingStatusModel.build(SealingStatus.INITIAL.checked(at, List.of()));
        assertEquals(0, secrets.getUnsealed().intValue());
        assertNull(secrets.getLastError());
        assertNull(secrets.getNextAttempt());
        assertEquals(SealingStatus.INITIAL.checked(at, List.of()), SealingStatusModel.parse(secrets));
        assertEquals(SealingStatus.INITIAL, SealingStatusModel.parse(null));
    }
}
