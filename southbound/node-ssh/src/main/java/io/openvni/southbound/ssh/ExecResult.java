package io.openvni.southbound.ssh;

import static java.util.Objects.requireNonNull;

/**
 * What a command run on a node returned.
 *
 * @param exitStatus the command's exit status, or {@code -1} when it ended without one (killed by a signal)
 * @param stdout its standard output, decoded as UTF-8
 * @param stderr its standard error, decoded as UTF-8
 */
public record ExecResult(int exitStatus, String stdout, String stderr) {
    public ExecResult {
        requireNonNull(stdout);
        requireNonNull(stderr);
    }

    /**
     * Whether the command exited with status 0.
     *
     * @return {@code true} on success
     */
    public boolean succeeded() {
        return exitStatus == 0;
    }
}
