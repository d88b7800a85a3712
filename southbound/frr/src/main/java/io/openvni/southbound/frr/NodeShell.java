package io.openvni.southbound.frr;

import java.time.Duration;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A shell on a node router, as root: the only way the driver reaches a node. Production runs it over SSH; tests run
 * it locally inside a network namespace. Implementations must bound every call by the given timeout.
 */
public interface NodeShell {
    /**
     * Runs one {@code sh -c} command line on the node.
     *
     * @param command the command line, interpreted by the node's {@code sh}
     * @param stdin text fed to the command's standard input, or {@code null} for none
     * @param timeout how long the command may take
     * @return what the command did; a non-zero exit code is a result, not an exception
     * @throws NodeUnreachableException if the node could not be reached or the command did not finish in time
     */
    ExecResult exec(String command, @Nullable String stdin, Duration timeout) throws NodeUnreachableException;
}
