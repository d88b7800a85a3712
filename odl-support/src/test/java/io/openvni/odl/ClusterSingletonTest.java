package io.openvni.odl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opendaylight.mdsal.eos.dom.simple.SimpleDOMEntityOwnershipService;
import org.opendaylight.mdsal.singleton.impl.EOSClusterSingletonServiceProvider;

/**
 * MD-SAL's own singleton provider on its single-node entity ownership service: this node owns every group at once.
 */
class ClusterSingletonTest {
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final EOSClusterSingletonServiceProvider provider =
        new EOSClusterSingletonServiceProvider(new SimpleDOMEntityOwnershipService());

    @AfterEach
    void closeProvider() throws Exception {
        provider.close();
    }

    private ClusterSingleton duty(final String group, final String name) {
        return new ClusterSingleton(provider, group, name, () -> events.add("start " + name),
            () -> events.add("stop " + name));
    }

    @Test
    void startsOnTheOwnerAndStopsWhenClosed() {
        try (var duty = duty("g", "a")) {
            assertEquals(List.of("start a"), events);
        }
        // the provider stops it when unregistered, and close stops it here too: stop must tolerate both
        assertEquals("start a", events.getFirst());
        assertEquals(List.of("stop a"), events.stream().skip(1).distinct().toList());
    }

    @Test
    void dutiesOfOneGroupRunTogether() {
        try (var first = duty(ClusterSingleton.CONTROLLER_GROUP, "controller");
             var second = duty(ClusterSingleton.CONTROLLER_GROUP, "leaf topology manager")) {
            assertEquals(List.of("start controller", "start leaf topology manager"), events);
        }
    }
}
