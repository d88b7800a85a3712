package io.openvni.core.pipeline;

import static io.openvni.core.testing.IntentFixtures.ACME;
import static io.openvni.core.testing.IntentFixtures.DB;
import static io.openvni.core.testing.IntentFixtures.LEAF1;
import static io.openvni.core.testing.IntentFixtures.LEAF2;
import static io.openvni.core.testing.IntentFixtures.N1;
import static io.openvni.core.testing.IntentFixtures.N2;
import static io.openvni.core.testing.IntentFixtures.WEB;
import static io.openvni.core.testing.IntentFixtures.withNetwork;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.core.allocation.Allocations;
import io.openvni.core.compile.CompiledFabric;
import io.openvni.core.testing.IntentFixtures;
import io.openvni.core.validation.IntentValidator;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IntentPipelineTest {
    private final IntentPipeline pipeline = new IntentPipeline();

    @Test
    void firstIntentAllocatesAndCompilesEveryDevice() throws Exception {
        final var step = pipeline.process(IntentFixtures.sample(), Allocations.EMPTY);
        assertTrue(step.allocationsChanged());
        assertEquals(IntentFixtures.sampleAllocations(), step.allocations());
        assertEquals(Set.of(LEAF1, LEAF2, N1, N2), step.compile().changed());
        assertSame(step.compile().fabric(), pipeline.compiled());
    }

    @Test
    void sameIntentWithItsPersistedAllocationsChangesNothing() throws Exception {
        final var first = pipeline.process(IntentFixtures.sample(), Allocations.EMPTY);
        final var again = pipeline.process(IntentFixtures.sample(), first.allocations());
        assertFalse(again.allocationsChanged());
        assertEquals(Set.of(), again.compile().changed());
    }

    @Test
    void outcomeValidatedAtAdmissionGivesTheSameStep() throws Exception {
        final var intent = IntentFixtures.sample();
        final var outcome = IntentValidator.validateAndAllocate(intent, Allocations.EMPTY);
        final var admitted = new IntentPipeline().process(intent, Allocations.EMPTY, outcome);
        final var validatedHere = pipeline.process(intent, Allocations.EMPTY);
        assertEquals(validatedHere.allocations(), admitted.allocations());
        assertEquals(validatedHere.compile().fabric().devices(), admitted.compile().fabric().devices());
    }

    @Test
    void invalidIntentIsRejectedAndThePreviousCompileStays() throws Exception {
        final var first = pipeline.process(IntentFixtures.sample(), Allocations.EMPTY);
        final var clash = withNetwork(withNetwork(IntentFixtures.sample(), ACME, WEB, n -> n.l2Vni(10_005)), ACME,
            DB, n -> n.l2Vni(10_005));
        final var rejected = assertThrows(IntentPipeline.RejectedIntentException.class,
            () -> pipeline.process(clash, first.allocations()));
        assertFalse(rejected.errors().isEmpty());
        assertSame(first.compile().fabric(), pipeline.compiled());
    }

    @Test
    void startsFromNothing() {
        assertSame(CompiledFabric.EMPTY, new IntentPipeline().compiled());
    }
}
