package io.openvni.odl;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import org.opendaylight.mdsal.singleton.api.ClusterSingletonService;
import org.opendaylight.mdsal.singleton.api.ClusterSingletonServiceProvider;
import org.opendaylight.mdsal.singleton.api.ServiceGroupIdentifier;
import org.opendaylight.yangtools.concepts.Registration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A duty that runs only on the cluster node owning a singleton group: started when this node becomes the owner,
 * stopped when it no longer is and when closed. The one place OpenVNI registers with MD-SAL's
 * {@link ClusterSingletonServiceProvider}; duties registered with the same group move between nodes together.
 */
public final class ClusterSingleton implements AutoCloseable {
    /** The group of the controller and of what must run beside it (the leaf switches' NETCONF topology). */
    public static final String CONTROLLER_GROUP = "openvni-controller";

    private static final Logger LOG = LoggerFactory.getLogger(ClusterSingleton.class);

    private final Runnable stop;
    private final Registration registration;

    /**
     * Registers a duty; {@code start} may run before this constructor returns, on the provider's thread.
     *
     * @param provider MD-SAL's singleton service provider
     * @param group the singleton group
     * @param duty what runs, for the log ("controller", "secret sealer")
     * @param start starts the duty; must not block for long
     * @param stop stops it; must tolerate being called when not started, and twice
     */
    public ClusterSingleton(final ClusterSingletonServiceProvider provider, final String group, final String duty,
            final Runnable start, final Runnable stop) {
        requireNonNull(duty);
        requireNonNull(start);
        this.stop = requireNonNull(stop);
        final var identifier = new ServiceGroupIdentifier(group);
        registration = provider.registerClusterSingletonService(new ClusterSingletonService() {
            @Override
            public ServiceGroupIdentifier getIdentifier() {
                return identifier;
            }

            @Override
            public void instantiateServiceInstance() {
                LOG.info("OpenVNI {} active on this node", duty);
                start.run();
            }

            @Override
            public ListenableFuture<?> closeServiceInstance() {
                LOG.info("OpenVNI {} no longer active on this node", duty);
                stop.run();
                return Futures.immediateFuture(null);
            }
        });
    }

    /** Unregisters the duty and stops it here, whether or not the provider has stopped it yet. */
    @Override
    public void close() {
        registration.close();
        stop.run();
    }
}
