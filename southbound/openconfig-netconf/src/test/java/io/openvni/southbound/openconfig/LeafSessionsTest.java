package io.openvni.southbound.openconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openvni.core.compile.DeviceRole;
import io.openvni.southbound.spi.DeviceSessions;
import io.openvni.southbound.spi.ForwardingRecorder;
import io.openvni.southbound.spi.MetricsRecorder;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.opendaylight.mdsal.dom.broker.DOMMountPointServiceImpl;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;

/**
 * Leaf switch sessions as ODL's own mount point service shows them: every new mount point of a fabric leaf is a
 * session, and one for a leaf that had one before is a reconnect.
 */
class LeafSessionsTest {
    private final DOMMountPointServiceImpl mounts = new DOMMountPointServiceImpl();
    private final List<DeviceRole> reconnects = new CopyOnWriteArrayList<>();
    private final MetricsRecorder recorder = new MetricsRecorder() {
        @Override
        public void reconnected(final DeviceRole role) {
            reconnects.add(role);
        }
    };
    private final ForwardingRecorder metrics = new ForwardingRecorder();
    private final DeviceSessions sessions = new DeviceSessions();
    private final List<String> opened = new CopyOnWriteArrayList<>();

    @Test
    void aLeafMountedAgainIsOneReconnect() {
        try (var watch = sessions.watch(opened::add); var counter = new LeafSessions(mounts, Set.of("leaf1", "leaf2")::contains, metrics, sessions)) {
            metrics.set(recorder);
            final var first = mounts.createMountPoint(OpenConfigNetconfDriver.mountPath("leaf1")).register();
            mounts.createMountPoint(OpenConfigNetconfDriver.mountPath("leaf2")).register().close();
            assertEquals(List.of(), reconnects, "first sessions are no reconnects");

            first.close();
            mounts.createMountPoint(OpenConfigNetconfDriver.mountPath("leaf1")).register().close();
            assertEquals(List.of(DeviceRole.LEAF_SWITCH), reconnects);
            mounts.createMountPoint(OpenConfigNetconfDriver.mountPath("leaf1")).register().close();
            mounts.createMountPoint(OpenConfigNetconfDriver.mountPath("leaf2")).register().close();
            assertEquals(3, reconnects.size());
            assertEquals(List.of("leaf1", "leaf2", "leaf1", "leaf1", "leaf2"), opened, "every session is told");
        }
    }

    @Test
    void otherDevicesAndOtherMountsAreNotCounted() {
        try (var watch = sessions.watch(opened::add); var counter = new LeafSessions(mounts, Set.of("leaf1")::contains, metrics, sessions)) {
            metrics.set(recorder);
            for (int i = 0; i < 2; i++) {
                // a NETCONF node someone else manages, and a mount point that is no NETCONF node
                mounts.createMountPoint(OpenConfigNetconfDriver.mountPath("router9")).register().close();
                mounts.createMountPoint(YangInstanceIdentifier.of(QName.create("urn:example", "leaf1")))
                    .register().close();
            }
            assertEquals(List.of(), reconnects);
            assertEquals(List.of(), opened);
        }
    }

    @Test
    void nothingIsCountedOrToldOnceClosedOrWithoutARecorder() {
        final var counter = new LeafSessions(mounts, Set.of("leaf1")::contains, metrics, sessions);
        final var watch = sessions.watch(opened::add);
        mounts.createMountPoint(OpenConfigNetconfDriver.mountPath("leaf1")).register().close();
        mounts.createMountPoint(OpenConfigNetconfDriver.mountPath("leaf1")).register().close();
        metrics.set(recorder);
        metrics.unset(recorder);
        mounts.createMountPoint(OpenConfigNetconfDriver.mountPath("leaf1")).register().close();
        watch.close();
        mounts.createMountPoint(OpenConfigNetconfDriver.mountPath("leaf1")).register().close();
        assertEquals(List.of("leaf1", "leaf1", "leaf1"), opened, "told until the watch closed");
        metrics.set(recorder);
        counter.close();
        mounts.createMountPoint(OpenConfigNetconfDriver.mountPath("leaf1")).register().close();
        assertEquals(List.of(), reconnects);
    }
}
