package io.openvni.testlib.controller;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A lock shared by every process on this machine that runs an OpenVNI controller (the tests, the demo script,
 * benchmarks), because a controller's ports are fixed: two would collide. It is an flock(2) lock, the kind
 * {@code scripts/openvni-run.sh} takes with flock(1) (Java's own file locks are fcntl locks, which flock ignores),
 * held by a small {@code flock} child process until {@link #close()}.
 */
final class MachineLock implements AutoCloseable {
    /** The lock file. */
    static final Path FILE = Path.of("/tmp/openvni-controller.lock");

    private final Process holder;

    private MachineLock(final Process holder) {
        this.holder = holder;
    }

    /**
     * Takes the lock, waiting while another process holds it.
     *
     * @param timeout how long to wait
     * @return the held lock; close it to release
     * @throws IOException if the lock is still held elsewhere after the timeout
     */
    static MachineLock acquire(final Duration timeout) throws IOException {
        System.out.println("[openvni-it] taking " + FILE + " (waits while another controller run holds it)");
        final Process holder = new ProcessBuilder("flock", "-w", Long.toString(timeout.toSeconds()), FILE.toString(),
            "sh", "-c", "echo locked; exec cat >/dev/null").redirectErrorStream(true).start();
        final var reader = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        final String first = reader.readLine();
        if (!"locked".equals(first)) {
            holder.destroyForcibly();
            throw new IOException("could not take " + FILE + " within " + timeout + ": " + first);
        }
        return new MachineLock(holder);
    }

    /**
     * Releases a lock if there is one, logging (not throwing) a failure: for the harness's close methods.
     *
     * @param lock the lock, or null when none was taken
     */
    static void release(final @Nullable MachineLock lock) {
        if (lock != null) {
            try {
                lock.close();
            } catch (IOException e) {
                ControllerDistribution.log("could not release " + FILE + ": " + e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        holder.getOutputStream().close();
        try {
            if (!holder.waitFor(10, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            holder.destroyForcibly();
        }
    }
}
