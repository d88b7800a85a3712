package io.openvni.testlib.controller;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Bounded waits on child processes, shared by the controller harness and the device simulators.
 */
public final class Processes {
    private Processes() {
        // utility
    }

    /**
     * Waits for a process to exit; kills it when the timeout passes or the wait is interrupted.
     *
     * @param process the process
     * @param timeout how long to wait
     * @return its exit value
     * @throws IOException on timeout or interruption, naming the command
     */
    public static int waitFor(final Process process, final Duration timeout) throws IOException {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out after " + timeout + ": " + process.info().commandLine().orElse(""));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted", e);
        }
    }
}
