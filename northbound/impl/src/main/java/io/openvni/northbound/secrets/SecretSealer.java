package io.openvni.northbound.secrets;

import io.openvni.odl.ClusterSingleton;
import io.openvni.odl.CoalescingPassRunner;
import io.openvni.odl.SecretBox;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.opendaylight.aaa.encrypt.AAAEncryptionService;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.mdsal.common.api.OptimisticLockFailedException;
import org.opendaylight.mdsal.singleton.api.ClusterSingletonServiceProvider;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.Fabric;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces the fabric's plaintext credentials with their AAA-encrypted form after every commit that brings one,
 * on the cluster node that owns this singleton. Each pass reads the fabric and puts the sealed credential
 * containers in the same read-write transaction: if a user changed one of those containers (or removed its
 * device) after the read, the commit fails on the datastore's optimistic-lock check and nothing is overwritten;
 * that user change triggers the next pass, which seals whatever it brought.
 */
@Component(service = { })
public final class SecretSealer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SecretSealer.class);
    // own group: sealing does not depend on the controller's singleton, and the controller's group stays its own
    private static final String GROUP = "openvni-secrets";
    private static final DataObjectIdentifier<Fabric> FABRIC = DataObjectIdentifier.builder(Fabric.class).build();
    private static final long TIMEOUT_SECONDS = 30;

    private final DataBroker broker;
    private final SecretBox box;
    private final ClusterSingleton singleton;
    private final CoalescingPassRunner runner = new CoalescingPassRunner("openvni-secret-sealer-%d", this::pass);

    @Activate
    public SecretSealer(@Reference final DataBroker broker,
            @Reference final ClusterSingletonServiceProvider singletons,
            @Reference final AAAEncryptionService aaa) {
        this.broker = broker;
        this.box = new SecretBox(aaa);
        singleton = new ClusterSingleton(singletons, GROUP, "secret sealer",
            () -> runner.start(broker, List.of(FABRIC)), runner::stop);
    }

    @Deactivate
    @Override
    public void close() {
        singleton.close();
    }

    /** One pass over the latest fabric. Runs only on the worker thread. */
    private void pass() {
        try {
            sealOnce(broker, box);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OptimisticLockFailedException) {
                // a newer user write touched a credential container: its change event queues the next pass
                LOG.info("The fabric changed while sealing its credentials; sealing the newer fabric instead");
            } else {
                LOG.error("Failed to seal the fabric's credentials", e);
            }
        } catch (Exception e) {
            LOG.error("Failed to seal the fabric's credentials", e);
        }
    }

    /**
     * Reads the fabric and seals its plaintext credentials in one read-write transaction.
     *
     * @return what was sealed, empty if nothing was plaintext
     * @throws ExecutionException with an {@link OptimisticLockFailedException} cause if a sealed container changed
     *         after the read; nothing is written then
     */
    static List<Seal<?>> sealOnce(final DataBroker broker, final SecretBox box) throws Exception {
        final var tx = broker.newReadWriteTransaction();
        final List<Seal<?>> seals;
        try {
            seals = Sealing.plan(tx.read(LogicalDatastoreType.CONFIGURATION, FABRIC)
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).orElse(null), box);
        } catch (Exception e) {
            tx.cancel();
            throw e;
        }
        if (seals.isEmpty()) {
            tx.cancel();
            return seals;
        }
        seals.forEach(seal -> seal.putInto(tx));
        tx.commit().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        seals.forEach(seal -> LOG.info("Sealed {}", seal.what()));
        return seals;
    }
}
