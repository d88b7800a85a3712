package io.openvni.it;

import static io.openvni.it.DemoData.ALLOCATIONS;
import static io.openvni.it.DemoData.STATUS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus endpoint, scraped by Debian's real Prometheus server: after the demo tenant's rollout the target is
 * up and the metrics say what status says (devices per sync state, allocations per pool, passes); across a controller
 * restart every device's generations stay where they were, and the endpoint comes back.
 */
@OpenVniController
class MetricsIT {
    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final String ENDPOINT = "http://127.0.0.1:8185/metrics";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void prometheusScrapesTheRolloutAndGenerationsSurviveARestart(final RestconfClient restconf,
            final ControllerDistribution controller) throws Exception {
        assumeTrue(Files.isExecutable(PROMETHEUS), "prometheus is not installed (scripts/setup.sh tests)");
        DemoData.reset(restconf);
        // nothing listens where the demo's devices are: all four end unreachable, which the metrics must say too
        final var status = DemoData.await(restconf, STATUS, r -> r.status() == 200
            && count(r.json(), "unreachable") == 4).json();
        final var l2Vnis = DemoData.await(restconf, ALLOCATIONS, r -> r.status() == 200).json().toString()
            .split("\"l2-vni\"", -1).length - 1;
        assertTrue(l2Vnis >= 2, "the demo tenant has two networks");

        final var text = get(ENDPOINT);
        assertTrue(text.contains("openvni_passes_total{kind=\"leaf-switch\",result=\"unreachable\"}"), text);

        final var dir = Files.createTempDirectory("openvni-prometheus");
        final int port = freePort();
        Files.writeString(dir.resolve("prometheus.yml"), """
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: openvni
                static_configs:
                  - targets: ['127.0.0.1:8185']
            """);
        final var prometheus = new ProcessBuilder(PROMETHEUS.toString(),
            "--config.file=" + dir.resolve("prometheus.yml"), "--storage.tsdb.path=" + dir.resolve("data"),
            "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        try {
            final var api = "http://127.0.0.1:" + port + "/api/v1/query?query=";
            assertEquals(1, await(api, "up{job=\"openvni\"}", 1), "the target is up");
            assertEquals(4, await(api, "openvni_devices{sync_state=\"unreachable\"}", 4));
            assertEquals(0, await(api, "openvni_devices{sync_state=\"in-sync\"}", 0));
            assertEquals(l2Vnis, await(api, "openvni_allocations_used{pool=\"l2-vni\"}", l2Vnis));
            assertTrue(query(api, "sum(openvni_passes_total{result=\"unreachable\"})") >= 4);
            assertTrue(query(api, "sum(openvni_pass_duration_seconds_count)") >= 4);

            final var before = DemoData.generations(status);
            controller.stop(Duration.ofSeconds(120));
            controller.start(Duration.ofSeconds(300));
            final var after = DemoData.generations(DemoData.await(restconf, STATUS, r -> r.status() == 200
                && r.json().path("openvni-status:status").path("device").size() == 4).json());
            assertEquals(before, after, "the same intent keeps every desired generation across a restart");
            assertTrue(before.values().stream().allMatch(generation -> generation >= 1), before::toString);
            assertEquals(1, await(api, "up{job=\"openvni\"}", 1), "the endpoint is back after the restart");
            assertEquals(4, await(api, "openvni_devices{sync_state=\"unreachable\"}", 4));
        } finally {
            prometheus.destroy();
            if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static long count(final JsonNode status, final String state) {
        long count = 0;
        for (var device : status.path("openvni-status:status").path("device")) {
            if (state.equals(device.path("sync-state").asText())) {
                count++;
            }
        }
        return count;
    }

    /** Queries until the value is as expected or 60 s have passed; the last value. */
    private long await(final String api, final String promql, final long expected) throws Exception {
        final long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long value = -1;
        while (System.nanoTime() < deadline) {
            value = query(api, promql);
            if (value == expected) {
                return value;
            }
            Thread.sleep(1000);
        }
        return value;
    }

    /** The value of an instant query with one sample, -1 when it has none. */
    private long query(final String api, final String promql) throws IOException, InterruptedException {
        final JsonNode reply;
        try {
            reply = RestconfClient.parse(get(api + URLEncoder.encode(promql, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return -1;
        }
        final var result = reply.path("data").path("result");
        return result.size() == 1 ? Math.round(Double.parseDouble(result.get(0).path("value").get(1).asText())) : -1;
    }

    private String get(final String uri) throws IOException, InterruptedException {
        final var response = http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(uri + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
