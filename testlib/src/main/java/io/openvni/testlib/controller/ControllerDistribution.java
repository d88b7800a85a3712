package io.openvni.testlib.controller;

import static java.util.Objects.requireNonNull;

import io.openvni.testlib.Commands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.channels.Channels;
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
 * <p>Everything listens on 127.0.0.1, with the distribution's default ports ({@link ControllerPorts#DEFAULT}) or,
 * for a member of a {@link ControllerCluster}, that member's own. Only one controller (or one cluster) runs per
 * machine: {@link #start} takes a machine-wide lock, then fails with a clear message if anything else listens on
 * its ports. Tests normally do not create this class themselves: {@link OpenVniController} shares one started
 * instance.
 */
public final class ControllerDistribution implements AutoCloseable {
    /** Address of every listener. */
    public static final String LOOPBACK = "127.0.0.1";
    /** RESTCONF (Jetty, {@code /rests}) of a lone controller. */
    public static final int RESTCONF_PORT = ControllerPorts.DEFAULT.restconf();
    /** Karaf console over SSH of a lone controller. */
    public static final int SSH_PORT = ControllerPorts.DEFAULT.ssh();

    static final String ARCHIVE_PROPERTY = "openvni.karaf.archive";
    static final String WORK_DIR_PROPERTY = "openvni.it.workdir";
    static final String LOG_DIR_PROPERTY = "openvni.it.logdir";
    public static final String START_TIMEOUT_PROPERTY = "openvni.it.startTimeoutSeconds";

    private static final Duration PORT_WAIT = Duration.ofMinutes(20);
    private static final String READY_PATH = RestconfClient.DATA + "network-topology:network-topology";

    private final Path home;
    private final Path javaHome;
    private final ControllerPorts ports;
    // false for a cluster member: its cluster holds the one lock for all members
    private final boolean takesMachineLock;
    private @Nullable Process karaf;
    // where this start's lines begin in karaf.log, which restarts append to
    private long logStart;
    private @Nullable Thread killOnExit;
    // held from the first start to close(), restarts included
    private @Nullable MachineLock machineLock;

    private ControllerDistribution(final Path home, final Path javaHome, final ControllerPorts ports,
            final boolean takesMachineLock) {
        this.home = requireNonNull(home);
        this.javaHome = requireNonNull(javaHome);
        this.ports = requireNonNull(ports);
        this.takesMachineLock = takesMachineLock;
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
        unpackArchive(archive, directory);
        return new ControllerDistribution(directory, Path.of(System.getProperty("java.home")),
            ControllerPorts.DEFAULT, true);
    }

    /**
     * Unpack a distribution archive as member {@code member} of a {@code members}-member cluster on this machine:
     * {@code scripts/cluster-member.sh} gives it its own ports and ODL's clustering configuration. Started by its
     * {@link ControllerCluster}, which holds the machine-wide lock for all members.
     */
    static ControllerDistribution clusterMember(final Path archive, final Path directory, final Path script,
            final int member, final int members) throws IOException {
        unpackArchive(archive, directory);
        final var configure = Commands.run(new ProcessBuilder(script.toString(), directory.toString(),
            Integer.toString(member), Integer.toString(members)).redirectError(ProcessBuilder.Redirect.INHERIT), null,
            Duration.ofMinutes(1));
        final String output = configure.stdout();
        if (!configure.ok()) {
            throw new IOException(script + " failed for member " + member + " in " + directory + ": " + output);
        }
        return new ControllerDistribution(directory, Path.of(System.getProperty("java.home")),
            ControllerPorts.parse(output), false);
    }

    private static void unpackArchive(final Path archive, final Path directory) throws IOException {
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
        return unpack(builtArchive(), Path.of(System.getProperty(WORK_DIR_PROPERTY, "target/it-karaf")));
    }

    /** The archive this build made: system property {@value #ARCHIVE_PROPERTY}, else found in its target. */
    static Path builtArchive() throws IOException {
        final String archive = System.getProperty(ARCHIVE_PROPERTY);
        return archive != null && !archive.isBlank() ? Path.of(archive) : findBuiltArchive();
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
        if (machineLock == null && takesMachineLock) {
            machineLock = MachineLock.acquire(PORT_WAIT);
        }
        awaitFreePorts();
        awaitReady(launch(), timeout);
        return this;
    }

    /**
     * Starts the Karaf JVM and returns at once; {@link #awaitReady} waits for it. The caller has made sure that
     * nothing else runs on its ports.
     *
     * @return when it was started ({@link System#nanoTime()})
     * @throws IOException if it cannot be started
     */
    long launch() throws IOException {
        if (karaf != null) {
            throw new IllegalStateException("already started");
        }
        Files.createDirectories(consoleLog().getParent());
        final var builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog().toFile()));
        builder.environment().put("JAVA_HOME", javaHome.toString());
        logStart = Files.exists(karafLog()) ? Files.size(karafLog()) : 0;
        final long started = System.nanoTime();
        final Process process = builder.start();
        karaf = process;
        final var hook = new Thread(() -> destroyTree(process, true), "openvni-it-kill-controller");
        Runtime.getRuntime().addShutdownHook(hook);
        killOnExit = hook;
        log("started Karaf in " + home + " with " + javaHome + ", waiting for RESTCONF at " + restconfUrl());
        return started;
    }

    /**
     * Waits until a {@link #launch launched} controller's RESTCONF answers and its console accepts connections.
     *
     * @param started when it was launched
     * @param timeout how long from then to wait
     * @throws IOException if it exits or is not ready in time (it is stopped again and its log tail is in the
     *         message), or another process took its RESTCONF port
     */
    void awaitReady(final long started, final Duration timeout) throws IOException {
        final Process process = karaf;
        if (process == null) {
            throw new IllegalStateException("not launched");
        }
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
                if (listeningSockets().stream().noneMatch(socket -> socket.getPort() == ports.restconf())) {
                    final String tail = logTail(20);
                    stop(Duration.ofSeconds(30));
                    throw new IOException("another process took 127.0.0.1:" + ports.restconf() + " while this "
                        + "controller started; only one controller can run at a time. Log tail:\n" + tail);
                }
                log(String.format(Locale.ROOT, "controller %s ready in %.1f s", home.getFileName(),
                    (System.nanoTime() - started) / 1e9));
                return;
            }
            if (System.nanoTime() > deadline) {
                final String tail = logTail(60);
                final Path logs = captureLogs("startup-timeout-" + home.getFileName());
                stop(Duration.ofSeconds(30));
                throw new IOException("controller not ready within " + timeout + " (logs in " + logs + "); "
                    + "log tail:\n" + tail);
            }
            sleep(Duration.ofSeconds(1));
        }
    }

    /** Waits while something else (a controller not taking the machine lock) listens on the controller's ports. */
    void awaitFreePorts() throws IOException {
        final long deadline = System.nanoTime() + PORT_WAIT.toNanos();
        boolean told = false;
        while (true) {
            final var busy = ports.all().stream().filter(ControllerDistribution::accepts).toList();
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

    private boolean isReady(final RestconfClient restconf) {
        try {
            return restconf.get(READY_PATH).status() == 200 && accepts(ports.ssh());
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
            // the JVM too, not only bin/karaf: the script may exit on SIGTERM while the JVM goes on
            final List<ProcessHandle> tree = tree(process);
            tree.forEach(ProcessHandle::destroy);
            if (!awaitGone(tree, Duration.ofSeconds(20))) {
                log("controller ignored SIGTERM; killing it");
                tree.forEach(ProcessHandle::destroyForcibly);
                awaitGone(tree, Duration.ofSeconds(20));
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
        MachineLock.release(machineLock);
        machineLock = null;
    }

    /**
     * Kills the Karaf JVM with SIGKILL ({@code kill -9}): no shutdown, no chance to tell the cluster. Waits until it
     * is gone.
     *
     * @throws IOException if it does not run, or is still there after 30 s
     */
    public void kill() throws IOException {
        final Process process = karaf;
        if (process == null || !process.isAlive()) {
            throw new IOException("controller in " + home + " does not run");
        }
        final List<ProcessHandle> tree = tree(process);
        // the JVM only, as an operator's kill -9 would: bin/karaf, its parent, then exits with the JVM's status
        ProcessHandle.of(pid()).ifPresent(ProcessHandle::destroyForcibly);
        karaf = null;
        final Thread hook = killOnExit;
        killOnExit = null;
        if (hook != null) {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        if (!awaitGone(tree, Duration.ofSeconds(30))) {
            tree.forEach(ProcessHandle::destroyForcibly);
            throw new IOException("controller in " + home + " still ran 30 s after SIGKILL; killed its whole tree");
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
     * The ports it listens on.
     *
     * @return its ports
     */
    public ControllerPorts ports() {
        return ports;
    }

    /**
     * Where RESTCONF's data resource is.
     *
     * @return {@code http://127.0.0.1:8181/rests/data/} for a lone controller
     */
    public URI restconfUrl() {
        return URI.create("http://" + LOOPBACK + ":" + ports.restconf() + RestconfClient.DATA);
    }

    /**
     * A RESTCONF client logged in as the default administrator.
     *
     * @return the client
     */
    public RestconfClient restconf() {
        return new RestconfClient(URI.create("http://" + LOOPBACK + ":" + ports.restconf()),
            Credentials.RESTCONF_ADMIN);
    }

    /**
     * A console runner logged in as the default Karaf administrator.
     *
     * @return the console
     */
    public KarafConsole console() {
        return new KarafConsole(home, javaHome, ports.ssh(), Credentials.KARAF_ADMIN);
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
     * The lines of {@code data/log/karaf.log} this controller's latest start wrote that contain a text.
     *
     * @param text what to look for
     * @return those lines, oldest first
     * @throws IOException if the log cannot be read
     */
    public List<String> logLinesSinceStart(final String text) throws IOException {
        if (!Files.exists(karafLog())) {
            return List.of();
        }
        try (var channel = Files.newByteChannel(karafLog())) {
            channel.position(Math.min(logStart, channel.size()));
            return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains(text)).toList();
        }
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

    /** bin/karaf and everything it started (the JVM). */
    private static List<ProcessHandle> tree(final Process process) {
        final var tree = new ArrayList<ProcessHandle>();
        process.descendants().forEach(tree::add);
        tree.add(process.toHandle());
        return tree;
    }

    /** Waits until none of the processes runs any more; false if one still does after the timeout. */
    private static boolean awaitGone(final List<ProcessHandle> processes, final Duration timeout) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (processes.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static void destroyTree(final Process process, final boolean forcibly) {
        for (ProcessHandle handle : tree(process)) {
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
