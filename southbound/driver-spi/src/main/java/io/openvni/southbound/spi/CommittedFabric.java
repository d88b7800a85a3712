package io.openvni.southbound.spi;

import io.openvni.core.intent.Fabric;
import java.util.Optional;

/**
 * The fabric as the active controller last took it from the datastore, decoded once per datastore generation and
 * shared with what a driver bundle needs beside the SPI: how to reach its devices (the node routers' SSH access,
 * the leaf switches' NETCONF nodes). Only the cluster node that runs the controller publishes one; elsewhere, and
 * before the controller's first pass, there is none.
 */
public interface CommittedFabric {
    /** A listener's registration; closing it stops the calls. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * The latest fabric the controller took in; empty while this node runs no controller.
     */
    Optional<Fabric> fabric();

    /**
     * Calls the listener after each fabric the controller takes in, also when it equals the previous one (the
     * datastore changed in what the core does not see, such as a credential's encrypted form). It runs on the
     * controller's thread: it must only queue work.
     *
     * @param listener what to call
     * @return the registration
     */
    Subscription subscribe(Runnable listener);
}
