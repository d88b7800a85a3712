package io.openvni.southbound.frr;

import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.compile.DeviceRole;
import io.openvni.southbound.frr.northbound.FrrGrpcChannels;
import io.openvni.southbound.frr.grpc.FrrNorthboundClient;
import io.openvni.southbound.frr.northbound.SshGrpcEndpoint;
import io.openvni.southbound.spi.ApplyProgress;
import io.openvni.southbound.spi.ApplyResult;
import io.openvni.southbound.spi.ChangeSet;
import io.openvni.southbound.spi.DeviceDriver;
import io.openvni.southbound.spi.DeviceStateReader;
import io.openvni.southbound.spi.ForwardingRecorder;
import io.openvni.southbound.spi.MetricsRecorder;
import io.openvni.southbound.spi.ReadResult;
import io.openvni.southbound.spi.ReadScope;
import io.openvni.southbound.ssh.ExecResult;
import io.openvni.southbound.ssh.NodeSessions;
import io.openvni.southbound.ssh.NodeTargets;
import io.openvni.southbound.ssh.NodeUnreachableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.Function;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The FRR node driver as an OSGi service: every command runs over SSH ({@link NodeSessions}, one cached session per
 * node), with host keys pinned on first contact in the OpenSSH file {@code <karaf etc>/openvni/known_hosts}
 * (delete a node's line there to accept its new key after a reinstall; {@code @revoked} lines refuse a key). A node whose intent names FRR's gRPC port is also reached through an SSH
 * local forward to that port on the node's loopback ({@link FrrGrpcChannels}); FRR's gRPC has no authentication.
 * A session reopened to a node that had one counts as a reconnect for monitoring ({@link MetricsRecorder}).
 */
@Component(service = DeviceDriver.class, property = "openvni.driver=node-router/frr")
public final class FrrDriverComponent implements DeviceDriver<NodeState, NodeChange>, DeviceStateReader,
        AutoCloseable {
    private final NodeSessions sessions;
    private final FrrGrpcChannels grpc;
    private final FrrNodeDriver driver;
    private final FrrStateReader state;

    @Activate
    public FrrDriverComponent(@Reference final NodeTargets targets, @Reference final ForwardingRecorder metrics) {
        sessions = new NodeSessions(knownHosts(), target -> metrics.reconnected(DeviceRole.NODE_ROUTER));
        final Function<String, NodeShell> shells = device -> new SshShell(sessions, targets, device);
        grpc = new FrrGrpcChannels(new SshGrpcEndpoint(sessions, targets), FrrNorthboundClient.DEFAULT_DEADLINE,
            Duration.ofMinutes(1));
        driver = new FrrNodeDriver(shells, FrrNodeSettings.DEFAULT, grpc);
        state = new FrrStateReader(shells, FrrNodeSettings.DEFAULT, Clock.systemUTC(), grpc);
    }

    @Deactivate
    @Override
    public void close() {
        grpc.close();
        sessions.close();
    }

    @Override
    public ReadResult<NodeState> readOwned(final ReadScope scope) {
        return driver.readOwned(scope);
    }

    @Override
    public ChangeSet<NodeChange> diff(final NodeState current, final DeviceIntent desired) {
        return driver.diff(current, desired);
    }

    @Override
    public ApplyResult<NodeState> apply(final DeviceIntent desired, final ChangeSet<NodeChange> changes,
            final ApplyProgress progress) {
        return driver.apply(desired, changes, progress);
    }

    @Override
    public boolean stillCurrent(final NodeState observed, final String device) {
        return driver.stillCurrent(observed, device);
    }

    @Override
    public StateResult readState(final DeviceIntent intent) {
        return state.read(intent);
    }

    /** A node's shell over its cached SSH session; the session's id changes with every reconnect. */
    private record SshShell(NodeSessions sessions, NodeTargets targets, String device) implements NodeShell {
        @Override
        public ExecResult exec(final String command, final @Nullable String stdin, final Duration timeout)
                throws NodeUnreachableException {
            return sessions.exec(targets.target(device).orElseThrow(() -> new NodeUnreachableException(
                NodeUnreachableException.Reason.CONNECT, "the fabric has no SSH settings for node router " + device,
                null)), command, stdin, timeout);
        }

        @Override
        public OptionalLong session() {
            return targets.target(device).map(sessions::session).orElse(OptionalLong.empty());
        }
    }

    private static Path knownHosts() {
        final Path file = Path.of(System.getProperty("karaf.etc", "etc"), "openvni", "known_hosts");
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + file, e);
        }
        return file;
    }
}
