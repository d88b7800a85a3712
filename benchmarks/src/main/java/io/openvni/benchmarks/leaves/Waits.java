package io.openvni.benchmarks.leaves;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvni.testlib.controller.RestconfClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Polling waits on the controller: mounts connected, devices in sync. Each records, per device, when it was first
 * seen done (nanoTime of the poll answer), so the resolution is the poll interval plus one GET.
 */
public final class Waits {
    static final String TOPOLOGY = RestconfClient.DATA + "network-topology:network-topology/topology=topology-netconf";

    private final RestconfClient restconf;
    private final Duration interval;

    public Waits(final RestconfClient restconf, final Duration interval) {
        this.restconf = restconf;
        this.interval = interval;
    }

    /**
     * Wait until every named device satisfies {@code done}; record when each first did.
     *
     * @return first-done nanoTime per device
     * @throws BenchmarkException on timeout, naming every device not done with its last status
     */
    public Map<String, Long> untilInSync(final Collection<String> devices, final BiPredicate<String, DeviceStatus> done,
            final Duration timeout, final String what) throws BenchmarkException {
        final var firstDone = new HashMap<String, Long>();
        final long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, DeviceStatus> last = Map.of();
        while (true) {
            last = DeviceStatus.read(restconf);
            final long now = System.nanoTime();
            for (String device : devices) {
                final DeviceStatus status = last.get(device);
                if (status != null && !firstDone.containsKey(device) && done.test(device, status)) {
                    firstDone.put(device, now);
                }
            }
            if (firstDone.size() == devices.size()) {
                return firstDone;
            }
            if (now > deadline) {
                final var missing = new LinkedHashMap<String, String>();
                for (String device : devices) {
                    if (!firstDone.containsKey(device)) {
                        final DeviceStatus status = last.get(device);
                        missing.put(device, status == null ? "not in openvni-status:status" : status.toString());
                    }
                }
                throw new BenchmarkException(what + ": " + missing.size() + " of " + devices.size()
                    + " devices did not reach in-sync within " + timeout.toSeconds() + " s", missing);
            }
            sleep();
        }
    }

    /**
     * Wait until every named node of topology-netconf is {@code connected}.
     *
     * @return first-connected nanoTime per node
     */
    Map<String, Long> untilConnected(final Collection<String> nodes, final Duration timeout, final String what)
            throws BenchmarkException {
        final var firstDone = new HashMap<String, Long>();
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            final Map<String, String> states = connectionStatus();
            final long now = System.nanoTime();
            for (String node : nodes) {
                if (!firstDone.containsKey(node) && "connected".equals(states.get(node))) {
                    firstDone.put(node, now);
                }
            }
            if (firstDone.size() == nodes.size()) {
                return firstDone;
            }
            if (now > deadline) {
                final var missing = new LinkedHashMap<String, String>();
                for (String node : nodes) {
                    if (!firstDone.containsKey(node)) {
                        missing.put(node, states.getOrDefault(node, "no operational node"));
                    }
                }
                throw new BenchmarkException(what + ": " + missing.size() + " of " + nodes.size()
                    + " NETCONF mounts not connected within " + timeout.toSeconds() + " s", missing);
            }
            sleep();
        }
    }

    /** connection-status of every operational node of topology-netconf. */
    Map<String, String> connectionStatus() {
        // the whole operational topology lists every node's capabilities: ask only for the status
        final var response = restconf.get(TOPOLOGY + "?content=nonconfig"
            + "&fields=node(node-id;netconf-node-topology:netconf-node(connection-status))");
        final var result = new HashMap<String, String>();
        if (response.status() != 200) {
            return result;
        }
        for (JsonNode node : response.json().path("network-topology:topology").path(0).path("node")) {
            result.put(node.path("node-id").asText(),
                node.path("netconf-node-topology:netconf-node").path("connection-status").asText());
        }
        return result;
    }

    private void sleep() throws BenchmarkException {
        try {
            Thread.sleep(interval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkException("interrupted", Map.of());
        }
    }

    static List<String> names(final int count) {
        final var names = new ArrayList<String>(count);
        for (int i = 1; i <= count; i++) {
            names.add(Payloads.leafName(i));
        }
        return names;
    }
}
