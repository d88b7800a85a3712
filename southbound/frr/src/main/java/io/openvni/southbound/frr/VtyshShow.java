package io.openvni.southbound.frr;

import java.util.ArrayList;
import java.util.List;

/**
 * Several show commands in one vtysh process ({@code vtysh -E -c A -c B ...}) and their answers told apart: with
 * {@code -E} vtysh echoes its prompt and each command ({@code hostname# A}) before the command's output. One
 * process instead of one per command: each vtysh start connects to every daemon.
 */
final class VtyshShow {
    private VtyshShow() {
        // static helpers
    }

    /** The command line that runs the commands, in order; vtysh stops at the first that fails. */
    static String command(final String vtysh, final List<String> commands) {
        final var line = new StringBuilder(vtysh).append(" -E");
        commands.forEach(command -> line.append(" -c '").append(command).append('\''));
        return line.toString();
    }

    /**
     * The command line of a vtysh that reads its commands from standard input, one per line: for lists that grow
     * with the intent. Unlike with {@code -c}, it goes on past a command that fails.
     */
    static String reading(final String vtysh) {
        return vtysh + " -E";
    }

    /**
     * The answers to the commands, split at the echoed prompts; what comes before the first prompt (vtysh's own
     * notices) is dropped. Only the answers whose prompt appeared are returned, at least one (empty).
     */
    static List<String> answers(final List<String> output, final List<String> commands) {
        final var answers = new ArrayList<String>();
        StringBuilder answer = null;
        for (var line : output) {
            final int next = answers.size() + (answer == null ? 0 : 1);
            if (next < commands.size() && isPrompt(line, commands.get(next))) {
                if (answer != null) {
                    answers.add(answer.toString());
                }
                answer = new StringBuilder();
            } else if (answer != null) {
                answer.append(line).append('\n');
            }
        }
        if (answer != null) {
            answers.add(answer.toString());
        }
        if (answers.isEmpty()) {
            answers.add("");
        }
        return answers;
    }

    /**
     * Whether a line of vtysh's output is its prompt echoing {@code command}: {@code hostname# command}. Hostnames
     * have no blanks, and no line of an FRR configuration or JSON answer looks like that.
     */
    static boolean isPrompt(final String line, final String command) {
        final int prompt = line.length() - command.length() - 2;
        return prompt > 0 && line.endsWith("# " + command) && line.indexOf(' ') == prompt + 1;
    }
}
