package io.openvni.northbound.binding;

import io.openvni.core.allocation.AllocationOutcome;
import io.openvni.core.intent.Intent;
import io.openvni.core.validation.IntentValidator;
import io.openvni.northbound.secrets.SecretCheck;
import io.openvni.odl.SecretBox;
import java.util.ArrayDeque;
import java.util.Deque;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.Fabric;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.Allocations;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.tenant.rev261126.Tenants;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.data.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes and validates the fabric, tenants and allocations containers of one datastore generation, and remembers
 * the last few results by the containers' node identity: the datastore's data tree keeps the very nodes of a
 * committed candidate (and of every subtree a commit leaves alone), so the same nodes mean the same generation.
 * Nodes that are merely equal are decoded again; comparing them would cost about as much. Thread-safe.
 */
public final class IntentDecoder {
    public static final NodeIdentifier FABRIC = NodeIdentifier.create(Fabric.QNAME);
    public static final NodeIdentifier TENANTS = NodeIdentifier.create(Tenants.QNAME);
    public static final NodeIdentifier ALLOCATIONS = NodeIdentifier.create(Allocations.QNAME);

    private static final Logger LOG = LoggerFactory.getLogger(IntentDecoder.class);
    // candidates a commit may still bring, plus the committed one; a rejected candidate just ages out
    private static final int REMEMBERED = 4;

    private final BindingNormalizedNodeSerializer codec;
    private final SecretBox secrets;
    // guarded by itself; newest first
    private final Deque<Remembered> remembered = new ArrayDeque<>(REMEMBERED);

    private record Remembered(@Nullable NormalizedNode fabric, @Nullable NormalizedNode tenants,
            @Nullable NormalizedNode allocations, DecodedIntent decoded) {
        boolean isOf(final @Nullable NormalizedNode otherFabric, final @Nullable NormalizedNode otherTenants,
                final @Nullable NormalizedNode otherAllocations) {
            return fabric == otherFabric && tenants == otherTenants && allocations == otherAllocations;
        }
    }

    public IntentDecoder(final BindingNormalizedNodeSerializer codec, final SecretBox secrets) {
        this.codec = codec;
        this.secrets = secrets;
    }

    /**
     * The generation made of these containers, each {@code null} when absent.
     */
    public DecodedIntent decode(final @Nullable NormalizedNode fabric, final @Nullable NormalizedNode tenants,
            final @Nullable NormalizedNode allocations) {
        synchronized (remembered) {
            for (var entry : remembered) {
                if (entry.isOf(fabric, tenants, allocations)) {
                    return entry.decoded();
                }
            }
        }
        LOG.debug("Decoding and validating a generation not seen before");
        final var decoded = decode(binding(fabric, FABRIC, Fabric.class), binding(tenants, TENANTS, Tenants.class),
            binding(allocations, ALLOCATIONS, Allocations.class));
        synchronized (remembered) {
            if (remembered.size() == REMEMBERED) {
                remembered.removeLast();
            }
            remembered.addFirst(new Remembered(fabric, tenants, allocations, decoded));
        }
        return decoded;
    }

    // Credentials first: the intent needs them readable.
    private DecodedIntent decode(final @Nullable Fabric fabric, final @Nullable Tenants tenants,
            final @Nullable Allocations allocations) {
        final var persisted = AllocationCodec.toCore(allocations);
        final var secretErrors = SecretCheck.errors(fabric, secrets);
        if (!secretErrors.isEmpty()) {
            return new DecodedIntent(Intent.EMPTY, persisted, new AllocationOutcome.Failed(secretErrors));
        }
        final var intent = IntentCodec.toIntent(fabric, tenants, secrets);
        return new DecodedIntent(intent, persisted, IntentValidator.validateAndAllocate(intent, persisted));
    }

    private <T extends DataObject> @Nullable T binding(final @Nullable NormalizedNode node, final NodeIdentifier id,
            final Class<T> type) {
        if (node == null) {
            return null;
        }
        final var entry = codec.fromNormalizedNode(YangInstanceIdentifier.of(id), node);
        return entry == null ? null : type.cast(entry.getValue());
    }
}
