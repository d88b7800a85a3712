package io.openvni.southbound.frr;

import io.openvni.southbound.ssh.ExecResult;
import io.openvni.southbound.ssh.NodeUnreachableException;
import io.openvni.southbound.ssh.NodeUnreachableException.Reason;
import io.openvni.testlib.Commands;
import io.openvni.testlib.FrrGrpcModule;
import io.openvni.testlib.FrrRouter;
import io.openvni.testlib.HostLink;
import io.openvni.testlib.NamespaceHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.OptionalLong;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A throwaway node router for tests: Debian's zebra ({@code -n}, netns VRFs) and bgpd under FRR pathspace
 * {@value #PATHSPACE} ({@link FrrRouter}) in a {@link NamespaceHost} (private PID, mount and network namespaces, a
 * private {@code /run/netns}), driven through {@link #shell()}, a {@link NodeShell} into the host. {@link #close()}
 * stops the daemons, ends the host and deletes the folder. The system's FRR service is never touched. Public for
 * scripts/bench-frr.sh (shared as a test-jar).
 *
 * <p>{@link #startWithGrpc} loads FRR's northbound gRPC module into zebra ({@code -M grpc.so:PORT}, see
 * {@link FrrGrpcModule}) and links the node to the test by a {@link HostLink}, because the node has no sshd to
 * forward through: the test reaches the port at {@link #grpcAddress()}.
 */
public final class FrrNode implements AutoCloseable {
    public static final String PATHSPACE = "ovt";
    static final int GRPC_PORT = 50051;
    static final String SKIP_GRPC_ENV = FrrGrpcModule.SKIP_ENV;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final NamespaceHost host;
    private final NodeShell shell;
    private @Nullable FrrRouter router;
    private @Nullable HostLink grpcLink;

    private FrrNode(final NamespaceHost host) {
        this.host = host;
        this.shell = new HostShell(host);
    }

    /** Whether this machine can run the node: root, FRR and the tools. */
    public static boolean available() {
        return FrrRouter.missingPrerequisite() == null;
    }

    public static FrrNode start() throws IOException {
        return start(null);
    }

    /** A node whose zebra serves northbound gRPC on {@value #GRPC_PORT}, reachable at {@link #grpcAddress()}. */
    static FrrNode startWithGrpc() throws IOException {
        return start(FrrGrpcModule.build());
    }

    private static FrrNode start(final @Nullable Path grpcModule) throws IOException {
        final var dir = Files.createTempDirectory("ovni-frr-node");
        // the daemons drop root for the frr user, which must write their pid files and logs here
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        final FrrNode node;
        try {
            node = new FrrNode(NamespaceHost.start("frr-node", dir));
        } catch (IOException | RuntimeException e) {
            Commands.deleteTree(dir);
            throw e;
        }
        try {
            final var options = FrrRouter.Options.of(PATHSPACE).netnsVrf(true);
            if (grpcModule != null) {
                node.grpcLink = node.host.link(HostLink.linkLocal("ovg", "ovgrpc"));
            }
            node.router = FrrRouter.start(node.host, grpcModule == null ? options
                : options.grpc(new FrrRouter.Grpc(grpcModule, GRPC_PORT)));
            return node;
        } catch (IOException | RuntimeException | Error e) {
            node.close();
            throw e;
        }
    }

    /** The node's address on the veth to the host, where zebra's gRPC port is reached. */
    String grpcAddress() {
        final var link = grpcLink;
        if (link == null) {
            throw new IllegalStateException("the node was started without gRPC");
        }
        return link.insideAddress();
    }

    public NodeShell shell() {
        return shell;
    }

    /** Runs a command on the node; a failing command is a result. */
    public ExecResult sh(final String command) throws NodeUnreachableException {
        return shell.exec(command, null, TIMEOUT);
    }

    /** Runs a command on the node and returns its standard output; fails the caller when the command fails. */
    public String check(final String command) throws NodeUnreachableException {
        final var result = sh(command);
        if (!result.succeeded()) {
            throw new AssertionError(command + " failed: " + result.stderr() + result.stdout());
        }
        return result.stdout();
    }

    public String vtysh(final String... commands) throws NodeUnreachableException {
        final var line = new StringBuilder("vtysh -N " + PATHSPACE);
        for (var command : commands) {
            line.append(" -c '").append(command).append('\'');
        }
        return check(line + " 2>/dev/null");
    }

    public String runningConfig() throws NodeUnreachableException {
        return vtysh("show running-config");
    }

    /** The last lines of a daemon log ({@code zebra.log}, {@code bgpd.log}), for failure messages. */
    public String log(final String name) {
        final var started = router;
        return started == null ? "" : started.log(name);
    }

    @Override
    public void close() {
        final var started = router;
        if (started != null) {
            try {
                started.stop();
            } catch (IOException e) {
                // the host is ended below either way, and the daemons with it
            }
        }
        host.close();
        if (grpcLink != null) {
            // normally gone with the namespace already; this covers a holder that outlived its kill
            grpcLink.delete();
        }
        Commands.deleteTree(host.dir());
    }

    /**
     * A {@link NodeShell} into the host ({@code nsenter -m -n -p}): {@code ip netns exec} would enter the network
     * namespace only, whose {@code /run/netns} is the host's, shared with every other FRR instance.
     */
    private record HostShell(NamespaceHost host) implements NodeShell {
        @Override
        public ExecResult exec(final String command, final @Nullable String stdin, final Duration timeout)
                throws NodeUnreachableException {
            try {
                final var result = host.sh(command, stdin, timeout);
                return new ExecResult(result.exit(), result.stdout(), result.stderr());
            } catch (Commands.TimedOut e) {
                throw new NodeUnreachableException(Reason.TIMEOUT, "command did not finish within " + timeout + ": "
                    + command, e);
            } catch (IOException e) {
                throw new NodeUnreachableException(Reason.CHANNEL, e.getMessage(), e);
            }
        }

        /** The holder process, while it lives: its namespaces are the node's, and a new node has a new holder. */
        @Override
        public OptionalLong session() {
            return host.alive() ? OptionalLong.of(host.pid()) : OptionalLong.empty();
        }
    }
}
