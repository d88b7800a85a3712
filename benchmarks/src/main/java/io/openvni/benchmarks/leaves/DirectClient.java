package io.openvni.benchmarks.leaves;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvni.testlib.Commands;
import io.openvni.testlib.controller.RestconfClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The second baseline, without ODL: {@value #THREADS} threads of one Python process (ncclient, as an Ansible run
 * with forks) each take a device, open a NETCONF session and write the leaf's configuration blind (lock,
 * edit-config, commit, unlock, no read), then close it. Same data as the other baselines ({@link LeafConfigXml}),
 * on devices of their own, which the client empties again afterwards for the mount-point baseline.
 */
final class DirectClient {
    static final int THREADS = 32;
    private static final String SCRIPT = "parallel_netconf.py";

    /**
     * One device of the client.
     *
     * @param name how the report calls it
     * @param port its NETCONF (SSH) port on the benchmark's host
     * @param preview the configuration it gets, as the controller previews it for the matching fabric leaf
     */
    record Device(String name, int port, JsonNode preview) {
    }

    /**
     * A pass of the client over every device.
     *
     * @param millis per device, session open to close, in the order they ended
     * @param connectMillis per device, the part until the session was up (SSH and hello)
     * @param total first connect to last close
     * @param cpuSeconds the client process's CPU time, user and system
     * @param failures per failed device, why
     */
    record Result(Map<String, Double> millis, Map<String, Double> connectMillis, Duration total, double cpuSeconds,
            Map<String, String> failures) {
    }

    private final String python;
    private final Path workDir;
    private final String host;
    private final LeafConfigXml xml;
    private final Duration timeout;

    DirectClient(final String python, final Path workDir, final String host, final Path yangDir,
            final Duration timeout) throws IOException {
        this.python = python;
        this.workDir = workDir;
        this.host = host;
        this.timeout = timeout;
        xml = LeafConfigXml.of(yangDir);
        Files.createDirectories(workDir);
        try (InputStream script = DirectClient.class.getResourceAsStream(SCRIPT)) {
            if (script == null) {
                throw new IOException(SCRIPT + " is missing from the benchmark's jar");
            }
            Files.write(workDir.resolve(SCRIPT), script.readAllBytes());
        }
    }

    /** What this machine lacks to run the client, or null. */
    String missingPrerequisite() {
        try {
            final var result = Commands.run(new ProcessBuilder(python, "-c", "import ncclient")
                .redirectErrorStream(true), null, Duration.ofSeconds(60));
            return result.ok() ? null
                : python + " cannot import ncclient (apt-get install python3-ncclient): " + result.stdout().strip();
        } catch (IOException e) {
            return "cannot run " + python + ": " + e.getMessage();
        }
    }

    /** Writes every device's whole configuration, timed. */
    Result push(final List<Device> devices) throws BenchmarkException {
        return run("push", devices, false);
    }

    /** Removes what {@link #push} wrote (not part of any measurement). */
    Result remove(final List<Device> devices) throws BenchmarkException {
        return run("remove", devices, true);
    }

    private Result run(final String what, final List<Device> devices, final boolean remove)
            throws BenchmarkException {
        try {
            final Path dir = Files.createDirectories(workDir.resolve(what));
            final var listing = new StringBuilder();
            for (Device device : devices) {
                final Path file = dir.resolve(device.name() + ".xml");
                Files.writeString(file, remove ? xml.removal(device.preview()) : xml.config(device.preview()));
                listing.append(device.name()).append(' ').append(host).append(' ').append(device.port()).append(' ')
                    .append(file).append('\n');
            }
            final Path list = dir.resolve("devices.txt");
            Files.writeString(list, listing);
            final var builder = new ProcessBuilder(python, workDir.resolve(SCRIPT).toString(),
                Integer.toString(THREADS), Payloads.SIM_USER, list.toString())
                .redirectError(dir.resolve("stderr.log").toFile());
            builder.environment().put("NETCONF_PASSWORD", Payloads.SIM_PASSWORD);
            return collect(what, builder.start());
        } catch (IOException e) {
            throw new BenchmarkException("direct client " + what + ": " + e.getMessage(), Map.of());
        }
    }

    private Result collect(final String what, final Process process) throws IOException, BenchmarkException {
        final var millis = new LinkedHashMap<String, Double>();
        final var connect = new LinkedHashMap<String, Double>();
        final var failures = new LinkedHashMap<String, String>();
        final var killer = Thread.ofVirtual().start(() -> {
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        });
        JsonNode totals = null;
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                final JsonNode json = RestconfClient.parse(line);
                if (json.has("total-ms")) {
                    totals = json;
                    continue;
                }
                final String device = json.path("device").asText();
                millis.put(device, json.path("ms").asDouble());
                connect.put(device, json.path("connect-ms").asDouble());
                if (!json.path("ok").asBoolean()) {
                    failures.put(device, json.path("error").asText());
                }
            }
        } finally {
            killer.interrupt();
        }
        if (totals == null) {
            throw new BenchmarkException("direct client " + what + " ended without totals (timeout "
                + timeout.toSeconds() + " s?); see " + workDir.resolve(what).resolve("stderr.log"), failures);
        }
        return new Result(millis, connect, Duration.ofNanos((long) (totals.path("total-ms").asDouble() * 1e6)),
            totals.path("cpu-s").asDouble(), failures);
    }

    /** The devices, named after their index, with the preview of the fabric leaf of the same index. */
    static List<Device> devices(final String prefix, final int firstPort, final Map<String, JsonNode> previews) {
        final var devices = new ArrayList<Device>();
        for (int i = 1; i <= previews.size(); i++) {
            devices.add(new Device(prefix + i, firstPort + i - 1, previews.get(Payloads.leafName(i))));
        }
        return devices;
    }
}
