package io.openvni.testlib.controller;

import static java.util.Objects.requireNonNull;

import io.openvni.testlib.Commands;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One run of a Karaf home's {@code bin/karaf server}: started, then stopped cleanly, terminated or killed. A shutdown
 * hook kills it if the test JVM exits first. Used by one thread at a time ({@link ControllerDistribution}).
 */
final class KarafProcess {
    private final Path home;
    private final Path javaHome;
    private final Process process;
    private final Thread killOnExit;

    private KarafProcess(final Path home, final Path javaHome, final Process process) {
        this.home = home;
        this.javaHome = javaHome;
        this.process = process;
        killOnExit = new Thread(() -> destroyTree(process), "openvni-it-kill-controller");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts the Karaf JVM and returns at once.
     *
     * @param home the Karaf home
     * @param javaHome the JDK it runs with
     * @param consoleLog where its standard output and error go (appended)
     * @return the running process
     * @throws IOException if it cannot be started
     */
    static KarafProcess start(final Path home, final Path javaHome, final Path consoleLog) throws IOException {
        final var builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()));
        builder.environment().put("JAVA_HOME", javaHome.toString());
        return new KarafProcess(requireNonNull(home), requireNonNull(javaHome), builder.start());
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    /**
     * {@code bin/stop}, then SIGTERM, then SIGKILL if it does not exit in time.
     *
     * @param timeout how long to wait for a clean exit after {@code bin/stop}
     */
    void stop(final Duration timeout) {
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // the JVM is shutting down and the hook is running: nothing left to do
            return;
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
                ControllerDistribution.log(String.format(Locale.ROOT, "controller stopped in %.1f s",
                    (System.nanoTime() - begin) / 1e9));
                return;
            }
            ControllerDistribution.log("controller did not stop within " + timeout + " after bin/stop; terminating it");
            // the JVM too, not only bin/karaf: the script may exit on SIGTERM while the JVM goes on
            final List<ProcessHandle> tree = tree(process);
            tree.forEach(ProcessHandle::destroy);
            if (!awaitGone(tree, Duration.ofSeconds(20))) {
                ControllerDistribution.log("controller ignored SIGTERM; killing it");
                tree.forEach(ProcessHandle::destroyForcibly);
                awaitGone(tree, Duration.ofSeconds(20));
            }
        } catch (IOException e) {
            ControllerDistribution.log("bin/stop failed (" + e + "); killing the controller");
            destroyTree(process);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            destroyTree(process);
        }
    }

    /**
     * Kills the Karaf JVM with SIGKILL, as an operator's {@code kill -9} would: the JVM only; bin/karaf, its parent,
     * then exits with the JVM's status. Waits until both are gone.
     *
     * @param jvm the JVM's process id
     * @throws IOException if they are still there after 30 s (then the whole tree is killed)
     */
    void kill(final long jvm) throws IOException {
        final List<ProcessHandle> tree = tree(process);
        ProcessHandle.of(jvm).ifPresent(ProcessHandle::destroyForcibly);
        Runtime.getRuntime().removeShutdownHook(killOnExit);
        if (!awaitGone(tree, Duration.ofSeconds(30))) {
            tree.forEach(ProcessHandle::destroyForcibly);
            throw new IOException("controller in " + home + " still ran 30 s after SIGKILL; killed its whole tree");
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

    private static void destroyTree(final Process process) {
        tree(process).forEach(ProcessHandle::destroyForcibly);
    }
}
