package io.openvni.it;

import static io.openvni.it.DemoData.ALLOCATIONS;
import static io.openvni.it.DemoData.STATUS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvni.testlib.controller.ControllerDistribution;
import io.openvni.testlib.controller.OpenVniController;
import io.openvni.testlib.controller.RestconfClient;
import io.openvni.testlib.leaves.NetconfdLeaves;
import io.openvni.testlib.leaves.OpenConfigYang;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus endpoint, scraped by Debian's real Prometheus server (on 127.0.0.1, with a private data folder, for
 * at most {@value #PROMETHEUS_LIFETIME_SECONDS} s): after the demo tenant's rollout (its devices moved to ports
 * nothing listens on, all unreachable) the target is up, the metrics say what status says (devices per sync state,
 * allocations per pool, passes) and the README's three queries answer; across a controller restart every device's
 * generations stay where they were, the endpoint comes back, and the leaf connections started over are those the
 * controller's log names. Then a netconfd leaf that goes down and comes back counts as one leaf reconnect.
 */
@OpenVniController
class MetricsIT {
    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final String ENDPOINT = "http://127.0.0.1:8185/metrics";
    private static final long PROMETHEUS_LIFETIME_SECONDS = 1200;
    private static final String TOPOLOGY = RestconfClient.DATA
        + "network-topology:network-topology/topology=topology-netconf";
    private static final String STUCK = "openvni_stuck_connection_restarts_total";
    private static final String LEAF_RECONNECTS = "openvni_reconnects_total{kind=\"leaf-switch\"}";
    private static final String NODE_RECONNECTS = "openvni_reconnects_total{kind=\"node-router\"}";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void prometheusScrapesTheRolloutAndGenerationsSurviveARestart(final RestconfClient restconf,
            final ControllerDistribution controller) throws Exception {
        assumeTrue(Files.isExecutable(PROMETHEUS), "prometheus is not installed (scripts/setup.sh tests)");
        final String missing = NetconfdLeaves.missingPrerequisite();
        assumeTrue(missing == null, () -> "leaf simulators unavailable: " + missing);
        // the demo's devices on ports nothing listens on (the demo's own ports may be taken on a shared machine):
        // all four end unreachable, which the metrics must say too
        final var fabric = demoFabricOnFreePorts();
        reset(restconf, fabric);
        final var status = DemoData.await(restconf, STATUS, r -> r.status() == 200
            && count(r.json(), "unreachable") == 4).json();
        final var l2Vnis = DemoData.await(restconf, ALLOCATIONS, r -> r.status() == 200).json().toString()
            .split("\"l2-vni\"", -1).length - 1;
        assertTrue(l2Vnis >= 2, "the demo tenant has two networks");

        final var text = get(ENDPOINT);
        assertTrue(text.contains("openvni_passes_total{kind=\"leaf-switch\",result=\"unreachable\"}"), text);
        for (var series : List.of(LEAF_RECONNECTS, NODE_RECONNECTS, STUCK)) {
            assertTrue(text.lines().anyMatch(line -> line.startsWith(series + " ")), () -> series + " in " + text);
        }

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
        // timeout(1) ends it even if this JVM dies; it passes a TERM on to prometheus
        final var prometheus = new ProcessBuilder("timeout", "-k", "10", String.valueOf(PROMETHEUS_LIFETIME_SECONDS),
            PROMETHEUS.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
            "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        try {
            final var api = "http://127.0.0.1:" + port + "/api/v1/query?query=";
            assertEquals(1, await(api, "up{job=\"openvni\"}", 1), "the target is up");
            assertEquals(4, await(api, "openvni_devices{sync_state=\"unreachable\"}", 4));
            assertEquals(0, await(api, "openvni_devices{sync_state=\"in-sync\"}", 0));
            assertEquals(l2Vnis, await(api, "openvni_allocations_used{pool=\"l2-vni\"}", l2Vnis));
            assertTrue(query(api, "sum(openvni_passes_total{result=\"unreachable\"})") >= 4);
            assertTrue(query(api, "sum(openvni_pass_duration_seconds_count)") >= 4);
            readmeQueries(api);

            final var before = DemoData.generations(status);
            // the log of the restarted controller, which counts afresh, begins after this line
            final long logLines = logLines(controller);
            controller.stop(Duration.ofSeconds(120));
            controller.start(Duration.ofSeconds(300));
            final var after = DemoData.generations(DemoData.await(restconf, STATUS, r -> r.status() == 200
                && r.json().path("openvni-status:status").path("device").size() == 4).json());
            assertEquals(before, after, "the same intent keeps every desired generation across a restart");
            assertTrue(before.values().stream().allMatch(generation -> generation >= 1), before::toString);
            assertEquals(1, await(api, "up{job=\"openvni\"}", 1), "the endpoint is back after the restart");
            assertEquals(4, await(api, "openvni_devices{sync_state=\"unreachable\"}", 4));
            // nothing connected since the restart: no reconnects
            assertEquals(0, query(api, LEAF_RECONNECTS));
            assertEquals(0, query(api, NODE_RECONNECTS));
            // the demo leaves stay connecting, and the leaf topology starts them over (30 s and more each)
            assertTrue(await(api, STUCK, 2, Duration.ofSeconds(120)) >= 2, "both leaves were started over");
            final var stuck = stuckSettled(controller, logLines);
            assertEquals(stuck.logged(), stuck.counted(), "the connections started over are those the log names");

            leafReconnects(restconf, api, fabric);
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

    /** Queries until the value is at least {@code least} or the time has passed; the last value. */
    private long await(final String api, final String promql, final long least, final Duration timeout)
            throws Exception {
        final long deadline = System.nanoTime() + timeout.toNanos();
        long value = query(api, promql);
        while (value < least && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            value = query(api, promql);
        }
        return value;
    }

    /**
     * leaf1 moves to a netconfd simulator, connects and gets the tenant; the simulator stops (ODL loses the session)
     * and starts again (ODL connects anew): one leaf reconnect, none of node routers (nothing listens for them).
     * The demo fabric is put back at the end.
     */
    private void leafReconnects(final RestconfClient restconf, final String api, final String fabric)
            throws Exception {
        try (var leaves = NetconfdLeaves.launch(1)) {
            try {
                DemoData.expectOk(restconf.put(DemoData.FABRIC, withSimulatedLeaf1(fabric, leaves)), 200, 201, 204);
                awaitLeaf1(restconf, "in-sync", Duration.ofSeconds(120));
                assertEquals(0, query(api, LEAF_RECONNECTS), "the first session is no reconnect");

                leaves.stop(0);
                awaitPoll(() -> !"connected".equals(restconf.get(TOPOLOGY + "/node=leaf1?content=nonconfig").json()
                    .findPath("connection-status").asText()), Duration.ofSeconds(60), "ODL sees leaf1 go");
                leaves.start(0);
                awaitPoll(() -> "connected".equals(restconf.get(TOPOLOGY + "/node=leaf1?content=nonconfig").json()
                    .findPath("connection-status").asText()), Duration.ofSeconds(120), "ODL connects leaf1 again");
                awaitLeaf1(restconf, "in-sync", Duration.ofSeconds(60));
                assertEquals(1, await(api, LEAF_RECONNECTS, 1), "leaf1 lost its session once and got a new one");
                assertEquals(0, query(api, NODE_RECONNECTS));
            } finally {
                // back to the demo's devices, none of them reachable (the ITs that need the demo put it back)
                reset(restconf, fabric);
            }
        }
    }

    /** The demo fabric and tenant, as {@link DemoData#reset} puts them, with this fabric. */
    private static void reset(final RestconfClient restconf, final String fabric) {
        DemoData.expectOk(restconf.delete(DemoData.TENANTS), 204, 404, 409);
        DemoData.expectOk(restconf.put(DemoData.FABRIC, fabric), 200, 201, 204);
        DemoData.expectOk(restconf.put(DemoData.ACME, DemoData.acme()), 200, 201, 204);
        DemoData.awaitSealed(restconf);
        DemoData.awaitQuiet(restconf);
    }

    /** The demo fabric with each device's NETCONF or SSH port one that nothing listens on now. */
    private static String demoFabricOnFreePorts() throws IOException {
        final var document = (ObjectNode) JSON.readTree(DemoData.fabric());
        for (var leaf : document.path("openvni-fabric:fabric").path("leaf-switch")) {
            ((ObjectNode) leaf.path("netconf")).put("port", freePort());
        }
        for (var node : document.path("openvni-fabric:fabric").path("node-router")) {
            ((ObjectNode) node.path("ssh")).put("port", freePort());
        }
        return JSON.writeValueAsString(document);
    }

    /** The fabric with leaf1 served by the simulator (and the settings netconfd needs). */
    private static String withSimulatedLeaf1(final String fabric, final NetconfdLeaves leaves) throws IOException {
        final var document = (ObjectNode) JSON.readTree(fabric);
        for (var leaf : document.path("openvni-fabric:fabric").path("leaf-switch")) {
            if ("leaf1".equals(leaf.path("name").asText())) {
                final var netconf = ((ObjectNode) leaf).putObject("netconf");
                netconf.put("host", leaves.host(0));
                netconf.put("port", leaves.port(0));
                netconf.put("username", leaves.username(0));
                netconf.put("password", leaves.password(0));
                final ArrayNode extra = netconf.putArray("extra-capability");
                OpenConfigYang.submoduleCapabilities().forEach(extra::add);
                netconf.put("schema-directory", OpenConfigYang.directory().toString());
            }
        }
        return JSON.writeValueAsString(document);
    }

    private static void awaitLeaf1(final RestconfClient restconf, final String state, final Duration timeout)
            throws InterruptedException {
        awaitPoll(() -> {
            for (var device : restconf.get(STATUS).json().path("openvni-status:status").path("device")) {
                if ("leaf1".equals(device.path("name").asText())) {
                    return state.equals(device.path("sync-state").asText());
                }
            }
            return false;
        }, timeout, "leaf1 " + state);
    }

    private static void awaitPoll(final BooleanSupplier done, final Duration timeout, final String what)
            throws InterruptedException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(500);
        }
    }

    private static long logLines(final ControllerDistribution controller) throws IOException {
        try (var lines = Files.lines(controller.karafLog(), StandardCharsets.UTF_8)) {
            return lines.count();
        }
    }

    /**
     * How many leaf connections the controller's log says it started over ("nodes [leaf1, leaf2] have been ..."),
     * after its first lines.
     */
    private static long stuckInLog(final ControllerDistribution controller, final long skip) throws IOException {
        final var line = Pattern.compile("NETCONF topology: nodes \\[([^\\]]*)\\] have been connecting for over");
        try (var lines = Files.lines(controller.karafLog(), StandardCharsets.UTF_8)) {
            return lines.skip(skip).map(line::matcher).filter(Matcher::find)
                .mapToLong(found -> found.group(1).split(",").length).sum();
        }
    }

    /**
     * The endpoint's count of connections started over, read when it stays the same around a read of the log: the
     * log line comes a moment before the count, and the leaves are started over about every 30 s.
     */
    private Stuck stuckSettled(final ControllerDistribution controller, final long skip) throws Exception {
        final long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            final long before = endpointValue(STUCK);
            final long logged = stuckInLog(controller, skip);
            final long after = endpointValue(STUCK);
            if (before == after && after == logged || System.nanoTime() > deadline) {
                return new Stuck(after, logged);
            }
            Thread.sleep(500);
        }
    }

    /** Connections started over: as counted by the endpoint, as named in the log. */
    private record Stuck(long counted, long logged) {
    }

    /** A series' value as the endpoint serves it now. */
    private long endpointValue(final String series) throws IOException, InterruptedException {
        return get(ENDPOINT).lines().filter(line -> line.startsWith(series + " "))
            .mapToLong(line -> Math.round(Double.parseDouble(line.substring(series.length() + 1)))).findFirst()
            .orElse(-1);
    }

    /**
     * The README's three PromQL queries, as written there, answer what this rollout shows: every device
     * unreachable, a 95th percentile of pass latency per device kind, every pass failed or unreachable.
     */
    private void readmeQueries(final String api) throws Exception {
        final var readme = Files.readString(Path.of("..", "README.md"));
        final int start = readme.indexOf("```promql\n");
        assertTrue(start >= 0, "the README has a promql block");
        final var block = readme.substring(start + "```promql\n".length(), readme.indexOf("```", start + 9));
        final var queries = new ArrayList<String>();
        for (var line : block.lines().toList()) {
            if (line.startsWith("#")) {
                queries.add("");
            } else {
                queries.set(queries.size() - 1, queries.getLast() + line.strip() + " ");
            }
        }
        assertEquals(3, queries.size(), block);
        assertEquals(Map.of("unreachable", 4.0), awaitVector(api, queries.get(0), "sync_state",
            result -> result.size() == 1), queries.get(0));
        final var latency = awaitVector(api, queries.get(1), "kind",
            result -> result.size() == 2 && result.values().stream().allMatch(value -> value > 0 && value <= 120));
        assertEquals(Set.of("leaf-switch", "node-router"), latency.keySet(), queries.get(1) + " " + latency);
        assertTrue(latency.values().stream().allMatch(value -> value > 0 && value <= 120), queries.get(1) + " "
            + latency);
        assertEquals(Map.of("leaf-switch", 1.0, "node-router", 1.0), awaitVector(api, queries.get(2), "kind",
            result -> result.size() == 2 && !result.containsValue(Double.NaN)), queries.get(2));
    }

    /** Queries until the vector (values by one label) passes the test or 60 s have passed; the last vector. */
    private Map<String, Double> awaitVector(final String api, final String promql, final String label,
            final Predicate<Map<String, Double>> done) throws Exception {
        final long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        var vector = vector(api, promql, label);
        while (!done.test(vector) && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            vector = vector(api, promql, label);
        }
        return vector;
    }

    /** An instant query's samples, by the value of one label. */
    private Map<String, Double> vector(final String api, final String promql, final String label)
            throws IOException, InterruptedException {
        final var result = new HashMap<String, Double>();
        for (var sample : RestconfClient.parse(get(api + URLEncoder.encode(promql, StandardCharsets.UTF_8)))
                .path("data").path("result")) {
            result.put(sample.path("metric").path(label).asText(),
                Double.parseDouble(sample.path("value").get(1).asText()));
        }
        return result;
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
