package io.openvni.southbound.openconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.openvni.core.render.openconfig.OpenConfigRenderer;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderingsTest {
    @Test
    void theLastTwoIntentsOfADeviceAreParsedOncePerSchema() throws Exception {
        final var schema = OpenConfigSchemas.leaf();
        final var renderings = new Renderings(OpenConfigDialect.INSTANCE);
        final var full = LeafFixtures.full();
        final var smaller = LeafFixtures.leaf(List.of(LeafFixtures.pureL2("storage", 10300, 300)), List.of(),
            List.of());
        final var third = LeafFixtures.leaf(List.of(), List.of(), List.of());

        final var first = renderings.parse(schema, full);
        assertEquals(new JsonConfigParser(schema, "leaf1", OpenConfigDialect.INSTANCE)
            .parse(new OpenConfigRenderer().render(full)), first.config());
        // an equal intent, as the next pass gets it, and the previous one beside a new one
        assertSame(first, renderings.parse(schema, LeafFixtures.full()));
        final var second = renderings.parse(schema, smaller);
        assertSame(first, renderings.parse(schema, full));
        assertSame(second, renderings.parse(schema, smaller));
        // a third intent pushes out the oldest
        renderings.parse(schema, third);
        assertNotSame(first, renderings.parse(schema, full));
        // another schema instance (the device reconnected) is parsed anew
        final var reconnected = OpenConfigSchemas.parse(OpenConfigSchemas.TOP_MODULES);
        final var again = renderings.parse(reconnected, full);
        assertNotSame(renderings.parse(schema, full), again);
        assertEquals(first, again);
    }
}
