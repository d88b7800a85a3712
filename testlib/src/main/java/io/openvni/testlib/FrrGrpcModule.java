package io.openvni.testlib;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * FRR's northbound gRPC module for this machine's FRR, which Debian ships without: {@code scripts/frr-grpc-module.sh}
 * builds it once from Debian's own source package ({@code scripts/setup.sh} does so before the tests and the demo)
 * and a cached module comes back at once.
 */
public final class FrrGrpcModule {
    /** {@code OPENVNI_SKIP_FRR_GRPC=1} skips the tests that need the module. */
    public static final String SKIP_ENV = "OPENVNI_SKIP_FRR_GRPC";
    private static final String SCRIPT = "scripts/frr-grpc-module.sh";
    private static final Duration BUILD_LIMIT = Duration.ofMinutes(20);

    private FrrGrpcModule() {
        // static helpers
    }

    /** Whether {@value #SKIP_ENV} is 1. */
    public static boolean skipped() {
        return "1".equals(System.getenv(SKIP_ENV));
    }

    /**
     * Runs the script found above the working folder and returns {@code grpc.so}'s path, its last line of output.
     *
     * @throws IOException with the script's last lines of output when there is no module
     */
    public static Path build() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isExecutable(root.resolve(SCRIPT))) {
            root = root.getParent();
        }
        if (root == null) {
            throw new IOException(SCRIPT + " not found above " + Path.of("").toAbsolutePath());
        }
        final var run = Commands.run(List.of(root.resolve(SCRIPT).toString()), null, BUILD_LIMIT);
        final var lines = run.stdout().lines().toList();
        final String last = lines.isEmpty() ? "" : lines.getLast().strip();
        if (!run.ok() || !last.endsWith("/grpc.so") || !Files.isRegularFile(Path.of(last))) {
            throw new IOException("cannot build FRR's grpc module (exit " + run.exit() + "; set " + SKIP_ENV
                + "=1 to skip):\n" + Commands.tail(run.output(), 25));
        }
        return Path.of(last);
    }
}
