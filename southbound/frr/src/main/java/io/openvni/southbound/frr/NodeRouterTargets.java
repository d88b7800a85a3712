package io.openvni.southbound.frr;

import io.openvni.core.intent.Fabric;
import io.openvni.core.intent.NodeRouter;
import io.openvni.core.intent.SshAccess;
import io.openvni.southbound.spi.CommittedFabric;
import io.openvni.southbound.ssh.Credentials;
import io.openvni.southbound.ssh.NodeTargets;
import io.openvni.southbound.ssh.SshTarget;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node routers' SSH targets, from the {@code node-router/ssh} settings of the fabric the controller took in
 * ({@link CommittedFabric}: decoded once per datastore generation, sealed credentials already opened), rebuilt when
 * a newer fabric is published. None on a cluster node that runs no controller.
 */
@Component(service = NodeTargets.class)
public final class NodeRouterTargets implements NodeTargets {
    private static final Logger LOG = LoggerFactory.getLogger(NodeRouterTargets.class);

    private final Supplier<Optional<Fabric>> committed;
    private volatile Targets targets = new Targets(null, Map.of());

    /** The targets of one fabric, compared by identity: the controller publishes a new one per change. */
    private record Targets(@Nullable Fabric fabric, Map<String, SshTarget> byNode) {
    }

    @Activate
    public NodeRouterTargets(@Reference final CommittedFabric committed) {
        this(committed::fabric);
    }

    NodeRouterTargets(final Supplier<Optional<Fabric>> committed) {
        this.committed = committed;
    }

    @Override
    public Optional<SshTarget> target(final String device) {
        final var fabric = committed.get().orElse(null);
        if (fabric == null) {
            return Optional.empty();
        }
        var current = targets;
        if (current.fabric() != fabric) {
            current = new Targets(fabric, of(fabric));
            targets = current;
        }
        return Optional.ofNullable(current.byNode().get(device));
    }

    private static Map<String, SshTarget> of(final Fabric fabric) {
        final var result = new HashMap<String, SshTarget>();
        for (var node : fabric.nodeRouters()) {
            try {
                toTarget(node).ifPresent(target -> result.put(node.name(), target));
            } catch (IllegalArgumentException e) {
                // an unreadable private key: the node is unreachable until it is fixed; never log the key
                LOG.warn("Node router {}: unusable SSH credentials: {}", node.name(), e.getMessage());
            }
        }
        return Map.copyOf(result);
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
