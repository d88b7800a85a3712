package io.openvni.southbound.openconfig.topology;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.DataListener;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.fabric.rev261126.Fabric;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.concepts.Registration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares the schema cache directories of the fabric's leaf switches ({@link SchemaCache}) on every cluster member,
 * not only on the one running the controller. ODL's NETCONF topology connects a leaf on whichever member leads the
 * topology's shard (after a failover, first the one Raft elects, then the controller's new member), and it reads a
 * cache directory once, when it first uses it: a directory made only afterwards stays unused there, and the leaf
 * never gets its schema. So each member makes them as soon as the fabric names them. Problems are only logged
 * here: the controller's member reports them as the leaf's failure ({@link LeafSchemaProblems}).
 */
@Component(service = { })
public final class LeafSchemaCachePreparer implements DataListener<Fabric>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeafSchemaCachePreparer.class);
    private static final DataObjectIdentifier<Fabric> FABRIC = DataObjectIdentifier.builder(Fabric.class).build();

    private final SchemaCache cache;
    private final Registration registration;

    @Activate
    public LeafSchemaCachePreparer(@Reference final DataBroker broker) {
        this(broker, SchemaCache.odlDefault());
    }

    LeafSchemaCachePreparer(final DataBroker broker, final SchemaCache cache) {
        this.cache = cache;
        registration = broker.registerDataListener(LogicalDatastoreType.CONFIGURATION, FABRIC, this);
    }

    @Override
    public void dataChangedTo(final @Nullable Fabric fabric) {
        if (fabric == null || fabric.getLeafSwitch() == null) {
            return;
        }
        for (var leaf : fabric.getLeafSwitch().values()) {
            final String sources = leaf.getNetconf() == null ? null : leaf.getNetconf().getSchemaDirectory();
            if (sources != null && !sources.isBlank()) {
                try {
                    cache.prepare(Path.of(sources));
                } catch (IOException | RuntimeException e) {
                    LOG.debug("Schema cache of leaf switch {} not prepared on this member", leaf.getName(), e);
                }
            }
        }
    }

    @Deactivate
    @Override
    public void close() {
        registration.close();
    }
}
