package io.openvni.testlib.leaves;

import io.openvni.testlib.controller.Credentials;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Simulated Nokia SR Linux leaf switches: ODL's netconf-testtool 10.0.2 (one JVM, an in-memory datastore per
 * device, SSH accepting any login, candidate + commit) loaded with SR Linux 25.3.1's native models from
 * {@code ../shared/yang/srlinux-testtool} beside the repository. The executable jar is copied into the it module's
 * {@code target} by Maven (system property {@value #JAR_PROPERTY}). Devices listen on consecutive ports of
 * 127.0.0.1; {@link #close()} stops the JVM.
 */
public final class TesttoolLeaves implements AutoCloseable {
    /** System property naming the testtool's executable jar. */
    public static final String JAR_PROPERTY = "openvni.testtool.jar";
    /** Any login works; ODL and the test client use this one. */
    public static final Credentials LOGIN = new Credentials("admin", "admin");
    private static final Duration STARTUP = Duration.ofSeconds(120);
    // away from bench-leaves.sh's devices (17830 onwards) and relays (27830 onwards)
    private static final int FIRST_CANDIDATE_PORT = 21830;

    private final Process process;
    private final int firstPort;
    private final int count;
    private final Path schemas;

    private TesttoolLeaves(final Process process, final int firstPort, final int count, final Path schemas) {
        this.process = process;
        this.firstPort = firstPort;
        this.count = count;
        this.schemas = schemas;
    }

    /**
     * What is missing to run the simulators, or null: the jar and the SR Linux YANG set.
     *
     * @return a reason, or null
     */
    public static @Nullable String missingPrerequisite() {
        final String jar = System.getProperty(JAR_PROPERTY);
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            return "no netconf-testtool executable jar (system property " + JAR_PROPERTY + ": " + jar + ")";
        }
        try {
            yangDirectory();
        } catch (IOException e) {
            return e.getMessage();
        }
        return null;
    }

    /** The SR Linux set for the testtool, beside the OpenConfig sets in the shared folder. */
    static Path yangDirectory() throws IOException {
        final Path dir = OpenConfigYang.directory().resolveSibling("srlinux-testtool");
        if (!Files.isRegularFile(dir.resolve("MODULES.txt"))) {
            throw new IOException("no SR Linux YANG set for netconf-testtool at " + dir
                + " (expected ../shared/yang/srlinux-testtool beside the repository)");
        }
        return dir;
    }

    /**
     * Starts {@code count} devices and waits until the last one listens.
     *
     * @param count how many devices
     * @param log where the testtool's output goes
     * @return the running simulators
     * @throws IOException if they do not start
     */
    public static TesttoolLeaves launch(final int count, final Path log) throws IOException {
        final int first = freePorts(count);
        // the testtool takes a folder of YANG files only; the shared set also holds its LICENSE and MODULES.txt
        final Path schemas = Files.createTempDirectory("openvni-srlinux-yang");
        try (var files = Files.list(yangDirectory())) {
            for (var file : files.filter(path -> path.toString().endsWith(".yang")).toList()) {
                Files.copy(file, schemas.resolve(file.getFileName()));
            }
        }
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        final var command = List.of(java, "-Xmx512m", "-jar", System.getProperty(JAR_PROPERTY),
            "--device-count", Integer.toString(count), "--starting-port", Integer.toString(first),
            "--schemas-dir", schemas.toString(), "--md-sal", "true", "--ip", "127.0.0.1");
        Files.createDirectories(log.getParent());
        final var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        final var leaves = new TesttoolLeaves(process, first, count, schemas);
        final long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!listening(first + count - 1)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                leaves.close();
                throw new IOException("netconf-testtool did not open port " + (first + count - 1) + " within "
                    + STARTUP.toSeconds() + " s (" + (process.isAlive() ? "running" : "exited") + "); see " + log);
            }
            sleep();
        }
        return leaves;
    }

    /** The port of device {@code index} (0-based). */
    public int port(final int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException(index);
        }
        return firstPort + index;
    }

    /** A NETCONF client for device {@code index}. */
    public NetconfTestClient client(final int index) {
        return new NetconfTestClient("127.0.0.1", port(index), LOGIN);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (var files = Files.list(schemas)) {
            for (var file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(schemas);
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    // The first of count consecutive ports nothing listens on, from FIRST_CANDIDATE_PORT on.
    private static int freePorts(final int count) throws IOException {
        for (int first = FIRST_CANDIDATE_PORT; first < FIRST_CANDIDATE_PORT + 1000; first += count) {
            final var probes = new ArrayList<ServerSocket>();
            try {
                for (int port = first; port < first + count; port++) {
                    probes.add(new ServerSocket(port, 1, InetAddress.getLoopbackAddress()));
                }
                return first;
            } catch (IOException busy) {
                // try the next block
            } finally {
                for (var probe : probes) {
                    probe.close();
                }
            }
        }
        throw new IOException("no " + count + " free consecutive ports from " + FIRST_CANDIDATE_PORT);
    }

    private static boolean listening(final int port) {
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
