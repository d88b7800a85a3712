package io.openvni.southbound.frr;

import io.openvni.southbound.ssh.ExecResult;
import io.openvni.southbound.ssh.NodeUnreachableException;
import java.time.Duration;
import java.util.OptionalLong;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A shell on a node router, as root: the only way the driver reaches a node. Production runs it over SSH; tests run
 * it locally inside a network namespace. Implementations must bound every call by the given timeout.
 */
public interface NodeShell {
    /**
     * Runs one {@code sh -c} command line on the node. What grows with the intent goes on {@code stdin}, never on
     * the command line (see {@link NodeScript}).
     *
     * @param command the command line, interpreted by the node's {@code sh}
     * @param stdin text fed to the command's standard input, or {@code null} for none
     * @param timeout how long the command may take
     * @return what the command did; a non-zero exit code, a command killed by a signal and a channel the node
     *     closed itself are results, not exceptions
     * @throws NodeUnreachableException if the node could not be reached, the connection was lost, or the command did
     *     not finish in time
     */
    ExecResult exec(String command, @Nullable String stdin, Duration timeout) throws NodeUnreachableException;

    /**
     * The session commands run in now, without I/O: an id that changes whenever the shell reconnects to the node
     * (which may have rebooted, or been written by others, meanwhile). What was read in one session may stand for
     * the node only while that session lasts.
     *
     * @return the id of the open session, or empty when none is open or the shell cannot tell
     */
    default OptionalLong session() {
        return OptionalLong.empty();
    }
}
