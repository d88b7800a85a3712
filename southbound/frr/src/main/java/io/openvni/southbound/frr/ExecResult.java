package io.openvni.southbound.frr;

import static java.util.Objects.requireNonNull;

/**
 * What a command run through a {@link NodeShell} did.
 *
 * @param exitCode its exit code
 * @param stdout its standard output
 * @param stderr its standard error
 */
public record ExecResult(int exitCode, String stdout, String stderr) {
    public ExecResult {
        requireNonNull(stdout);
        requireNonNull(stderr);
    }

    /** Whether the command exited with 0. */
    public boolean ok() {
        return exitCode == 0;
    }
}
