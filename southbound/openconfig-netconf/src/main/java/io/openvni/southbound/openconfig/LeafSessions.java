package io.openvni.southbound.openconfig;

import static java.util.Objects.requireNonNull;

import io.openvni.core.compile.DeviceRole;
import io.openvni.southbound.spi.CommittedFabric;
import io.openvni.southbound.spi.DeviceSessions;
import io.openvni.southbound.spi.ForwardingRecorder;
import io.openvni.southbound.spi.MetricsRecorder;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.mdsal.dom.api.DOMMountPoint;
import org.opendaylight.mdsal.dom.api.DOMMountPointListener;
import org.opendaylight.mdsal.dom.api.DOMMountPointService;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Leaf switch sessions as ODL's NETCONF connector makes them: it makes a new mount point each time it connects a
 * device and removes it when the session ends. Each new mount point of a fabric leaf switch is told to
 * {@link DeviceSessions} (so a leaf that could not be reached is retried at once); one for a leaf that had one before
 * (since this component started) is a connection lost and made again, counted for monitoring
 * ({@link MetricsRecorder#reconnected}). Mount points of devices that are not the fabric's leaf switches are left
 * alone. Thread-safe: the mount point service calls it from the connector's threads.
 */
@Component(service = { })
public final class LeafSessions implements DOMMountPointListener, AutoCloseable {
    private final MetricsRecorder metrics;
    private final DeviceSessions sessions;
    private final Predicate<String> isLeafSwitch;
    private final Set<String> mountedBefore = ConcurrentHashMap.newKeySet();
    private final Registration registration;

    /**
     * Watches the sessions of the committed fabric's leaf switches.
     *
     * @param mounts ODL's mount point service
     * @param committed the fabric the controller took in
     * @param sessions where new sessions are told
     */
    @Activate
    public LeafSessions(@Reference final DOMMountPointService mounts, @Reference final CommittedFabric committed,
            @Reference final ForwardingRecorder metrics, @Reference final DeviceSessions sessions) {
        this(mounts, leaf -> committed.fabric()
            .map(fabric -> fabric.leafSwitches().stream().anyMatch(known -> known.name().equals(leaf)))
            .orElse(false), metrics, sessions);
    }

    LeafSessions(final DOMMountPointService mounts, final Predicate<String> isLeafSwitch,
            final MetricsRecorder metrics, final DeviceSessions sessions) {
        this.isLeafSwitch = requireNonNull(isLeafSwitch);
        this.metrics = requireNonNull(metrics);
        this.sessions = requireNonNull(sessions);
        registration = mounts.registerProvisionListener(this);
    }

    @Override
    public void onMountPointCreated(final DOMMountPoint mountPoint) {
        final String leaf = leafOf(mountPoint.getIdentifier());
        if (leaf == null || !isLeafSwitch.test(leaf)) {
            return;
        }
        if (!mountedBefore.add(leaf)) {
            metrics.reconnected(DeviceRole.LEAF_SWITCH);
        }
        sessions.opened(leaf);
    }

    @Override
    public void onMountPointRemoved(final YangInstanceIdentifier path) {
        // the leaf stays one that had a session: its next mount point is a reconnect
    }

    /** The leaf switch a mount point is of: a node of ODL's NETCONF topology, or null for any other mount. */
    private static @Nullable String leafOf(final YangInstanceIdentifier path) {
        if (path.getLastPathArgument() instanceof NodeIdentifierWithPredicates node && node.size() == 1
                && node.values().iterator().next() instanceof String name
                && path.equals(OpenConfigNetconfDriver.mountPath(name))) {
            return name;
        }
        return null;
    }

    @Deactivate
    @Override
    public void close() {
        registration.close();
    }
}
