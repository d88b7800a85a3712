package io.openvni.northbound.nodes;

import io.openvni.core.intent.NodeRouter;
import io.openvni.core.intent.SshAccess;
import io.openvni.northbound.binding.IntentCodec;
import io.openvni.odl.SecretBox;
import io.openvni.southbound.ssh.Credentials;
import io.openvni.southbound.ssh.NodeTargets;
import io.openvni.southbound.ssh.SshTarget;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.aaa.encrypt.AAAEncryptionService;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.DataTreeChangeListener;
import org.opendaylight.mdsal.binding.api.DataTreeModification;
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
 * The node routers' SSH targets from the fabric's {@code node-router/ssh} settings, kept current by listening to
 * the fabric; sealed credentials are opened with the AAA key. Its own component rather than part of the controller,
 * so that drivers can depend on it without depending on the controller that depends on them.
 */
@Component(service = NodeTargets.class)
public final class NodeRouterTargets implements NodeTargets, DataTreeChangeListener<Fabric>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeRouterTargets.class);

    private final SecretBox secrets;
    private final Registration registration;
    private volatile Map<String, SshTarget> targets = Map.of();

    @Activate
    public NodeRouterTargets(@Reference final DataBroker broker, @Reference final AAAEncryptionService aaa) {
        secrets = new SecretBox(aaa);
        registration = broker.registerTreeChangeListener(LogicalDatastoreType.CONFIGURATION,
            DataObjectIdentifier.builder(Fabric.class).build(), this);
    }

    @Deactivate
    @Override
    public void close() {
        registration.close();
    }

    @Override
    public Optional<SshTarget> target(final String device) {
        return Optional.ofNullable(targets.get(device));
    }

    @Override
    public void onDataTreeChanged(final List<DataTreeModification<Fabric>> changes) {
        final var fabric = changes.get(changes.size() - 1).getRootNode().dataAfter();
        try {
            final var next = new HashMap<String, SshTarget>();
            for (var node : IntentCodec.toIntent(fabric, null, secrets).fabric().nodeRouters()) {
                try {
                    toTarget(node).ifPresent(target -> next.put(node.name(), target));
                } catch (IllegalArgumentException e) {
                    // an unreadable private key: the node is unreachable until it is fixed; never log the key
                    LOG.warn("Node router {}: unusable SSH credentials: {}", node.name(), e.getMessage());
                }
            }
            targets = Map.copyOf(next);
        } catch (RuntimeException e) {
            // the validation cohort admits only valid fabrics, so this is a codec bug: keep the previous targets
            LOG.warn("Cannot read the node routers' SSH settings, keeping the previous ones: {}", e.getMessage());
        }
    }

    @Override
    public void onInitialData() {
        targets = Map.of();
    }

    private static Optional<SshTarget> toTarget(final NodeRouter node) {
        final SshAccess ssh = node.ssh();
        final Credentials credentials;
        if (ssh.privateKey() != null) {
            credentials = Credentials.privateKey(ssh.privateKey().value());
        } else if (ssh.password() != null) {
            credentials = Credentials.password(ssh.password().value());
        } else {
            return Optional.empty();
        }
        return Optional.of(SshTarget.of(ssh.host(), ssh.port(), ssh.username(), credentials));
    }
}
