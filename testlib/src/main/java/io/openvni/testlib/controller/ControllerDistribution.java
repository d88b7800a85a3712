package io.openvni.testlib.controller;

import static java.util.Objects.requireNonNull;

import io.openvni.testlib.Commands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One OpenVNI Karaf distribution on disk and, once {@link #start started}, its running controller.
 *
 * <p>Everything listens on 127.0.0.1 with the distribution's default ports, so only one controller can run per
 * machine: {@link #start} fails with a clear message if one (or anything else on those ports) already runs. Tests
 * normally do not create this class themselves: {@link OpenVniController} shares one started instance.
 */
public final class ControllerDistribution implements AutoCloseable {
    /** Address of every listener. */
    public static final String LOOPBACK = "127.0.0.1";
    /** RESTCONF (Jetty, {@code /rests}). */
    public static final int RESTCONF_PORT = 8181;
    /** Karaf console over SSH. */
    public static final int SSH_PORT = 8101;

    static final String ARCHIVE_PROPERTY = "openvni.karaf.archive";
    static final String WORK_DIR_PROPERTY = "openvni.it.workdir";
    static final String LOG_DIR_PROPERTY = "openvni.it.logdir";
    public static final String START_TIMEOUT_PROPERTY = "openvni.it.startTimeoutSeconds";

    /** Listeners of a running controller: RESTCONF Jetty and Netty, SSH, JMX registry and server, Pekko. */
    private static final List<Integer> CONTROLLER_PORTS = List.of(RESTCONF_PORT, 8182, SSH_PORT, 1099, 44444, 2550);
    private static final Duration PORT_WAIT = Duration.ofMinutes(20);
    private static final String READY_PATH = RestconfClient.DATA + "network-topology:network-topology";

    private final Path home;
    private final Path javaHome;
    private @Nullable Process karaf;
    private @Nullable Thread killOnExit;
    // held from the first start to close(), restarts included
    private @Nullable MachineLock machineLock;

    private ControllerDistribution(final Path home, final Path javaHome) {
        this.home = requireNonNull(home);
        this.javaHome = requireNonNull(javaHome);
    }

    /**
     * Unpack a distribution archive ({@code openvni-karaf-*.tar.gz}) into a directory, replacing its content.
     * The controller runs with the JDK running this code.
     *
     * @param archive the archive
     * @param directory where to unpack; becomes the Karaf home
     * @return the unpacked, not yet started distribution
     * @throws IOException if unpacking fails
     */
    public static ControllerDistribution unpack(final Path archive, final Path directory) throws IOException {
        if (!Files.isRegularFile(archive)) {
            throw new IOException("no distribution archive at " + archive + "; build it: ./mvnw -pl karaf-dist -am "
                + "install");
        }
        deleteRecursively(directory);
        Files.createDirectories(directory);
        final var tar = Commands.run(new ProcessBuilder("tar", "-xzf", archive.toString(), "-C",
            directory.toString(), "--strip-components=1").redirectErrorStream(true), null, Duration.ofMinutes(2));
        if (!tar.ok()) {
            throw new IOException("cannot unpack " + archive + ": " + tar.output());
        }
        return new ControllerDistribution(directory, Path.of(System.getProperty("java.home")));
    }

    /**
     * Unpack the distribution this build made: the archive and work directory come from the system properties
     * {@value #ARCHIVE_PROPERTY} and {@value #WORK_DIR_PROPERTY} (set by it/pom.xml); outside Maven, from
     * {@code ../karaf-dist/distribution/target} and {@code target/it-karaf}.
     *
     * @return the unpacked, not yet started distribution
     * @throws IOException if there is no archive or unpacking fails
     */
    public static ControllerDistribution unpackBuilt() throws IOException {
        final String archive = System.getProperty(ARCHIVE_PROPERTY);
        return unpack(archive != null && !archive.isBlank() ? Path.of(archive) : findBuiltArchive(),
            Path.of(System.getProperty(WORK_DIR_PROPERTY, "target/it-karaf")));
    }

    private static Path findBuiltArchive() throws IOException {
        final Path target = Path.of("..", "karaf-dist", "distribution", "target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                final var found = files
                    .filter(file -> file.getFileName().toString().matches("openvni-karaf-.*\\.tar\\.gz"))
                    .findFirst();
                if (found.isPresent()) {
                    return found.orElseThrow();
                }
            }
        }
        return target.resolve("openvni-karaf.tar.gz");
    }

    /**
     * Start the controller ({@code bin/karaf server}) and wait until RESTCONF answers and the console accepts
     * connections.
     *
     * @param timeout how long to wait for readiness
     * @return this
     * @throws IOException if something listens on the controller's ports already, or the controller does not come
     *         up in time (it is stopped again and its log tail is in the message)
     */
    public ControllerDistribution start(final Duration timeout) throws IOException {
        if (karaf != null) {
            throw new IllegalStateException("already started");
        }
        if (machineLock == null) {
            machineLock = MachineLock.acquire(PORT_WAIT);
        }
        awaitFreePorts();
        Files.createDirectories(consoleLog().getParent());
        final var builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(consoleLog().toFile());
        builder.environment().put("JAVA_HOME", javaHome.toString());
        final long started = System.nanoTime();
        final Process process = builder.start();
        karaf = process;
        final var hook = new Thread(() -> destroyTree(process, true), "openvni-it-kill-controller");
        Runtime.getRuntime().addShutdownHook(hook);
        killOnExit = hook;
        log("started Karaf in " + home + " with " + javaHome + ", waiting for RESTCONF at " + restconfUrl());

        final var restconf = restconf();
        final long deadline = started + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                final String tail = logTail(60);
                stop(Duration.ofSeconds(10));
                throw new IOException("Karaf exited with code " + process.exitValue() + " while starting; "
                    + "log tail:\n" + tail);
            }
            if (isReady(restconf)) {
                // another controller started meanwhile (this machine runs one at a time) would answer too
                if (listeningSockets().stream().noneMatch(socket -> socket.getPort() == RESTCONF_PORT)) {
                    final String tail = logTail(20);
                    stop(Duration.ofSeconds(30));
                    throw new IOException("another process took 127.0.0.1:" + RESTCONF_PORT + " while this "
                        + "controller started; only one controller can run at a time. Log tail:\n" + tail);
                }
                log(String.format(Locale.ROOT, "controller ready in %.1f s", (System.nanoTime() - started) / 1e9));
                return this;
            }
            if (System.nanoTime() > deadline) {
                final String tail = logTail(60);
                final Path logs = captureLogs("startup-timeout");
                stop(Duration.ofSeconds(30));
                throw new IOException("controller not ready within " + timeout + " (logs in " + logs + "); "
                    + "log tail:\n" + tail);
            }
            sleep(Duration.ofSeconds(1));
        }
    }

    /** Waits while something else (a controller not taking the machine lock) listens on the controller's ports. */
    private static void awaitFreePorts() throws IOException {
        final long deadline = System.nanoTime() + PORT_WAIT.toNanos();
        boolean told = false;
        while (true) {
            final var busy = CONTROLLER_PORTS.stream().filter(ControllerDistribution::accepts).toList();
            if (busy.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("127.0.0.1 ports " + busy + " are still in use after " + PORT_WAIT + ": an "
                    + "OpenVNI (or OpenDaylight) controller seems to be running. Stop it first (scripts/openvni-run.sh "
                    + "stop, or bin/stop in its Karaf home); the integration tests start their own.");
            }
            if (!told) {
                log("ports " + busy + " are in use; waiting up to " + PORT_WAIT + " for them to be free");
                told = true;
            }
            sleep(Duration.ofSeconds(2));
        }
    }

    private static boolean isReady(final RestconfClient restconf) {
        try {
            return restconf.get(READY_PATH).status() == 200 && accepts(SSH_PORT);
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /**
     * Stop the controller: {@code bin/stop}, then SIGTERM, then SIGKILL if it does not exit in time.
     *
     * @param timeout how long to wait for a clean exit after {@code bin/stop}
     */
    public void stop(final Duration timeout) {
        final Process process = karaf;
        if (process == null) {
            return;
        }
        karaf = null;
        final Thread hook = killOnExit;
        if (hook != null) {
            killOnExit = null;
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down and the hook is running: nothing left to do
                return;
            }
        }
        if (!process.isAlive()) {
            return;
        }
        final long begin = System.nanoTime();
        try {
            final var stop = new ProcessBuilder(home.resolve("bin/stop").toString())
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            stop.environment().put("JAVA_HOME", javaHome.toString());
            Commands.run(stop, null, Duration.ofSeconds(30));
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log(String.format(Locale.ROOT, "controller stopped in %.1f s", (System.nanoTime() - begin) / 1e9));
                return;
            }
            log("controller did not stop within " + timeout + " after bin/stop; terminating it");
            destroyTree(process, false);
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                log("controller ignored SIGTERM; killing it");
                destroyTree(process, true);
                process.waitFor(20, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            log("bin/stop failed (" + e + "); killing the controller");
            destroyTree(process, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            destroyTree(process, true);
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(60));
        final var lock = machineLock;
        machineLock = null;
        if (lock != null) {
            try {
                lock.close();
            } catch (IOException e) {
                log("could not release " + MachineLock.FILE + ": " + e);
            }
        }
    }

    public boolean isRunning() {
        final Process process = karaf;
        return process != null && process.isAlive();
    }

    /**
     * The Karaf home (what the archive unpacked to).
     *
     * @return the home directory
     */
    public Path home() {
        return home;
    }

    public Path karafLog() {
        return home.resolve("data/log/karaf.log");
    }

    /**
     * Standard output and error of the Karaf JVM.
     *
     * @return the file they are written to
     */
    public Path consoleLog() {
        return home.resolve("data/log/karaf-console.out");
    }

    /**
     * Where RESTCONF's data resource is.
     *
     * @return {@code http://127.0.0.1:8181/rests/data/}
     */
    public URI restconfUrl() {
        return URI.create("http://" + LOOPBACK + ":" + RESTCONF_PORT + RestconfClient.DATA);
    }

    /**
     * A RESTCONF client logged in as the default administrator.
     *
     * @return the client
     */
    public RestconfClient restconf() {
        return new RestconfClient(URI.create("http://" + LOOPBACK + ":" + RESTCONF_PORT), Credentials.RESTCONF_ADMIN);
    }

    /**
     * A console runner logged in as the default Karaf administrator.
     *
     * @return the console
     */
    public KarafConsole console() {
        return new KarafConsole(home, javaHome, Credentials.KARAF_ADMIN);
    }

    /**
     * Process id of the Karaf JVM.
     *
     * @return the pid
     * @throws IOException if Karaf has not written its pid file
     */
    public long pid() throws IOException {
        return Long.parseLong(Files.readString(home.resolve("karaf.pid")).trim());
    }

    /**
     * The TCP addresses the Karaf JVM listens on (Linux only).
     *
     * @return local addresses of its listening sockets
     * @throws IOException if /proc cannot be read
     */
    public List<InetSocketAddress> listeningSockets() throws IOException {
        return ListeningSockets.of(pid());
    }

    /**
     * The last lines of {@code data/log/karaf.log}.
     *
     * @param lines how many
     * @return those lines, or a note that there is no log yet
     */
    public String logTail(final int lines) {
        try {
            final List<String> all = Files.readAllLines(karafLog(), StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no " + karafLog() + ": " + e.getMessage() + ")";
        }
    }

    /**
     * Copy the controller's logs next to the test reports (system property {@value #LOG_DIR_PROPERTY}, else
     * {@code target/karaf-logs}).
     *
     * @param name a subfolder name, such as the failed test
     * @return the folder the logs were copied to
     */
    public Path captureLogs(final String name) {
        final Path target = Path.of(System.getProperty(LOG_DIR_PROPERTY, "target/karaf-logs"))
            .resolve(name.replaceAll("[^A-Za-z0-9._-]+", "_"));
        try {
            Files.createDirectories(target);
            final Path logDir = karafLog().getParent();
            if (Files.isDirectory(logDir)) {
                try (DirectoryStream<Path> logs = Files.newDirectoryStream(logDir)) {
                    for (Path log : logs) {
                        if (Files.isRegularFile(log)) {
                            Files.copy(log, target.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
        } catch (IOException e) {
            log("cannot copy logs to " + target + ": " + e);
        }
        return target.toAbsolutePath();
    }

    private static boolean accepts(final int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void destroyTree(final Process process, final boolean forcibly) {
        final var tree = new ArrayList<ProcessHandle>();
        process.descendants().forEach(tree::add);
        tree.add(process.toHandle());
        for (ProcessHandle handle : tree) {
            if (forcibly) {
                handle.destroyForcibly();
            } else {
                handle.destroy();
            }
        }
    }

    private static void sleep(final Duration duration) throws IOException {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void deleteRecursively(final Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Prints a line of harness progress to the test run's console. */
    @SuppressWarnings("checkstyle:RegexpSinglelineJava") // progress for whoever watches the test run
    public static void log(final String message) {
        System.out.println("[openvni-it] " + message);
    }
}
