package io.openvni.northbound.secrets;

import io.openvni.northbound.api.SealingStatus;
import io.openvni.northbound.api.SecretSealing;
import io.openvni.odl.ClusterSingleton;
import io.openvni.odl.CoalescingPassRunner;
import io.openvni.odl.SecretBox;
import java.time.Clock;
import java.util.List;
import java.util.random.RandomGenerator;
import org.opendaylight.aaa.encrypt.AAAEncryptionService;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.singleton.api.ClusterSingletonServiceProvider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Replaces the fabric's plaintext credentials with their AAA-encrypted form after every commit that brings one,
 * on the cluster node that owns this singleton ({@link SealerPasses}: one transaction per pass, retried with
 * backoff when it fails). Its standing goes to {@code openvni-status:secrets}, which it writes itself
 * ({@link BrokerSealerStore} says why) and which every node reads ({@link #status()}).
 */
// immediate: it seals whether or not anyone asks for its standing
@Component(service = SecretSealing.class, immediate = true)
public final class SecretSealer implements SecretSealing, AutoCloseable {
    // own group: sealing does not depend on the controller's singleton, and the controller's group stays its own
    private static final String GROUP = "openvni-secrets";

    private final BrokerSealerStore store;
    private final SecretBox box;
    private final ClusterSingleton singleton;
    private final CoalescingPassRunner runner = new CoalescingPassRunner("openvni-secret-sealer-%d", this::pass);

    // the active instance's passes; guarded by this, used on the worker thread
    private SealerPasses passes;

    @Activate
    public SecretSealer(@Reference final DataBroker broker,
            @Reference final ClusterSingletonServiceProvider singletons,
            @Reference final AAAEncryptionService aaa) {
        store = new BrokerSealerStore(broker);
        box = new SecretBox(aaa);
        singleton = new ClusterSingleton(singletons, GROUP, "secret sealer", () -> start(broker), runner::stop);
    }

    @Deactivate
    @Override
    public void close() {
        singleton.close();
    }

    @Override
    @SuppressWarnings("checkstyle:IllegalCatch") // a status that cannot be read says so instead of failing
    public SealingStatus status() {
        try {
            return store.published();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreadable(e);
        } catch (Exception e) {
            return unreadable(e);
        }
    }

    private static SealingStatus unreadable(final Exception cause) {
        return new SealingStatus(List.of(), null, "cannot read openvni-status:secrets: " + cause, null, 0, null);
    }

    private void start(final DataBroker broker) {
        synchronized (this) {
            // a fresh standing: the first pass publishes it, over what a previous owner left
            passes = new SealerPasses(store, box, runner::schedulePass, Clock.systemUTC(),
                RandomGenerator.of("L64X128MixRandom"));
        }
        runner.start(broker, List.of(BrokerSealerStore.FABRIC));
    }

    /** One pass over the latest fabric. Runs only on the worker thread. */
    private void pass() {
        final SealerPasses active;
        synchronized (this) {
            active = passes;
        }
        active.pass();
    }
}
