package io.openvni.demo;

import io.openvni.testlib.leaves.NetconfdLeaves;
import io.openvni.testlib.leaves.OpenConfigYang;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The demo's leaf switches as real simulators ({@code scripts/openvni-run.sh --demo}): starts one
 * {@link NetconfdLeaves} leaf per {@code leaf-switch} of a fabric document, writes that document with each leaf's
 * {@code netconf} pointing at its simulator (plus the submodule capabilities and schema directory netconfd needs,
 * as in {@code LeafTopologyIT}), and keeps the leaves until it is told to stop. With {@code --nodes-out FILE} the
 * fabric's node routers run too, as a lab of FRR nodes ({@link DemoNodes}): {@code FILE} gets a {@code node} line
 * per node, then a {@code pods} line per network whose pods on two nodes were tried across VXLAN.
 *
 * <pre>
 * java -cp ... io.openvni.testlib.leaves.SimulatedLeavesMain --fabric IN.json --out OUT.json [--leaves-out LIST]
 *     [--nodes-out FILE] [--while-alive PID]
 * </pre>
 * {@code OUT.json} appears (atomically, mode 600) only once every leaf serves NETCONF; {@code LIST} gets one line
 * {@code <leaf-switch name> <host> <port>} per leaf. The leaves stop, their directory goes and the simulator user's
 * password is locked when process {@code PID} exits (the controller), or on SIGTERM/SIGINT. Exit status 2: this
 * machine cannot run the simulators (the reason is printed); 1: they did not start.
 */
public final class SimulatedLeavesMain {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SimulatedLeavesMain() {
        // main only
    }

    /**
     * Start the leaves of a fabric document and run until told to stop.
     *
     * @param args see the class description
     * @throws Exception if the leaves cannot be started or the files cannot be written
     */
    public static void main(final String[] args) throws Exception {
        Path fabricIn = null;
        Path fabricOut = null;
        Path leavesOut = null;
        Path nodesOut = null;
        Long watched = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--fabric" -> fabricIn = Path.of(args[i + 1]);
                case "--out" -> fabricOut = Path.of(args[i + 1]);
                case "--leaves-out" -> leavesOut = Path.of(args[i + 1]);
                case "--nodes-out" -> nodesOut = Path.of(args[i + 1]);
                case "--while-alive" -> watched = Long.valueOf(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (fabricIn == null || fabricOut == null || args.length % 2 != 0) {
            throw new IllegalArgumentException(
                "usage: --fabric IN.json --out OUT.json [--leaves-out LIST] [--nodes-out FILE] [--while-alive PID]");
        }
        final String missing = NetconfdLeaves.missingPrerequisite();
        if (missing != null) {
            System.err.println("[openvni-sim] cannot run the leaf simulators: " + missing);
            System.exit(2);
        }

        final JsonNode document = JSON.readTree(fabricIn.toFile());
        final List<ObjectNode> switches = new ArrayList<>();
        document.path("openvni-fabric:fabric").path("leaf-switch").forEach(node -> switches.add((ObjectNode) node));
        if (switches.isEmpty()) {
            throw new IllegalArgumentException(fabricIn + " has no openvni-fabric:fabric/leaf-switch");
        }
        final List<String> capabilities = OpenConfigYang.submoduleCapabilities();
        final String schemas = OpenConfigYang.directory().toString();

        final NetconfdLeaves leaves;
        try {
            leaves = NetconfdLeaves.launch(switches.size());
        } catch (IOException e) {
            System.err.println("[openvni-sim] the leaf simulators did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        final var list = new StringBuilder();
        for (int i = 0; i < switches.size(); i++) {
            final ObjectNode netconf = switches.get(i).putObject("netconf");
            netconf.put("host", leaves.host(i));
            netconf.put("port", leaves.port(i));
            netconf.put("username", leaves.username(i));
            netconf.put("password", leaves.password(i));
            final ArrayNode extra = netconf.putArray("extra-capability");
            capabilities.forEach(extra::add);
            netconf.put("schema-directory", schemas);
            list.append(switches.get(i).path("name").asText()).append(' ').append(leaves.host(i)).append(' ')
                .append(leaves.port(i)).append('\n');
        }
        if (leavesOut != null) {
            writePrivately(leavesOut, list.toString());
        }
        final DemoNodes nodes = nodesOut == null ? null : startNodes(document, nodesOut);
        // last: its appearance tells the caller that every leaf is ready
        writePrivately(fabricOut, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n");
        System.out.println("[openvni-sim] wrote " + fabricOut);

        if (watched == null) {
            // until SIGTERM/SIGINT: the fixture's exit hook stops and removes the leaves
            new CountDownLatch(1).await();
            return;
        }
        final Optional<ProcessHandle> owner = ProcessHandle.of(watched);
        owner.ifPresent(handle -> handle.onExit().join());
        System.out.println("[openvni-sim] process " + watched + " has exited; stopping the leaves");
        if (nodes != null) {
            nodes.close();
        }
        leaves.close();
    }

    // The node routers as a lab of FRR nodes; FILE gets one line per node, then one per network whose pods pinged.
    private static @Nullable DemoNodes startNodes(final JsonNode document, final Path out) throws IOException {
        final List<ObjectNode> routers = new ArrayList<>();
        document.path("openvni-fabric:fabric").path("node-router").forEach(node -> routers.add((ObjectNode) node));
        if (routers.size() < 2) {
            return null;
        }
        final var lines = new StringBuilder();
        final DemoNodes nodes = DemoNodes.start(routers, line -> {
            System.out.println("[openvni-sim] pods: " + line);
            synchronized (lines) {
                lines.append("pods ").append(line).append('\n');
                appendPrivately(out, lines.toString());
            }
        }, System.out);
        if (nodes != null) {
            synchronized (lines) {
                nodes.describe().forEach(line -> lines.append("node ").append(line).append('\n'));
                appendPrivately(out, lines.toString());
            }
        }
        return nodes;
    }

    private static void appendPrivately(final Path target, final String content) {
        try {
            writePrivately(target, content);
        } catch (IOException e) {
            System.out.println("[openvni-sim] cannot write " + target + ": " + e.getMessage());
        }
    }

    /** Written whole or not at all, readable by root only (it holds the leaves' password). */
    private static void writePrivately(final Path target, final String content) throws IOException {
        final Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        final Path temp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
