package io.openvni.benchmarks.leaves;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvni.testlib.controller.RestconfClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an ODL user does today without OpenVNI: mount each switch as a plain topology-netconf node and write its
 * configuration through the mount point, one device after another. The configuration is exactly what OpenVNI
 * renders for the corresponding fabric leaf (its preview), sent as one YANG Patch per device, so both sides push
 * the same data in one NETCONF transaction per device.
 */
final class Baseline {
    static final String NODE_PREFIX = "bench-base-";

    private final RestconfClient restconf;
    private final String host;
    private final int firstPort;
    private final int count;
    private final LeafDialect dialect;

    Baseline(final RestconfClient restconf, final String host, final int firstPort, final int count,
            final LeafDialect dialect) {
        this.restconf = restconf;
        this.host = host;
        this.firstPort = firstPort;
        this.count = count;
        this.dialect = dialect;
    }

    static String node(final int index) {
        return NODE_PREFIX + index;
    }

    List<String> nodes() {
        final var nodes = new ArrayList<String>(count);
        for (int i = 1; i <= count; i++) {
            nodes.add(node(i));
        }
        return nodes;
    }

    /** Create the plain NETCONF nodes, one PUT each. */
    void mount() throws BenchmarkException {
        for (int i = 1; i <= count; i++) {
            final var response = restconf.put(nodePath(node(i)),
                Payloads.netconfNode(node(i), host, firstPort + i - 1));
            expect2xx(response, "creating " + node(i));
        }
    }

    /** Remove the plain nodes again (when the controller outlives the benchmark). */
    void unmount() {
        for (String node : nodes()) {
            restconf.delete(nodePath(node));
        }
    }

    /** Each fabric leaf's desired configuration in its dialect, from the controller's preview RPC. */
    Map<String, JsonNode> previews() throws BenchmarkException {
        final var configs = new LinkedHashMap<String, JsonNode>();
        for (int i = 1; i <= count; i++) {
            final String leaf = Payloads.leafName(i);
            final var response = restconf.post(RestconfClient.OPERATIONS + "openvni-tenant:preview-device-config",
                "{\"input\":{\"device\":\"" + leaf + "\"}}");
            expect2xx(response, "preview of " + leaf);
            final JsonNode output = response.json().path("openvni-tenant:output");
            if (!dialect.previewFormat().equals(output.path("format").asText())) {
                throw new BenchmarkException("preview of " + leaf + " is not " + dialect.previewFormat() + ": "
                    + response, Map.of());
            }
            configs.put(leaf, RestconfClient.parse(output.path("config").asText()));
        }
        return configs;
    }

    /**
     * Push each leaf's configuration to its baseline device, sequentially, timing each request.
     *
     * @return milliseconds per baseline node, in push order
     */
    Result push(final Map<String, JsonNode> previews) throws BenchmarkException {
        final var millis = new LinkedHashMap<String, Double>();
        int edits = 0;
        final long start = System.nanoTime();
        for (int i = 1; i <= count; i++) {
            final var patch = Payloads.yangPatch("bench-" + i, previews.get(Payloads.leafName(i)));
            edits = patch.edits();
            final long before = System.nanoTime();
            final var response = restconf.send("PATCH", nodePath(node(i)) + "/yang-ext:mount",
                RestconfClient.YANG_PATCH_JSON, patch.body());
            final long after = System.nanoTime();
            expect2xx(response, "YANG Patch of " + node(i));
            if (response.body().contains("\"errors\"")) {
                throw new BenchmarkException("YANG Patch of " + node(i) + " failed: " + response, Map.of());
            }
            millis.put(node(i), (after - before) / 1e6);
        }
        return new Result(millis, Duration.ofNanos(System.nanoTime() - start), edits);
    }

    /** Read one pushed device back, to show the data arrived. */
    boolean verify(final int index, final JsonNode preview) {
        final var response = restconf.get(nodePath(node(index))
            + "/yang-ext:mount/" + dialect.instancesTop() + "?content=config");
        if (response.status() != 200) {
            return false;
        }
        final String body = response.body();
        for (JsonNode instance : dialect.instances(preview)) {
            if (!body.contains("\"" + instance.path("name").asText() + "\"")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The baseline's timings.
     *
     * @param millis per device, in push order
     * @param total wall time of the whole sequence
     * @param editsPerDevice YANG Patch edits per device (top-level list entries)
     */
    record Result(Map<String, Double> millis, Duration total, int editsPerDevice) {
    }

    private static String nodePath(final String node) {
        return Waits.TOPOLOGY + "/node=" + node;
    }

    private static void expect2xx(final RestconfClient.Response response, final String what)
            throws BenchmarkException {
        if (response.status() / 100 != 2) {
            throw new BenchmarkException(what + " failed: " + response, Map.of());
        }
    }
}
