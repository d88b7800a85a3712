package io.openvni.testlib.controller;

import static java.util.Objects.requireNonNull;

import io.openvni.testlib.Commands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs Karaf console commands through the distribution's own {@code bin/client} (SSH to 127.0.0.1:8101 for a lone
 * controller), the way an operator would.
 */
public final class KarafConsole {
    private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final Path home;
    private final Path javaHome;
    private final int sshPort;
    private final Credentials credentials;

    KarafConsole(final Path home, final Path javaHome, final int sshPort, final Credentials credentials) {
        this.home = requireNonNull(home);
        this.javaHome = requireNonNull(javaHome);
        this.sshPort = sshPort;
        this.credentials = requireNonNull(credentials);
    }

    /**
     * The same console as another user.
     *
     * @param other the credentials to log in with
     * @return a console for that user
     */
    public KarafConsole as(final Credentials other) {
        return new KarafConsole(home, javaHome, sshPort, other);
    }

    /**
     * Run commands in one console session, one per line, as in {@code bin/client -b}. Pipes and Karaf's shell
     * syntax work: {@code run("feature:list -i | grep openvni")}.
     *
     * @param commands the commands
     * @return exit code and output, with ANSI colours removed
     */
    public Result run(final String... commands) {
        return client(List.of("-b"), String.join("\n", commands) + "\n", String.join("; ", commands));
    }

    /**
     * Run one command given on {@code bin/client}'s command line, as documented for operators:
     * {@code bin/client "openvni:tenants"}. Its stdin is a pipe closed at once, as in a script or CI job.
     *
     * @param command the command line for the console
     * @return exit code (the command's status) and output, with ANSI colours removed
     */
    public Result exec(final String command) {
        return client(List.of(command), "", command);
    }

    private Result client(final List<String> arguments, final String stdin, final String what) {
        final var command = new ArrayList<>(List.of(home.resolve("bin/client").toString(),
            "-h", ControllerDistribution.LOOPBACK, "-a", Integer.toString(sshPort),
            "-u", credentials.user(), "-p", credentials.password(), "-r", "10", "-d", "2"));
        command.addAll(arguments);
        final var builder = new ProcessBuilder(command).directory(home.toFile());
        builder.environment().put("JAVA_HOME", javaHome.toString());
        try {
            final var client = Commands.run(builder, stdin, TIMEOUT);
            return new Result(client.exit(), clean(client.stdout()), clean(client.stderr()));
        } catch (Commands.TimedOut e) {
            // neither the command line nor its message: they hold the password
            throw new IllegalStateException("bin/client did not finish within " + TIMEOUT + ": " + what);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run bin/client", e);
        }
    }

    private static String clean(final String text) {
        return ANSI_ESCAPE.matcher(text).replaceAll("");
    }

    /**
     * What a console session printed.
     *
     * @param exitCode exit code of {@code bin/client}
     * @param output standard output, without ANSI escapes
     * @param errors standard error, without ANSI escapes
     */
    public record Result(int exitCode, String output, String errors) {
        public Result {
            requireNonNull(output);
            requireNonNull(errors);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- output ---\n" + output + "--- errors ---\n" + errors;
        }
    }
}
