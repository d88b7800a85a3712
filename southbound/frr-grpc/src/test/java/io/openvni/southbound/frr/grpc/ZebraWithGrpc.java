package io.openvni.southbound.frr.grpc;

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
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real zebra (Debian's FRR 8.4) alone, with the northbound gRPC module loaded, in a {@link NamespaceHost}: zebra
 * runs with {@code -n} (the netns VRF backend, as on the nodes) and the host's empty {@code /run/netns}, so it does
 * not take other tests' namespaces for VRFs.
 *
 * <p>The module binds all addresses inside the namespace. The test reaches it over a {@link HostLink}: one veth
 * pair with a private /30 ({@code ofg-zebra} inside), no forwarder process to start, watch and kill.
 *
 * <p>Without root, FRR, or a buildable module the fixture fails with the reason; OPENVNI_SKIP_FRR_GRPC=1 skips.
 */
final class ZebraWithGrpc implements AutoCloseable {
    private static final int GRPC_PORT = 50051;

    private final NamespaceHost host;
    private HostLink link;
    private FrrRouter zebra;

    private ZebraWithGrpc(final NamespaceHost host) {
        this.host = host;
    }

    static ZebraWithGrpc start() throws IOException, InterruptedException {
        Assumptions.assumeFalse(FrrGrpcModule.skipped(), FrrGrpcModule.SKIP_ENV + "=1: FRR gRPC tests skipped");
        final String missing = FrrRouter.missingPrerequisite();
        if (missing != null) {
            throw new IllegalStateException(missing + " (or set " + FrrGrpcModule.SKIP_ENV + "=1)");
        }
        final Path module = FrrGrpcModule.build();
        final Path dir = Files.createTempDirectory("openvni-zebra-");
        // zebra drops to the frr user and must write its pid file and log here
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        final ZebraWithGrpc fixture;
        try {
            fixture = new ZebraWithGrpc(NamespaceHost.start("zebra", dir));
        } catch (IOException | RuntimeException e) {
            Commands.deleteTree(dir);
            throw e;
        }
        try {
            fixture.link = fixture.host.link(HostLink.linkLocal("ofg", "ofg-zebra"));
            fixture.zebra = FrrRouter.start(fixture.host, FrrRouter.Options.of("ofg").netnsVrf(true).zebraOnly()
                .grpc(new FrrRouter.Grpc(module, GRPC_PORT)));
            fixture.awaitGrpc();
            return fixture;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            fixture.close();
            throw e;
        }
    }

    private void awaitGrpc() throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        FrrNorthboundException last = null;
        try (FrrNorthboundClient client = client()) {
            while (System.nanoTime() < deadline) {
                try {
                    client.capabilities();
                    return;
                } catch (FrrNorthboundException e) {
                    last = e;
                    Thread.sleep(100);
                }
            }
        }
        throw new IllegalStateException("zebra's gRPC port " + link.insideAddress() + ":" + GRPC_PORT
            + " did not answer within 15 s:" + zebra.log("zebra.log"), last);
    }

    FrrNorthboundClient client() {
        return new FrrNorthboundClient(link.insideAddress(), GRPC_PORT, Duration.ofSeconds(5));
    }

    /** Runs a command inside zebra's namespace, failing on a non-zero exit. */
    String inNamespace(final String... command) throws IOException {
        return host.check(Stream.of(command).map(word -> "'" + word.replace("'", "'\\''") + "'")
            .collect(Collectors.joining(" ")));
    }

    String vtysh(final String command) throws IOException {
        return zebra.vtysh(command);
    }

    /** Stops zebra, then the namespace (and so both veth ends) and deletes the folder; each step bounded. */
    @Override
    public void close() {
        if (zebra != null) {
            try {
                zebra.stop();
            } catch (IOException e) {
                System.err.println("ZebraWithGrpc: stopping zebra: " + e);
            }
        }
        host.close();
        if (link != null) {
            link.delete();
        }
        Commands.deleteTree(host.dir());
    }
}
