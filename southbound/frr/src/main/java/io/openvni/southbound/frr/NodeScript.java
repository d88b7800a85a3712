package io.openvni.southbound.frr;

import io.openvni.southbound.ssh.ExecResult;
import io.openvni.southbound.ssh.NodeUnreachableException;
import java.time.Duration;

/**
 * A shell script for a node, sent on the standard input of a fixed command line ({@link #commandLine}): an SSH exec
 * request carries the command line in one packet, which sshd limits (OpenSSH drops the connection beyond 256 KiB),
 * so iproute2 batches and vtysh sessions of a large intent never go there. The whole script is one brace group:
 * the shell parses all of it, here-documents included, before it runs any of it, so a script cut short in transit
 * is a syntax error and runs nothing. Its commands read {@code /dev/null}, never the rest of the script.
 */
final class NodeScript {
    /** The exit status of a script the node stopped at its bound (GNU timeout's). */
    static final int TIMED_OUT = 124;
    /** How long the node gives the script's processes to end after its bound before it kills them. */
    private static final int KILL_AFTER_SECONDS = 2;

    private final StringBuilder body = new StringBuilder();

    /** Appends a line of shell. */
    NodeScript line(final String shell) {
        body.append(shell).append('\n');
        return this;
    }

    /**
     * Appends a command that reads {@code input} as a here-document: {@code command <<'DELIMITER'}, then
     * {@code orElse} when the command fails ({@code command <<'D' || orElse}).
     *
     * @param command the command line, without redirections of standard input
     * @param orElse shell run when the command fails, or empty
     * @param input its standard input; no line of it may equal the delimiter
     * @param delimiter the here-document's delimiter
     */
    NodeScript withInput(final String command, final String orElse, final String input, final String delimiter) {
        if (input.lines().anyMatch(delimiter::equals)) {
            throw new IllegalArgumentException("input contains its delimiter " + delimiter);
        }
        body.append(command).append(" <<'").append(delimiter).append('\'');
        if (!orElse.isEmpty()) {
            body.append(" || ").append(orElse);
        }
        body.append('\n').append(input);
        if (!input.isEmpty() && !input.endsWith("\n")) {
            body.append('\n');
        }
        body.append(delimiter).append('\n');
        return this;
    }

    /** The script as the node's shell reads it. */
    String text() {
        return "{\n" + body + "} </dev/null\n";
    }

    /**
     * The command line a script with that bound runs under: {@code sh -s}, stopped on the node too at the bound.
     * Closing the SSH channel when the bound passes does not stop it: an iproute2 batch has all its input by then
     * and went on creating devices beside the next pass's batch (4,000 networks in one namespace). GNU timeout puts
     * the shell in a process group of its own and signals all of it.
     */
    static String commandLine(final Duration timeout) {
        final long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        return "timeout -k " + KILL_AFTER_SECONDS + " " + seconds + " sh -s";
    }

    /** Runs the script on the node, within {@code timeout} here and there. */
    ExecResult run(final NodeShell shell, final Duration timeout) throws NodeUnreachableException {
        return shell.exec(commandLine(timeout), text(), timeout);
    }
}
