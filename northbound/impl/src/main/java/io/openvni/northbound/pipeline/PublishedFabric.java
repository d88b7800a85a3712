package io.openvni.northbound.pipeline;

import static java.util.Objects.requireNonNull;

import io.openvni.core.intent.Fabric;
import io.openvni.southbound.spi.CommittedFabric;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CommittedFabric} the controller publishes after each change it takes in. A component of its own, not
 * part of the controller, because the driver bundles that read it are themselves referenced by the controller:
 * depending on the controller would make them restart each other. Immediate: one instance for as long as the
 * bundle runs, whoever holds it at the moment.
 */
@Component(service = { CommittedFabric.class, PublishedFabric.class }, immediate = true)
public final class PublishedFabric implements CommittedFabric {
    private static final Logger LOG = LoggerFactory.getLogger(PublishedFabric.class);

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Optional<Fabric> fabric = Optional.empty();

    @Override
    public Optional<Fabric> fabric() {
        return fabric;
    }

    @Override
    public Subscription subscribe(final Runnable listener) {
        requireNonNull(listener);
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Publishes the fabric of the pass just taken in and tells every listener. */
    void publish(final Fabric next) {
        fabric = Optional.of(next);
        for (var listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.error("A listener of the committed fabric failed", e);
            }
        }
    }

    /** Withdraws the fabric when the controller stops on this node: what reads it must not act on a stale one. */
    void withdraw() {
        fabric = Optional.empty();
    }
}
