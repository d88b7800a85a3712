package io.openvni.southbound.openconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;

class MountPathTest {
    @Test
    void aLeafsMountPathNamesTheLeaf() {
        assertEquals(Optional.of("leaf7"), OpenConfigNetconfDriver.deviceOf(OpenConfigNetconfDriver.mountPath("leaf7")));
    }

    @Test
    void otherMountPointsNameNoLeaf() {
        final var mount = OpenConfigNetconfDriver.mountPath("leaf7");
        final var topology = mount.getPathArguments().get(2).getNodeType();
        final var otherTopology = YangInstanceIdentifier.builder()
            .node(mount.getPathArguments().get(0)).node(mount.getPathArguments().get(1))
            .nodeWithKey(topology, QName.create(topology, "topology-id"), "topology-bgp")
            .node(mount.getPathArguments().get(3)).node(mount.getPathArguments().get(4))
            .build();
        assertEquals(Optional.empty(), OpenConfigNetconfDriver.deviceOf(otherTopology));
        assertEquals(Optional.empty(), OpenConfigNetconfDriver.deviceOf(mount.getParent()));
    }
}
