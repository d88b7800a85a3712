package io.openvni.testlib.controller;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A small RESTCONF (RFC 8040) client over {@link java.net.http.HttpClient}, JSON encoding.
 *
 * <p>Paths are absolute on the server, for example {@code /rests/data/network-topology:network-topology}; see
 * {@link #DATA} and {@link #OPERATIONS}. Methods never throw for HTTP error statuses: check
 * {@link Response#status()}.
 */
public final class RestconfClient {
    /** Root of the RESTCONF datastore resource. */
    public static final String DATA = "/rests/data/";
    /** Root of the RESTCONF operations (RPC) resource. */
    public static final String OPERATIONS = "/rests/operations/";
    /** RFC 8040 JSON media type. */
    public static final String YANG_JSON = "application/yang-data+json";
    /** RFC 8072 YANG Patch, JSON encoding. */
    public static final String YANG_PATCH_JSON = "application/yang-patch+json";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final URI server;
    private final @Nullable Credentials credentials;

    /**
     * A client for a server.
     *
     * @param server scheme, host and port, for example {@code http://127.0.0.1:8181}
     * @param credentials HTTP Basic credentials, or {@code null} to send none
     */
    public RestconfClient(final URI server, final @Nullable Credentials credentials) {
        this(HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build(), server, credentials);
    }

    private RestconfClient(final HttpClient http, final URI server, final @Nullable Credentials credentials) {
        this.http = requireNonNull(http);
        this.server = requireNonNull(server);
        this.credentials = credentials;
    }

    /**
     * The same client without credentials, to check that authentication is required.
     *
     * @return a client that sends no Authorization header
     */
    public RestconfClient withoutCredentials() {
        return new RestconfClient(http, server, null);
    }

    /**
     * The same client as another user.
     *
     * @param other the credentials to send
     * @return a client that sends them
     */
    public RestconfClient withCredentials(final Credentials other) {
        return new RestconfClient(http, server, requireNonNull(other));
    }

    public URI server() {
        return server;
    }

    public Response get(final String path) {
        return send("GET", path, null);
    }

    public Response put(final String path, final String json) {
        return send("PUT", path, json);
    }

    public Response post(final String path, final String json) {
        return send("POST", path, json);
    }

    public Response patch(final String path, final String json) {
        return send("PATCH", path, json);
    }

    public Response delete(final String path) {
        return send("DELETE", path, null);
    }

    /**
     * Send a request with a JSON body (or none).
     *
     * @param method HTTP method
     * @param path absolute path (and query) on the server
     * @param json request body, or {@code null}
     * @return the response
     * @throws UncheckedIOException if the server cannot be reached
     */
    public Response send(final String method, final String path, final @Nullable String json) {
        return send(method, path, YANG_JSON, json);
    }

    /**
     * Send a request with a body of another media type, for example {@value #YANG_PATCH_JSON}.
     *
     * @param method HTTP method
     * @param path absolute path (and query) on the server
     * @param contentType the body's media type
     * @param body request body, or {@code null}
     * @return the response
     * @throws UncheckedIOException if the server cannot be reached
     */
    public Response send(final String method, final String path, final String contentType,
            final @Nullable String body) {
        final var request = HttpRequest.newBuilder(server.resolve(path))
            .timeout(REQUEST_TIMEOUT)
            .header("Accept", YANG_JSON)
            .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        final Credentials creds = credentials;
        if (creds != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (creds.user() + ':' + creds.password()).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            final var response = http.send(request.build(), BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + server.resolve(path) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }

    /**
     * Parse JSON text, for building request bodies or reading expected documents.
     *
     * @param json JSON text
     * @return its tree
     */
    public static JsonNode parse(final String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    /**
     * An HTTP response.
     *
     * @param status HTTP status code
     * @param body response body, empty if none
     * @param headers response headers
     */
    public record Response(int status, String body, HttpHeaders headers) {
        public Response {
            requireNonNull(body);
            requireNonNull(headers);
        }

        /**
         * The body as JSON.
         *
         * @return the parsed body
         * @throws IllegalArgumentException if the body is not JSON
         */
        public JsonNode json() {
            return parse(body);
        }

        @Override
        public String toString() {
            return "HTTP " + status + (body.isEmpty() ? "" : ": " + body);
        }
    }
}
