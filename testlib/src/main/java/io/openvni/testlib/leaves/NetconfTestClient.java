package io.openvni.testlib.leaves;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvni.testlib.Commands;
import io.openvni.testlib.controller.Credentials;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A small NETCONF-over-SSH client for test assertions: each call opens one session, does one thing and closes it.
 * It runs {@code netconf_client.py} (in this package's resources) with Debian's {@code python3-ncclient}; the
 * Python interpreter is {@code /usr/bin/python3} (where Debian installs the package), or the system property
 * {@value #PYTHON_PROPERTY}. A call takes about half a second.
 */
public final class NetconfTestClient {
    /** System property naming the Python interpreter that has ncclient. */
    public static final String PYTHON_PROPERTY = "openvni.sim.python";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long CALL_TIMEOUT_SECONDS = 60;
    private static final String NETCONF_BASE = "urn:ietf:params:xml:ns:netconf:base:1.0";
    private static @Nullable Path script;

    /** A configuration datastore. */
    public enum Datastore {
        RUNNING, CANDIDATE;

        String netconfName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What one call returned.
     *
     * @param ok whether the server answered without rpc-error
     * @param json the whole answer of netconf_client.py ({@code data}, {@code capabilities}, {@code error},
     *        {@code reply} members)
     */
    public record Reply(boolean ok, JsonNode json) {
        /**
         * The data of a get-config (the XML {@code <data>} element), or "" if there is none.
         *
         * @return the XML text
         */
        public String data() {
            return json.path("data").asText("");
        }

        /**
         * The error: netconfd's rpc-errors as {@code tag: ...; path: ...; message: ...; info: ...}, several joined
         * with {@code " | "}; or the connection failure. "" when ok.
         *
         * @return the error text
         */
        public String error() {
            return json.path("error").asText("");
        }

        /**
         * The capabilities of a hello.
         *
         * @return the capability URIs, sorted
         */
        public List<String> capabilities() {
            final var result = new ArrayList<String>();
            json.path("capabilities").forEach(capability -> result.add(capability.asText()));
            return result;
        }
    }

    private final String host;
    private final int port;
    private final Credentials credentials;

    /**
     * A client for one NETCONF server.
     *
     * @param host host or address
     * @param port SSH port
     * @param credentials user and password
     */
    public NetconfTestClient(final String host, final int port, final Credentials credentials) {
        this.host = requireNonNull(host);
        this.port = port;
        this.credentials = requireNonNull(credentials);
    }

    /**
     * Connect and return the server's hello.
     *
     * @return the reply; {@link Reply#capabilities()} lists the capabilities
     */
    public Reply hello() {
        return call(List.of("hello"));
    }

    /**
     * Read a whole datastore.
     *
     * @param datastore running or candidate
     * @return the reply; {@link Reply#data()} holds the content
     */
    public Reply getConfig(final Datastore datastore) {
        return call(List.of("get-config", datastore.netconfName()));
    }

    /**
     * Merge a configuration into the candidate and commit it (lock, edit-config, commit, unlock; on an error the
     * candidate is discarded).
     *
     * @param config a NETCONF {@code <config>} element, or the data elements to put in one
     * @return the reply; when not ok, {@link Reply#error()} holds netconfd's error text
     */
    public Reply editCommit(final String config) {
        return editCommit(config, "merge");
    }

    /**
     * Edit the candidate with a default-operation and commit it.
     *
     * @param config a NETCONF {@code <config>} element, or the data elements to put in one
     * @param defaultOperation {@code merge}, {@code replace} or {@code none}
     * @return the reply
     */
    public Reply editCommit(final String config, final String defaultOperation) {
        try {
            final Path file = Files.createTempFile("netconf-edit", ".xml");
            try {
                Files.writeString(file, wrapInConfig(config));
                return call(List.of("edit-commit", file.toString(), defaultOperation));
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Discard the candidate's uncommitted changes.
     *
     * @return the reply
     */
    public Reply discardChanges() {
        return call(List.of("discard"));
    }

    /**
     * Locks the candidate datastore in a session of its own and keeps it locked until the handle is closed, so
     * that other sessions' edits are refused with the server's lock-denied error.
     *
     * @return the open session; closing it releases the lock
     * @throws IOException if the lock could not be taken
     */
    public AutoCloseable holdCandidateLock() throws IOException {
        final var builder = new ProcessBuilder(python(), script().toString(), host, Integer.toString(port),
            credentials.user(), "hold-lock").redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("NETCONF_PASSWORD", credentials.password());
        final Process process = builder.start();
        final var reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
            StandardCharsets.UTF_8));
        final String first = reader.readLine();
        if (first == null || !JSON.readTree(first).path("ok").asBoolean(false)) {
            process.destroyForcibly();
            throw new IOException("could not lock the candidate of " + this + ": " + first);
        }
        return () -> {
            process.getOutputStream().close();
            if (!process.waitFor(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        };
    }

    static String wrapInConfig(final String config) {
        String body = config.strip();
        if (body.startsWith("<?xml")) {
            body = body.substring(body.indexOf("?>") + 2).strip();
        }
        if (body.startsWith("<config") && (body.charAt(7) == '>' || Character.isWhitespace(body.charAt(7)))) {
            return body;
        }
        return "<config xmlns=\"" + NETCONF_BASE + "\">\n" + body + "\n</config>\n";
    }

    private Reply call(final List<String> arguments) {
        final var command = new ArrayList<String>(List.of(python(), script().toString(), host,
            Integer.toString(port), credentials.user()));
        command.addAll(arguments);
        try {
            final var builder = new ProcessBuilder(command);
            builder.environment().put("NETCONF_PASSWORD", credentials.password());
            final var result = Commands.run(builder, null, Duration.ofSeconds(CALL_TIMEOUT_SECONDS));
            if (result.stdout().isBlank()) {
                throw new IOException("netconf_client.py " + arguments + " against " + host + ":" + port
                    + " printed nothing (exit " + result.exit() + "): " + result.stderr()
                    + (result.stderr().contains("No module named") ? " (apt-get install python3-ncclient)" : ""));
            }
            final JsonNode json = JSON.readTree(result.stdout());
            return new Reply(json.path("ok").asBoolean(false), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String python() {
        final String configured = System.getProperty(PYTHON_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    /**
     * Whether the client can run: a Python with ncclient is installed.
     *
     * @return null if it can, else what is missing
     */
    public static @Nullable String missingPrerequisite() {
        try {
            if (Commands.run(List.of(python(), "-c", "import ncclient"), null, Duration.ofSeconds(30)).ok()) {
                return null;
            }
            return python() + " has no ncclient (apt-get install python3-ncclient)";
        } catch (IOException e) {
            return "cannot run " + python() + ": " + e.getMessage();
        }
    }

    private static synchronized Path script() {
        Path existing = script;
        if (existing == null || !Files.isRegularFile(existing)) {
            try (InputStream in = NetconfTestClient.class.getResourceAsStream("netconf_client.py")) {
                if (in == null) {
                    throw new IllegalStateException("netconf_client.py missing from the classpath");
                }
                existing = Files.createTempFile("netconf_client", ".py");
                Files.write(existing, in.readAllBytes());
                existing.toFile().deleteOnExit();
                script = existing;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return existing;
    }

    @Override
    public String toString() {
        return "NetconfTestClient[" + credentials.user() + "@" + host + ":" + port + "]";
    }
}
