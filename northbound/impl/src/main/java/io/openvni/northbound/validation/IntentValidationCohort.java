package io.openvni.northbound.validation;

import com.google.common.util.concurrent.FluentFuture;
import io.openvni.core.validation.ValidationError;
import io.openvni.core.validation.ValidationReport;
import io.openvni.northbound.binding.DecodedIntents;
import io.openvni.northbound.binding.IntentDecoder;
import java.util.Collection;
import java.util.List;
import org.opendaylight.mdsal.common.api.DataValidationFailedException;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.mdsal.common.api.PostCanCommitStep;
import org.opendaylight.mdsal.dom.api.DOMDataBroker;
import org.opendaylight.mdsal.dom.api.DOMDataTreeCandidate;
import org.opendaylight.mdsal.dom.api.DOMDataTreeCommitCohort;
import org.opendaylight.mdsal.dom.api.DOMDataTreeIdentifier;
import org.opendaylight.netconf.api.NetconfDocumentedException;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.util.concurrent.FluentFutures;
import org.opendaylight.yangtools.yang.common.ErrorSeverity;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidateNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates the fabric and the tenants together whenever a configuration commit touches either. Registered at the
 * datastore root because the two containers must be checked against each other (a cohort sees only the subtree
 * it is registered on). A rejection carries a {@link NetconfDocumentedException} with {@code invalid-value}, which
 * RESTCONF turns into a 400 whose message lists the first errors as {@code path: reason} and how many more there
 * are ({@link ValidationReport}). {@link DecodedIntents} decodes and admits the candidate, and keeps the result for
 * the controller once the commit is in. Admission allocates against the persisted allocations, so a change whose
 * owners cannot all get a value (a pool exhausted) or that puts more on a device than the fabric's limits is refused
 * here, before anything is stored.
 */
@Component(service = { })
public final class IntentValidationCohort implements DOMDataTreeCommitCohort, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IntentValidationCohort.class);

    private final DecodedIntents intents;
    private final Registration registration;

    @Activate
    public IntentValidationCohort(@Reference final DOMDataBroker broker, @Reference final DecodedIntents intents) {
        this.intents = intents;
        final var cohorts = broker.extension(DOMDataBroker.CommitCohortExtension.class);
        if (cohorts == null) {
            throw new IllegalStateException("The data broker does not support commit cohorts; OpenVNI cannot "
                + "validate intent");
        }
        registration = cohorts.registerCommitCohort(DOMDataTreeIdentifier.of(LogicalDatastoreType.CONFIGURATION,
            YangInstanceIdentifier.of()), this);
    }

    @Deactivate
    @Override
    public void close() {
        registration.close();
    }

    @Override
    public FluentFuture<PostCanCommitStep> canCommit(final Object txId, final EffectiveModelContext ctx,
            final Collection<DOMDataTreeCandidate> candidates) {
        for (var candidate : candidates) {
            final DataTreeCandidateNode root = candidate.getRootNode();
            if (root.modifiedChild(IntentDecoder.FABRIC) == null
                    && root.modifiedChild(IntentDecoder.TENANTS) == null) {
                continue;
            }
            final List<ValidationError> errors;
            try {
                errors = intents.proposed(root.dataAfter() instanceof ContainerNode after ? after : null).errors();
            } catch (RuntimeException e) {
                // never throw from a cohort: the shard would not answer
                LOG.error("Transaction {}: validation failed unexpectedly", txId, e);
                return reject(candidate, "OpenVNI could not validate the change: " + e.getMessage());
            }
            if (!errors.isEmpty()) {
                LOG.info("Transaction {}: rejected {} invalid value(s), first {}", txId, errors.size(),
                    errors.getFirst());
                return reject(candidate, ValidationReport.of(errors).message());
            }
        }
        return PostCanCommitStep.NOOP_SUCCESSFUL_FUTURE;
    }

    private static FluentFuture<PostCanCommitStep> reject(final DOMDataTreeCandidate candidate,
            final String message) {
        return FluentFutures.immediateFailedFluentFuture(new DataValidationFailedException(
            DOMDataTreeIdentifier.class, candidate.getRootPath(), message,
            new NetconfDocumentedException(message, ErrorType.APPLICATION, ErrorTag.INVALID_VALUE,
                ErrorSeverity.ERROR)));
    }
}
