package io.openvni.southbound.openconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.core.render.openconfig.OpenConfigRenderer;
import io.openvni.southbound.openconfig.topology.LeafSchemaProblems;
import io.openvni.southbound.spi.DeviceFailure;
import io.openvni.southbound.spi.ReadResult;
import io.openvni.southbound.spi.ReadScope;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendaylight.mdsal.dom.broker.DOMMountPointServiceImpl;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;

/** What the driver tells without a device: whether an observation is current, and what a commit leaves behind. */
class OpenConfigNetconfDriverTest {
    @Test
    void observationIsCurrentOnlyWhileItsMountPointIsTheDevicesMountPoint() throws Exception {
        // ODL's own mount point service: the NETCONF connector registers a new mount point on every connect
        final var mounts = new DOMMountPointServiceImpl();
        final var driver = new OpenConfigNetconfDriver(mounts, OpenConfigDriverSettings.DEFAULT);
        final var schema = OpenConfigSchemas.leaf();
        final var path = OpenConfigNetconfDriver.mountPath("leaf1");

        final var first = mounts.createMountPoint(path).register();
        final var observed = new OwnedConfig("leaf1", schema, List.of(), new MountSession(first.getInstance()));
        assertTrue(driver.stillCurrent(observed, "leaf1"));
        assertFalse(driver.stillCurrent(observed, "leaf2"), "another device");

        first.close();
        assertFalse(driver.stillCurrent(observed, "leaf1"), "disconnected: no mount point");
        try (var second = mounts.createMountPoint(path).register()) {
            assertFalse(driver.stillCurrent(observed, "leaf1"), "reconnected: a new session");
            final var fresh = new OwnedConfig("leaf1", schema, List.of(), new MountSession(second.getInstance()));
            assertTrue(driver.stillCurrent(fresh, "leaf1"));
        }
    }

    @Test
    void committedIsWhatTheNextReadReturnsAndIsInSync() throws Exception {
        final var schema = OpenConfigSchemas.leaf();
        final var parser = new JsonConfigParser(schema, "leaf1", OpenConfigDialect.INSTANCE);
        final var renderer = new OpenConfigRenderer();
        final var desiredIntent = LeafFixtures.leaf(
            List.of(LeafFixtures.routed("web", 10100, 100, 50000, "10.1.0.1/24")), List.of(LeafFixtures.vrf(50000)),
            List.of(LeafFixtures.neighbor("10.0.2.3", 65203)));
        final var desired = LeafFixtures.parsed(schema, desiredIntent);
        final var mounts = new DOMMountPointServiceImpl();
        try (var mount = mounts.createMountPoint(OpenConfigNetconfDriver.mountPath("leaf1")).register()) {
            final var session = new MountSession(mount.getInstance());
            final var committed = OpenConfigNetconfDriver.committed(desired.entries(), "leaf1", schema,
                session);

            // the device after the commit: the desired configuration beside the operator's own
            final var json = renderer.render(desiredIntent);
            LeafFixtures.addForeignEntries(json);
            final var read = LeafFixtures.read(parser.parse(json), desiredIntent, LeafFixtures.full());
            assertEquals(byPath(read), byPath(committed.entries()));
            assertEquals(session, committed.session());
            assertTrue(LeafFixtures.diff(committed.entries(), desired).isEmpty());
            assertTrue(new OpenConfigNetconfDriver(mounts, OpenConfigDriverSettings.DEFAULT).diff(committed,
                desiredIntent).isEmpty());
        }
    }

    @Test
    void aLeafNotConnectedForItsSchemaDirectoryFailsWithTheReasonUntilItIsFixed() {
        final var mounts = new DOMMountPointServiceImpl();
        final var problems = new LeafSchemaProblems();
        final var driver = new OpenConfigNetconfDriver(mounts, OpenConfigDriverSettings.DEFAULT, problems);
        final var reason = "leaf switch leaf1 is not connected: its schema-directory /nowhere cannot be used (...)";
        problems.replace(Map.of("leaf1", reason));
        final var desired = LeafFixtures.leaf(List.of(), List.of(), List.of());

        final var read = driver.readOwned(new ReadScope(desired, null));
        final var failed = assertInstanceOf(ReadResult.Failed.class, read);
        assertEquals(new DeviceFailure.Rejected(reason), failed.failure());

        problems.replace(Map.of());
        final var healed = assertInstanceOf(ReadResult.Failed.class, driver.readOwned(new ReadScope(desired, null)));
        assertInstanceOf(DeviceFailure.Unreachable.class, healed.failure(), "now simply not mounted yet");
    }

    private static Map<YangInstanceIdentifier, MapEntryNode> byPath(final List<OwnedEntry> entries) {
        final var result = new HashMap<YangInstanceIdentifier, MapEntryNode>();
        entries.forEach(entry -> result.put(entry.path(), entry.data()));
        return result;
    }
}
