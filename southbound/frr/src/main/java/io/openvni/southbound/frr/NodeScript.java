package io.openvni.southbound.frr;

import io.openvni.southbound.ssh.ExecResult;
import io.openvni.southbound.ssh.NodeUnreachableException;
import java.time.Duration;

/**
 * A shell script for a node, sent on the standard input of the fixed command line {@value #COMMAND}: an SSH exec
 * request carries the command line in one packet, which sshd limits (OpenSSH drops the connection beyond 256 KiB),
 * so iproute2 batches and vtysh sessions of a large intent never go there. The whole script is one brace group:
 * the shell parses all of it, here-documents included, before it runs any of it, so a script cut short in transit
 * is a syntax error and runs nothing. Its commands read {@code /dev/null}, never the rest of the script.
 */
final class NodeScript {
    /** The command line every script runs under. */
    static final String COMMAND = "sh -s";

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

    /** Runs the script on the node. */
    ExecResult run(final NodeShell shell, final Duration timeout) throws NodeUnreachableException {
        return shell.exec(COMMAND, text(), timeout);
    }
}
