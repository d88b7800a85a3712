package io.openvni.benchmarks.nodes;

import io.openvni.testlib.nodes.LabNode;
import io.openvni.testlib.nodes.NodeLab;
import io.openvni.testlib.nodes.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;

/**
 * What a script-based tool without a controller does today (OpenPERouter or frr-k8s style): on each node, one after
 * the other, iproute2 commands create the VNI's devices inside the tenant VRF's namespace, then
 * {@code frr-reload.py --reload} brings FRR to a whole target configuration (the node's running configuration
 * plus the VNI's block). The tool's rendering is not timed: the target files are written before the clock starts.
 * Commands run in the node's namespaces directly (nsenter), as a per-node agent would: no SSH, unlike OpenVNI.
 * Device names are not OpenVNI's ({@code ov(br|vx|h|w|rf)<n>}), so the controller ignores them.
 */
final class ScriptBaseline {
    private static final String ANYCAST_MAC = "00:00:5e:00:01:01";
    private static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(120);

    /**
     * Milliseconds from the first node's first command (NaN: never within the timeout).
     *
     * @param kernel the iproute2 commands, both nodes
     * @param reload frr-reload.py, both nodes
     * @param traffic the first echo from the pod on node1 to the one on node2
     */
    record Times(double kernel, double reload, double traffic) {
        boolean converged() {
            return !Double.isNaN(traffic);
        }
    }

    private final NodeTrafficBench.Setup setup;
    private final NodeLab lab;

    ScriptBaseline(final NodeTrafficBench.Setup setup) {
        this.setup = setup;
        lab = setup.lab();
    }

    Times run(final int round, final Segment segment) throws IOException {
        final var targets = new ArrayList<Path>();
        final var restores = new ArrayList<Path>();
        for (LabNode node : lab.nodes()) {
            final String running = FrrText.runningConfig(node);
            restores.add(write(node, "baseline-restore.conf", running));
            targets.add(write(node, "baseline-target.conf", FrrText.withVni(running, setup.baseVni(), segment.vni(),
                node.routerId() + ":" + segment.vni())));
        }
        final var pods = new ArrayList<Workload>();
        try {
            final long deadline = System.nanoTime() + setup.timeout().toNanos();
            final long start = System.nanoTime();
            long kernel = 0;
            long reload = 0;
            for (LabNode node : lab.nodes()) {
                final long before = System.nanoTime();
                node.host().check(createDevices(node, segment.vni(), segment.gatewayCidr()));
                final long created = System.nanoTime();
                reload(node, targets.get(node.index() - 1));
                reload += System.nanoTime() - created;
                kernel += created - before;
            }
            for (LabNode node : lab.nodes()) {
                pods.add(lab.attach("b" + round + "-pod" + node.index(), node, "bw" + segment.vni(),
                    segment.pod(node.index()) + "/24", segment.gateway()));
            }
            final long traffic = Traffic.awaitPing(pods.getFirst(), segment.pod(2), deadline);
            return new Times(kernel / 1e6, reload / 1e6, Traffic.millis(start, traffic));
        } finally {
            pods.forEach(Workload::close);
            for (LabNode node : lab.nodes()) {
                reload(node, restores.get(node.index() - 1));
                // the veth went with the pod's namespace (or is deleted here when no pod took it)
                final String vrf = "ip -n " + setup.vrfNamespace() + " link del ";
                node.host().sh(vrf + "bh" + segment.vni() + "; " + vrf + "bvx" + segment.vni() + "; " + vrf + "bbr"
                    + segment.vni(), null, Duration.ofSeconds(10));
            }
        }
    }

    /**
     * The devices OpenVNI would make for the VNI, as commands: the bridge with the anycast gateway (address and
     * MAC) in the VRF's namespace, the VXLAN device (created from the node's namespace, so that its underlay socket
     * stays there, with the node's VTEP; ARP suppression on, as OpenVNI's default), and a veth whose workload end
     * stays in the node's namespace.
     */
    private String createDevices(final LabNode node, final long vni, final String gatewayCidr) {
        final String ns = setup.vrfNamespace();
        final String vrf = "ip -n " + ns + " ";
        return String.join(" && ",
            "ip link add bbr" + vni + " netns " + ns + " type bridge",
            vrf + "link set bbr" + vni + " address " + ANYCAST_MAC,
            vrf + "addr add " + gatewayCidr + " dev bbr" + vni,
            "ip link add bvx" + vni + " netns " + ns + " type vxlan id " + vni + " local " + node.vtep()
                + " dstport 4789 nolearning",
            vrf + "link set bvx" + vni + " master bbr" + vni,
            vrf + "link set dev bvx" + vni + " type bridge_slave neigh_suppress on",
            "ip link add bw" + vni + " type veth peer name bh" + vni + " netns " + ns,
            vrf + "link set bh" + vni + " master bbr" + vni,
            vrf + "link set bbr" + vni + " up",
            vrf + "link set bvx" + vni + " up",
            vrf + "link set bh" + vni + " up");
    }

    private static void reload(final LabNode node, final Path target) throws IOException {
        final var result = node.host().sh("python3 /usr/lib/frr/frr-reload.py --reload -N " + node.pathspace()
            + " --stdout --log-level error " + target, null, RELOAD_TIMEOUT);
        if (!result.ok()) {
            throw new IOException("frr-reload.py failed on " + node.name() + ": " + result.stdout() + result.stderr());
        }
    }

    private static Path write(final LabNode node, final String name, final String text) throws IOException {
        return Files.writeString(node.host().dir().resolve(name), text);
    }
}
