package io.openvni.core.validation;

import static io.openvni.core.testing.IntentFixtures.network;
import static io.openvni.core.testing.IntentFixtures.sample;
import static io.openvni.core.testing.IntentFixtures.tenant;
import static io.openvni.core.testing.IntentFixtures.vrf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.core.allocation.Allocations;
import io.openvni.core.intent.Intent;
import io.openvni.core.intent.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What an operator is told about a refused intent, however many errors it has. */
class ValidationReportTest {
    private static final int NETWORKS = 5_000;

    @Test
    void aTenantFullOfErrorsIsReportedByItsFirstHundredErrorsAndACount() {
        // every network: a VLAN out of range (reused by all, so also a reuse but for the first) and an unknown VRF
        final var networks = new ArrayList<Network>();
        for (int i = 0; i < NETWORKS; i++) {
            networks.add(network(String.format(Locale.ROOT, "net%04d", i)).vlan(5000).vrf("missing").build());
        }
        final var intent = new Intent(sample().fabric(), List.of(tenant("big", List.of(vrf("red").build()),
            networks)));

        final var errors = IntentValidator.admit(intent, Allocations.EMPTY);
        assertEquals(3 * NETWORKS - 1, errors.size(), "each network's errors, none dropped by the validator");

        final var report = ValidationReport.of(errors);
        assertEquals(errors.subList(0, ValidationReport.LISTED), report.listed(), "the first errors in path order");
        assertEquals(3 * NETWORKS - 1 - ValidationReport.LISTED, report.more());
        assertEquals(errors.size(), report.total());
        assertEquals(new ValidationError("/tenants/tenant[big]/network[net0000]/vlan",
            "VLAN 5000 is out of range 1..4094"), report.listed().getFirst());
        // net0000 has 2 errors (it keeps the VLAN), the others 3: 2 + 32 * 3 + the first 2 of net0033
        assertEquals(new ValidationError("/tenants/tenant[big]/network[net0033]/vlan",
            "VLAN 5000 is out of range 1..4094"), report.listed().getLast());

        final var message = report.message();
        assertTrue(message.startsWith("/tenants/tenant[big]/network[net0000]/vlan: VLAN 5000 is out of range"),
            message);
        assertTrue(message.endsWith("; and " + (3 * NETWORKS - 1 - ValidationReport.LISTED) + " more"), message);
        assertEquals(ValidationReport.LISTED, message.split("; /tenants/").length, "one part per listed error");
        assertTrue(message.length() < 200 * ValidationReport.LISTED, () -> message.length() + " characters");
    }

    @Test
    void aFewErrorsAreAllListed() {
        final var errors = List.of(new ValidationError("/fabric/a", "one"), new ValidationError("/fabric/b", "two"));
        final var report = ValidationReport.of(errors);
        assertEquals(errors, report.listed());
        assertEquals(0, report.more());
        assertEquals("/fabric/a: one; /fabric/b: two", report.message());
        assertEquals("", ValidationReport.of(List.of()).message());
    }

    @Test
    void exactlyAsManyErrorsAsListedNeedNoCount() {
        final var errors = new ArrayList<ValidationError>();
        for (int i = 0; i < ValidationReport.LISTED + 1; i++) {
            errors.add(new ValidationError(String.format(Locale.ROOT, "/fabric/x%03d", i), "wrong"));
        }
        assertEquals(0, ValidationReport.of(errors.subList(0, ValidationReport.LISTED)).more());
        assertTrue(ValidationReport.of(errors).message().endsWith("/fabric/x099: wrong; and 1 more"));
        assertThrows(IllegalArgumentException.class, () -> new ValidationReport(List.of(), -1));
    }
}
