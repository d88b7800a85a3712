package io.openvni.southbound.spi;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Component;

/**
 * Where drivers say that a device has a new session, for whoever reconciles it: a device its last pass could not
 * reach is retried at once instead of after its backoff (a NETCONF leaf is connected by ODL's connector in the
 * background, so without this the first pass after a failover or an outage waits up to its backoff's growing
 * delay). One component that lives as long as the bundle, so that watchers and drivers need not know each other.
 * Thread-safe.
 */
@Component(service = DeviceSessions.class)
public final class DeviceSessions {
    /** A watch that ends when closed. */
    @FunctionalInterface
    public interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    private final Set<Consumer<String>> watchers = new CopyOnWriteArraySet<>();

    /**
     * Tells {@code onSession} of every device session opened from now until the watch is closed.
     *
     * @param onSession takes the device's name; called on the driver's thread, so it must neither block nor throw
     * @return the watch
     */
    public Watch watch(final Consumer<String> onSession) {
        requireNonNull(onSession);
        watchers.add(onSession);
        return () -> watchers.remove(onSession);
    }

    /**
     * A driver opened a session to a device.
     *
     * @param device the device's name
     */
    public void opened(final String device) {
        watchers.forEach(watcher -> watcher.accept(device));
    }
}
