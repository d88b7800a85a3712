package io.openvni.it;

import io.openvni.testlib.controller.RestconfClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The demo fabric and tenant of {@code scripts/demo} (the README walkthrough uses the same files), and the
 * RESTCONF paths of the OpenVNI models.
 */
final class DemoData {
    static final String FABRIC = RestconfClient.DATA + "openvni-fabric:fabric";
    static final String TENANTS = RestconfClient.DATA + "openvni-tenant:tenants";
    static final String ACME = TENANTS + "/tenant=acme";
    static final String STATUS = RestconfClient.DATA + "openvni-status:status?content=nonconfig";
    static final String ALLOCATIONS = RestconfClient.DATA + "openvni-status:allocations";
    static final String PREVIEW = RestconfClient.OPERATIONS + "openvni-tenant:preview-device-config";

    private static final Path DEMO = Path.of("..", "scripts", "demo");

    private DemoData() {
        // constants and loaders
    }

    static String fabric() {
        return read("10-fabric.json");
    }

    static String acme() {
        return read("20-tenant-acme.json");
    }

    /** Puts the demo fabric and tenant, replacing whatever tenants there were. */
    static void reset(final RestconfClient restconf) {
        expectOk(restconf.delete(TENANTS), 204, 404, 409);
        expectOk(restconf.put(FABRIC, fabric()), 200, 201, 204);
        expectOk(restconf.put(ACME, acme()), 200, 201, 204);
        awaitSealed(restconf);
        awaitQuiet(restconf);
    }

    /**
     * Waits until the controller has replaced the fabric's plaintext credentials with their encrypted form (so a
     * test's "before" read of the fabric does not race the sealing).
     */
    static RestconfClient.Response awaitSealed(final RestconfClient restconf) {
        final long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            final var fabric = restconf.get(FABRIC);
            if (fabric.status() == 200 && fabric.json().findValues("password").isEmpty()
                    && fabric.json().findValues("private-key").isEmpty()) {
                return fabric;
            }
            if (System.nanoTime() > deadline) {
                // (no body in the message: it holds the plaintext credentials)
                throw new AssertionError("the fabric's credentials were not sealed within 15 s; HTTP "
                    + fabric.status());
            }
            sleep(200);
        }
    }

    /** Waits until the controller has processed every change: the status reads the same twice, a second apart. */
    static RestconfClient.Response awaitQuiet(final RestconfClient restconf) {
        final long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        var last = restconf.get(STATUS);
        while (System.nanoTime() < deadline) {
            sleep(1000);
            final var next = restconf.get(STATUS);
            if (next.status() == 200 && next.body().equals(last.body())) {
                return next;
            }
            last = next;
        }
        throw new AssertionError("the controller never settled; last status: " + last);
    }

    /** Each device's desired generation in a read of {@link #STATUS}. */
    static Map<String, Long> generations(final JsonNode status) {
        final var result = new HashMap<String, Long>();
        for (var device : status.path("openvni-status:status").path("device")) {
            result.put(device.path("name").asText(), device.path("desired-generation").asLong());
        }
        return result;
    }

    static String preview(final String device) {
        return "{\"input\":{\"device\":\"" + device + "\"}}";
    }

    /** Polls a GET until the predicate holds; returns the last response. */
    static RestconfClient.Response await(final RestconfClient restconf, final String path,
            final Predicate<RestconfClient.Response> done) {
        final var response = poll(restconf, path, done, Duration.ofSeconds(30));
        if (!done.test(response)) {
            throw new AssertionError("timed out waiting on " + path + "; last: " + response);
        }
        return response;
    }

    /** GETs {@code path} until {@code done} holds or {@code timeout} passes; the last answer either way. */
    static RestconfClient.Response poll(final RestconfClient restconf, final String path,
            final Predicate<RestconfClient.Response> done, final Duration timeout) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        RestconfClient.Response response = restconf.get(path);
        while (!done.test(response) && System.nanoTime() < deadline) {
            sleep(200);
            response = restconf.get(path);
        }
        return response;
    }

    static void expectOk(final RestconfClient.Response response, final int... statuses) {
        for (int status : statuses) {
            if (response.status() == status) {
                return;
            }
        }
        throw new AssertionError("unexpected " + response);
    }

    private static void sleep(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(final String file) {
        try {
            return Files.readString(DEMO.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException("demo data " + DEMO.resolve(file).toAbsolutePath() + " is missing", e);
        }
    }
}
