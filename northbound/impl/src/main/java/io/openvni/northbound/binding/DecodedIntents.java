package io.openvni.northbound.binding;

import static io.openvni.northbound.binding.IntentDecoder.ALLOCATIONS;
import static io.openvni.northbound.binding.IntentDecoder.FABRIC;
import static io.openvni.northbound.binding.IntentDecoder.TENANTS;

import io.openvni.odl.SecretBox;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.aaa.encrypt.AAAEncryptionService;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.mdsal.dom.api.DOMDataBroker;
import org.opendaylight.mdsal.dom.api.DOMDataTreeReadTransaction;
import org.opendaylight.yangtools.binding.data.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Each generation of the intent decoded and validated once, for the two that need it: the validation cohort asks
 * for the generation a commit would create, the controller after the commit for the one it reads, and gets the
 * cohort's result ({@link IntentDecoder} remembers it by node identity). A generation this node's cohort did not
 * see (stored before the controller started, or validated on another cluster member) is decoded and validated
 * again.
 */
@Component(service = DecodedIntents.class)
public final class DecodedIntents {
    private static final long TIMEOUT_SECONDS = 30;

    private final DOMDataBroker broker;
    private final IntentDecoder decoder;

    @Activate
    public DecodedIntents(@Reference final DOMDataBroker broker,
            @Reference final BindingNormalizedNodeSerializer codec, @Reference final AAAEncryptionService aaa) {
        this.broker = broker;
        decoder = new IntentDecoder(codec, new SecretBox(aaa));
    }

    /**
     * The generation a commit would create.
     *
     * @param root the whole configuration datastore after the commit, {@code null} if it would be empty
     */
    public DecodedIntent proposed(final @Nullable ContainerNode root) {
        return root == null ? decoder.decode(null, null, null)
            : decoder.decode(root.childByArg(FABRIC), root.childByArg(TENANTS), root.childByArg(ALLOCATIONS));
    }

    /**
     * The committed generation: the three containers read in one transaction, so as of the same commit.
     */
    public DecodedIntent committed() throws InterruptedException, ExecutionException, TimeoutException {
        try (var tx = broker.newReadOnlyTransaction()) {
            return decoder.decode(read(tx, FABRIC), read(tx, TENANTS), read(tx, ALLOCATIONS));
        }
    }

    private static @Nullable NormalizedNode read(final DOMDataTreeReadTransaction tx, final NodeIdentifier id)
            throws InterruptedException, ExecutionException, TimeoutException {
        return tx.read(LogicalDatastoreType.CONFIGURATION, YangInstanceIdentifier.of(id))
            .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).orElse(null);
    }
}
