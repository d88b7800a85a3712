package io.openvni.benchmarks.scale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvni.benchmarks.leaves.Payloads;
import io.openvni.benchmarks.nodes.NodeTrafficBench;
import io.openvni.testlib.nodes.LabFabric;
import io.openvni.testlib.nodes.NodeLab;
import io.openvni.testlib.leaves.NetconfdLeaves;
import io.openvni.testlib.leaves.OpenConfigYang;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One device the scale benchmark pushes to, alone in its fabric, and what keeps it running until {@link #close()}.
 *
 * @param kind how the table calls it: {@code netconfd}, {@code testtool} or {@code frr}
 * @param device its name in the fabric
 * @param fabric the fabric document with just this device
 * @param processes the device's processes as they are now (daemons, sshd), for its CPU time
 * @param stop stops the simulator or lab this benchmark started for it; null when started outside (the testtool)
 */
record ScaleTarget(String kind, String device, String fabric, Supplier<List<ProcessHandle>> processes,
        @Nullable Runnable stop) implements AutoCloseable {
    static final List<String> KINDS = List.of("netconfd", "testtool", "frr");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A yuma123 netconfd leaf of the integration tests, with the extra schemas netconfd needs (simulators.md). */
    static ScaleTarget netconfd() throws IOException {
        final NetconfdLeaves leaves = NetconfdLeaves.launch(1);
        try {
            final ObjectNode document = JSON.createObjectNode();
            final ObjectNode leaf = Payloads.leafSwitch(fabric(document).putArray("leaf-switch"), 1, leaves.host(0),
                leaves.port(0), leaves.username(0), leaves.password(0));
            final ObjectNode netconf = (ObjectNode) leaf.get("netconf");
            final ArrayNode extra = netconf.putArray("extra-capability");
            OpenConfigYang.submoduleCapabilities().forEach(extra::add);
            netconf.put("schema-directory", OpenConfigYang.directory().toString());
            final String home = leaves.workDir().toString();
            return new ScaleTarget("netconfd", Payloads.leafName(1), document.toString(),
                () -> commandLinesWith(home), leaves::close);
        } catch (IOException | RuntimeException e) {
            leaves.close();
            throw e;
        }
    }

    /** A netconf-testtool device the script started on {@code port}. */
    static ScaleTarget testtool(final String host, final int port) {
        final ObjectNode document = JSON.createObjectNode();
        Payloads.leafSwitch(fabric(document).putArray("leaf-switch"), 1, host, port, Payloads.SIM_USER,
            Payloads.SIM_PASSWORD);
        return new ScaleTarget("testtool", Payloads.leafName(1), document.toString(),
            () -> commandLinesWith("netconf-testtool"), null);
    }

    /** Node 1 of a node lab (FRR 8.4 in namespaces behind sshd, zebra with the gRPC module where it can be had). */
    static ScaleTarget frr() throws IOException, InterruptedException {
        final NodeLab lab = NodeTrafficBench.startLab(1);
        final ObjectNode document = JSON.createObjectNode();
        final ObjectNode router = fabric(document).putArray("node-router").addObject();
        router.put("name", lab.node(1).name());
        LabFabric.describe(router, lab.node(1));
        final var host = lab.node(1).host();
        return new ScaleTarget("frr", lab.node(1).name(), document.toString(), host::processes, lab::close);
    }

    /**
     * A fabric with room for 4,000 networks (the default VLAN pool has 3,900; the default per-device limits are
     * 2,000 networks on a leaf and 1,000 on a node, 256 and 128 VRFs, sized for production, and admission refuses
     * a tenant above them) and no drift checks meanwhile.
     */
    private static ObjectNode fabric(final ObjectNode document) {
        final ObjectNode fabric = document.putObject("openvni-fabric:fabric");
        fabric.put("route-target-asn", 65000);
        fabric.put("drift-check-interval", 3600);
        fabric.putObject("vlan-pool").put("start", 2).put("end", 4094);
        final ObjectNode limits = fabric.putObject("limits");
        limits.putObject("leaf-switch").put("max-l2-vnis", 4093).put("max-vrfs", 1000);
        limits.putObject("node-router").put("max-l2-vnis", 4093).put("max-vrfs", 1000);
        return fabric;
    }

    /** Processes whose command line holds {@code text} (netconfd's home, the testtool's jar). */
    private static List<ProcessHandle> commandLinesWith(final String text) {
        return ProcessHandle.allProcesses()
            .filter(process -> process.info().commandLine().filter(line -> line.contains(text)).isPresent())
            .toList();
    }

    @Override
    public void close() {
        if (stop != null) {
            stop.run();
        }
    }
}
