package io.openvni.southbound.openconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openvni.core.compile.DeviceRole;
import io.openvni.southbound.spi.ForwardingRecorder;
import io.openvni.southbound.spi.MetricsRecorder;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.opendaylight.mdsal.dom.broker.DOMMountPointServiceImpl;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;

/** Leaf switch reconnects as ODL's own mount point service shows them: a new mount point for a leaf that had one. */
class LeafReconnectsTest {
    private final DOMMountPointServiceImpl mounts = new DOMMountPointServiceImpl();
    private final List<DeviceRole> reconnects = new CopyOnWriteArrayList<>();
    private final MetricsRecorder recorder = new MetricsRecorder() {
        @Override
        public void reconnected(final DeviceRole role) {
            reconnects.add(role);
        }
    };
    private final ForwardingRecorder metrics = new ForwardingRecorder();

    @Test
    void aLeafMountedAgainIsOneReconnect() {
        try (var counter = new LeafReconnects(mounts, Set.of("leaf1", "leaf2")::contains, metrics)) {
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
        }
    }

    @Test
    void otherDevicesAndOtherMountsAreNotCounted() {
        try (var counter = new LeafReconnects(mounts, Set.of("leaf1")::contains, metrics)) {
            metrics.set(recorder);
            for (int i = 0; i < 2; i++) {
                // a NETCONF node someone else manages, and a mount point that is no NETCONF node
                mounts.createMountPoint(OpenConfigNetconfDriver.mountPath("router9")).register().close();
                mounts.createMountPoint(YangInstanceIdentifier.of(QName.create("urn:example", "leaf1")))
                    .register().close();
            }
            assertEquals(List.of(), reconnects);
        }
    }

    @Test
    void nothingIsCountedOnceClosedOrWithoutARecorder() {
        final var counter = new LeafReconnects(mounts, Set.of("leaf1")::contains, metrics);
        mounts.createMountPoint(OpenConfigNetconfDriver.mountPath("leaf1")).register().close();
        mounts.createMountPoint(OpenConfigNetconfDriver.mountPath("leaf1")).register().close();
        metrics.set(recorder);
        metrics.unset(recorder);
        mounts.createMountPoint(OpenConfigNetconfDriver.mountPath("leaf1")).register().close();
        metrics.set(recorder);
        counter.close();
        mounts.createMountPoint(OpenConfigNetconfDriver.mountPath("leaf1")).register().close();
        assertEquals(List.of(), reconnects);
    }
}
