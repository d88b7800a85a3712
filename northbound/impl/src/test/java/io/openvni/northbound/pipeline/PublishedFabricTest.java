package io.openvni.northbound.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openvni.core.intent.Fabric;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublishedFabricTest {
    private final PublishedFabric published = new PublishedFabric();

    @Test
    void listenersHearEveryPublicationUntilTheyUnsubscribe() {
        final var heard = new ArrayList<Optional<Fabric>>();
        final var subscription = published.subscribe(() -> heard.add(published.fabric()));
        assertEquals(Optional.empty(), published.fabric());

        published.publish(Fabric.EMPTY);
        // also the same fabric again: the datastore may have changed in what the core does not see
        published.publish(Fabric.EMPTY);
        assertEquals(List.of(Optional.of(Fabric.EMPTY), Optional.of(Fabric.EMPTY)), heard);

        subscription.close();
        published.publish(Fabric.EMPTY);
        assertEquals(2, heard.size());
    }

    @Test
    void aFailingListenerDoesNotKeepTheOthersFromHearing() {
        final var heard = new ArrayList<String>();
        published.subscribe(() -> {
            throw new IllegalStateException("broken listener");
        });
        published.subscribe(() -> heard.add("second"));
        published.publish(Fabric.EMPTY);
        assertEquals(List.of("second"), heard);
    }

    @Test
    void withdrawnWhenTheControllerStopsHere() {
        published.publish(Fabric.EMPTY);
        published.withdraw();
        assertEquals(Optional.empty(), published.fabric());
    }
}
