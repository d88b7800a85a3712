package io.openvni.northbound.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.northbound.api.SealingStatus;
import io.openvni.odl.SecretBox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.random.RandomGenerator;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.opendaylight.aaa.encrypt.AAAEncryptionService;
import org.opendaylight.mdsal.common.api.OptimisticLockFailedException;
import org.opendaylight.mdsal.common.api.TransactionCommitFailedException;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.Fabric;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.leaf._switch.Netconf;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.node.router.Ssh;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.node.router.ssh.Credentials;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.node.router.ssh.credentials.Password;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.fabric.node.router.ssh.credentials.PasswordBuilder;

/**
 * The sealer's passes against ODL AAA's real encryption service, misconfigured (a cipher the JDK lacks) so that
 * every encryption fails, then repaired. The datastore's part is a store held in memory ({@link MemoryStore}): a
 * real DataBroker needs MD-SAL's in-memory datastore, which this build does not carry; {@code SecretsIT} runs the
 * sealer against the controller's real datastore.
 */
class SealerPassesTest {
    private static final Instant NOW = Instant.parse("2026-11-26T07:00:00Z");
    private static final List<String> BOTH = List.of("/fabric/leaf-switch[leaf1]/netconf/password",
        "/fabric/node-router[n1]/ssh/password");

    private final SwitchableAaa aaa = new SwitchableAaa(RealAaa.misconfigured("test-key-1"));
    private final MemoryStore store = new MemoryStore(Fabrics.netconf().setPassword("leaf-pw").build(),
        new PasswordBuilder().setPassword("node-pw").build());
    private final List<Duration> retries = new ArrayList<>();
    // every jitter draw near its top (nextDouble() of all ones is 1 - 2^-53): delays show their ceilings
    private final SealerPasses passes = new SealerPasses(store, new SecretBox(aaa), retries::add,
        Clock.fixed(NOW, ZoneOffset.UTC), () -> -1L);

    @Test
    void failedSealingIsRetriedWithGrowingCappedDelaysAndShownUntilItSucceeds() {
        passes.pass();
        var standing = passes.standing();
        assertEquals(BOTH, standing.unsealed());
        assertEquals(1, standing.failedAttempts());
        assertTrue(standing.lastError().startsWith("sealing the fabric's credentials failed, the plaintext stays "
            + "in the datastore: java.lang.IllegalStateException"), standing.lastError());
        assertEquals(NOW, standing.lastErrorAt());
        assertEquals(NOW, standing.checkedAt());
        assertEquals(List.of(retries.getFirst()), retries);
        assertEquals(NOW.plus(retries.getFirst()), standing.nextAttempt());
        assertEquals(List.of(standing), store.published);
        assertTrue(store.commits.isEmpty());
        assertEquals(1, store.cancelled);
        assertFalse(standing.toString().contains("leaf-pw") || standing.toString().contains("node-pw"));

        for (int pass = 2; pass <= 8; pass++) {
            passes.pass();
        }
        assertEquals(8, passes.standing().failedAttempts());
        assertEquals(8, retries.size());
        for (int failure = 1; failure <= 8; failure++) {
            final var ceiling = SealerPasses.RETRY.ceiling(failure);
            final var delay = retries.get(failure - 1);
            assertTrue(delay.compareTo(ceiling) <= 0 && delay.toMillis() >= ceiling.toMillis() * 99 / 100,
                "retry " + failure + " waits " + delay + ", ceiling " + ceiling);
        }
        assertEquals(Duration.ofSeconds(32), SealerPasses.RETRY.ceiling(6));
        assertEquals(Duration.ofMinutes(1), SealerPasses.RETRY.ceiling(7), "capped");
        assertEquals(Duration.ofMinutes(1), SealerPasses.RETRY.ceiling(8));
        assertEquals(8, store.published.size(), "every failure shows");
        assertTrue(store.commits.isEmpty());

        aaa.use(RealAaa.service("test-key-1"));
        passes.pass();
        standing = passes.standing();
        assertEquals(new SealingStatus(List.of(), NOW, "", null, 0, null), standing);
        assertEquals(8, retries.size(), "no retry after a success");
        assertEquals(1, store.commits.size());
        assertEquals(2, store.commits.getFirst().size());
        final var box = RealAaa.box("test-key-1");
        assertNull(store.netconf.getPassword());
        assertEquals(Optional.of("leaf-pw"), box.open(store.netconf.getEncryptedPassword()));
        assertEquals(Optional.of("node-pw"), box.open(((Password) store.credentials).getEncryptedPassword()));
        assertEquals(standing, store.published.getLast());

        passes.pass();
        assertEquals(9, store.published.size(), "an unchanged standing is not written again");
        assertEquals(1, store.commits.size());
    }

    @Test
    void aNewerCommitDuringSealingIsNoFailure() {
        aaa.use(RealAaa.service("test-key-1"));
        store.conflicts = 1;
        passes.pass();
        assertEquals(new SealingStatus(BOTH, NOW, "", null, 0, null), passes.standing());
        assertTrue(retries.isEmpty(), "the newer commit's change event queues the next pass");
        assertTrue(store.commits.isEmpty());
    }

    @Test
    void aFailedCommitIsRetriedAndKeepsThePlaintextListed() {
        aaa.use(RealAaa.service("test-key-1"));
        store.commitFailure = new TransactionCommitFailedException("shard leader not found");
        passes.pass();
        final var standing = passes.standing();
        assertEquals(BOTH, standing.unsealed());
        assertEquals(1, standing.failedAttempts());
        assertTrue(standing.lastError().contains("TransactionCommitFailedException")
            && standing.lastError().contains("shard leader not found"), standing.lastError());
        assertEquals(1, retries.size());

        store.commitFailure = null;
        passes.pass();
        assertEquals(List.of(), passes.standing().unsealed());
        assertEquals(0, passes.standing().failedAttempts());
    }

    @Test
    void aFailedPublicationIsRetried() {
        aaa.use(RealAaa.service("test-key-1"));
        store.publishFailures = 1;
        passes.pass();
        assertEquals(1, store.commits.size());
        assertEquals(1, retries.size());
        assertTrue(store.published.isEmpty());

        passes.pass();
        assertEquals(List.of(passes.standing()), store.published);
        assertEquals(1, retries.size());
    }

    /** Delegates to one of AAA's real services, so that a test can repair a misconfigured AAA between passes. */
    private static final class SwitchableAaa implements AAAEncryptionService {
        private AAAEncryptionService current;

        SwitchableAaa(final AAAEncryptionService current) {
            this.current = current;
        }

        void use(final AAAEncryptionService service) {
            current = service;
        }

        @Override
        public byte[] encrypt(final byte[] data) throws java.security.GeneralSecurityException {
            return current.encrypt(data);
        }

        @Override
        public byte[] decrypt(final byte[] data) throws java.security.GeneralSecurityException {
            return current.decrypt(data);
        }
    }

    /**
     * A configuration datastore of one fabric (one leaf switch, one node router) and an operational one of the
     * sealer's standing. A commit applies the sealed containers as the datastore would.
     */
    private static final class MemoryStore implements SealerPasses.Store {
        final List<List<Seal<?>>> commits = new ArrayList<>();
        final List<SealingStatus> published = new ArrayList<>();
        Netconf netconf;
        Credentials credentials;
        int conflicts;
        int cancelled;
        int publishFailures;
        @Nullable TransactionCommitFailedException commitFailure;

        MemoryStore(final Netconf netconf, final Credentials credentials) {
            this.netconf = netconf;
            this.credentials = credentials;
        }

        @Override
        public SealerPasses.FabricTransaction begin() {
            return new SealerPasses.FabricTransaction() {
                @Override
                public Fabric read() {
                    return Fabrics.fabric(netconf, credentials);
                }

                @Override
                public void commit(final List<Seal<?>> seals) throws ExecutionException {
                    if (conflicts > 0) {
                        conflicts--;
                        throw new ExecutionException(new OptimisticLockFailedException("changed since read"));
                    }
                    if (commitFailure != null) {
                        throw new ExecutionException(commitFailure);
                    }
                    commits.add(seals);
                    for (var seal : seals) {
                        if (seal.sealed() instanceof Netconf sealed) {
                            netconf = sealed;
                        } else if (seal.sealed() instanceof Ssh sealed) {
                            credentials = sealed.getCredentials();
                        }
                    }
                }

                @Override
                public void cancel() {
                    cancelled++;
                }
            };
        }

        @Override
        public void publish(final SealingStatus status) throws ExecutionException {
            if (publishFailures > 0) {
                publishFailures--;
                throw new ExecutionException(new TransactionCommitFailedException("operational shard busy"));
            }
            published.add(status);
        }
    }
}
