package io.openvni.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvni.it.LeafReconcileIT.LeafStatus;
import io.openvni.testlib.controller.OpenVniController;
import io.openvni.testlib.controller.RestconfClient;
import io.openvni.testlib.leaves.NetconfTestClient.Datastore;
import io.openvni.testlib.leaves.NetconfdLeaves;
import io.openvni.testlib.nodes.LabNode;
import io.openvni.testlib.nodes.NodeLab;
import io.openvni.testlib.nodes.Workload;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 (scale) end to end: one tenant of {@value #DEFAULT_NETWORKS} routed networks (one VRF, an IPv4 subnet and
 * gateway each) on a fabric of two real netconfd leaves ({@link NetconfdLeaves}: strict validation, candidate,
 * confirmed commit) and two real FRR 8.4 node routers ({@link NodeLab}: netns VRFs, sshd, node1 with FRR's
 * northbound gRPC where it can be built). Every device must reach {@code in-sync} at the new generation; pods on
 * both nodes then ping each other across VXLAN on the first and on the last network; the tenant's removal brings
 * every device back in sync with the operators' own configuration intact and the nodes' kernel devices gone. It
 * prints the time each device took, what {@code openvni-status} showed of the passes meanwhile, and the removal's.
 *
 * <p>In the default run. It was a soak until the lab's FRR ran under watchfrr: in the full run of 2026-12-07
 * node2's zebra (FRR 8.4) exited without a word in its log while the kernel deleted the tenant's 4,000 devices, and
 * a node without zebra never converges. watchfrr now starts a dead daemon again as on a Debian node (with the
 * operator's configuration), and the controller heals what the new zebra lacks.
 *
 * <p>Sizes ({@code -D} system properties): {@code big.tenant.networks} (default {@value #DEFAULT_NETWORKS}) on
 * both node routers; {@code big.tenant.leaf.networks} of them on both leaves, and the rest alternately on leaf1
 * and leaf2, so that each leaf carries {@code leaf.networks + (networks - leaf.networks) / 2}. The default run puts
 * {@value #DEFAULT_LEAF_NETWORKS} of 1,000 on both leaves (550 on each): netconfd validates the whole candidate at
 * every commit in time growing faster than the square of its network instances (see LeafScaleIT): with all 1,000
 * routed networks on both leaves they took 3.6 minutes to reach in-sync (both node routers less than 2.4), on 2
 * cores under load 15-18 at nice 19, and with 750 on each leaf 111 s of the class's 285 s in a default-run setting.
 * {@code -Dbig.tenant.leaf.networks=1000} puts all 1,000 on both leaves. Each wait for in-sync is bounded by 600 s,
 * or {@code big.tenant.timeout} seconds.
 */
@OpenVniController
class BigTenantIT {
    static final int DEFAULT_NETWORKS = 1000;
    static final int DEFAULT_LEAF_NETWORKS = 100;
    private static final int NETWORKS = Integer.getInteger("big.tenant.networks", DEFAULT_NETWORKS);
    private static final int LEAF_NETWORKS = Math.min(NETWORKS,
        Integer.getInteger("big.tenant.leaf.networks", DEFAULT_LEAF_NETWORKS));
    private static final long FIRST_VNI = 11_000;
    private static final long L3_VNI = 50_990;
    private static final int FIRST_VLAN = 100;
    private static final String TENANT = DemoData.TENANTS + "/tenant=big";
    private static final List<String> LEAVES = List.of("leaf1", "leaf2");
    private static final List<String> NODES = List.of("node1", "node2");
    private static final Duration PING = Duration.ofSeconds(60);
    // on the raw XML: ConfigXml.canonical sorts by re-rendering subtrees, far too slow for a thousand instances
    private static final Pattern L2_INSTANCE = Pattern.compile("<(?:\\w+:)?name>(ovni-l2-\\d+)</");
    private static final Pattern OPENVNI_DEVICE = Pattern.compile("\\d+: (ov(?:br|vx|h|w)\\d+)[@:]");

    private static NetconfdLeaves leaves;
    private static NodeLab lab;

    @BeforeAll
    static void startDevices() throws IOException {
        final String leavesMissing = NetconfdLeaves.missingPrerequisite();
        assumeTrue(leavesMissing == null, () -> "leaf simulators unavailable: " + leavesMissing);
        final String labMissing = NodeLab.missingPrerequisite();
        assumeTrue(labMissing == null, () -> "node lab unavailable: " + labMissing);
        leaves = NetconfdLeaves.launch(LEAVES.size());
        for (int i = 0; i < LEAVES.size(); i++) {
            final var seeded = leaves.client(i).editCommit(LeafReconcileIT.UNRELATED);
            assertTrue(seeded.ok(), seeded::error);
        }
        lab = NodeLab.start(NODES.size(), NodeLab.grpcModule());
        // the node operators' own configuration, which must survive the tenant
        for (LabNode node : lab.nodes()) {
            node.router().configure("route-map KEEP permit 10");
            node.host().check("ip link add keep0 type bridge");
        }
    }

    @AfterAll
    static void stopDevices(final RestconfClient restconf) {
        try {
            DemoData.reset(restconf);
        } finally {
            if (lab != null) {
                lab.close();
            }
            if (leaves != null) {
                leaves.close();
            }
        }
    }

    @Test
    void thousandNetworksReachEveryDeviceCarryTrafficOnTheLastAndGoAwayCleanly(final RestconfClient restconf)
            throws IOException {
        final List<String> devices = Stream.concat(LEAVES.stream(), NODES.stream()).toList();
        DemoData.expectOk(restconf.delete(DemoData.TENANTS), 204, 404, 409);
        DemoData.expectOk(restconf.put(DemoData.FABRIC, new SimulatedFabric().leaves(leaves).nodeRouters(lab)
            .vlanPool(FIRST_VLAN, FIRST_VLAN + NETWORKS - 1).driftChecks(3600, false).json()), 200, 201, 204);
        final var empty = LeafStatus.awaitInSync(restconf, devices, Duration.ofSeconds(150));

        final long put = System.nanoTime();
        DemoData.expectOk(restconf.put(TENANT, tenant()), 200, 201, 204);
        final double answered = (System.nanoTime() - put) / 1e9;
        final var added = Convergence.await(restconf, empty, devices, put, timeout());
        final var report = new ArrayList<String>();
        report.add(String.format(Locale.ROOT, "%d networks (%d on each leaf): PUT answered in %.1f s; in sync %s",
            NETWORKS, perLeaf(), answered, added.times()));
        report.add("progress seen: " + added.progress());

        for (int i = 0; i < LEAVES.size(); i++) {
            final Set<String> instances = l2Instances(running(i));
            assertEquals(perLeaf(), instances.size(), LEAVES.get(i) + "'s L2 network instances");
        }
        for (LabNode node : lab.nodes()) {
            assertEquals(NETWORKS, workloadEnds(node).size(), node.name() + "'s workload ends");
        }
        assertFalse(added.progress().isEmpty(), "openvni-status showed no pass in progress over " + NETWORKS
            + " networks");

        report.add(pingAcross(0, put));
        report.add(pingAcross(NETWORKS - 1, put));

        final long delete = System.nanoTime();
        DemoData.expectOk(restconf.delete(TENANT), 204);
        final var removed = Convergence.await(restconf, added.generations(), devices, delete, timeout());
        report.add("tenant DELETE: in sync " + removed.times());
        for (int i = 0; i < LEAVES.size(); i++) {
            final String config = running(i);
            assertEquals(Set.of(), l2Instances(config), LEAVES.get(i) + " kept OpenVNI's network instances");
            assertTrue(config.contains("management, not OpenVNI's"), config);
            assertTrue(config.contains("uplink to spine1, not OpenVNI's"), config);
        }
        for (LabNode node : lab.nodes()) {
            final String all = allDevices(node);
            final var left = OPENVNI_DEVICE.matcher(all).results().map(match -> match.group(1)).limit(10).toList();
            assertEquals(List.of(), left, node.name() + " kept OpenVNI's kernel devices");
            assertFalse(node.host().check("ls /run/netns").contains("ovrf"), node.name() + " kept its VRF");
            assertTrue(all.contains("keep0"), node.name() + " lost keep0");
            final String running = node.router().runningConfig();
            assertFalse(running.contains("vni " + FIRST_VNI), running);
            assertTrue(running.contains("route-map KEEP permit 10"), running);
        }
        report.forEach(line -> System.out.println("[big-tenant] " + line));
    }

    /** Pods on node1 and node2 on network {@code index} ping each other across VXLAN; says how long after the PUT. */
    private static String pingAcross(final int index, final long put) throws IOException {
        final long vni = FIRST_VNI + index;
        final String base = subnetBase(index);
        final Workload pod1 = lab.attach("big" + index + "a", lab.node(1), vni, base + "11/24", base + "1");
        final Workload pod2 = lab.attach("big" + index + "b", lab.node(2), vni, base + "12/24", base + "1");
        final long attached = System.nanoTime();
        if (!pod1.pingsWithin(base + "12", PING)) {
            throw new AssertionError("network " + index + " (VNI " + vni + "): no ping from node1 to node2 across"
                + " VXLAN within " + PING + evpnState(vni) + lab.logs());
        }
        assertTrue(pod2.pings(base + "11"), "network " + index + ": no ping back from node2");
        assertTrue(pod1.pings(base + "1"), "network " + index + ": node1's anycast gateway does not answer");
        return String.format(Locale.ROOT, "network %d (VNI %d): pods ping across VXLAN %.1f s after attaching, %.1f s"
            + " after the PUT", index, vni, (System.nanoTime() - attached) / 1e9, (System.nanoTime() - put) / 1e9);
    }

    /** What each node's zebra, bgpd and kernel know of one VNI, for a failed ping's message. */
    private static String evpnState(final long vni) {
        final var text = new StringBuilder();
        for (LabNode node : lab.nodes()) {
            text.append("\n--- ").append(node.name()).append(" EVPN state of VNI ").append(vni).append('\n');
            try {
                text.append(node.vtysh("show evpn vni " + vni, "show bgp l2vpn evpn route vni " + vni,
                    "show zebra dplane")).append(node.host().sh("ip netns exec ovrf" + L3_VNI + " sh -c 'ip -d link"
                    + " show ovvx" + vni + "; ip -d link show ovbr" + vni + "; bridge fdb show dev ovvx" + vni
                    + "; bridge link show'| grep -E 'ovvx" + vni + "|ovh" + vni + "|ovbr" + vni + "|dst|vxlan id'",
                    null, Duration.ofSeconds(30)).output());
            } catch (IOException e) {
                text.append("(not read: ").append(e.getMessage()).append(")\n");
            }
        }
        return text.toString();
    }

    /** Tenant big: VRF red and networks n0..n{N-1}, each with its own /24; see the class comment for placement. */
    private static String tenant() {
        final var json = new ObjectMapper().createObjectNode();
        final ObjectNode tenant = json.putArray("openvni-tenant:tenant").addObject().put("name", "big");
        tenant.putArray("vrf").addObject().put("name", "red").put("l3-vni", L3_VNI);
        final var networks = tenant.putArray("network");
        for (int i = 0; i < NETWORKS; i++) {
            final ObjectNode network = networks.addObject().put("name", "n" + i).put("l2-vni", FIRST_VNI + i)
                .put("vrf", "red");
            network.putArray("subnet").add(subnetBase(i) + "0/24");
            network.putArray("gateway").add(subnetBase(i) + "1/24");
            if (i >= LEAF_NETWORKS) {
                network.putArray("leaf-switches").add(LEAVES.get(i % LEAVES.size()));
            }
        }
        return json.toString();
    }

    private static int perLeaf() {
        return LEAF_NETWORKS + (NETWORKS - LEAF_NETWORKS) / LEAVES.size();
    }

    /** {@code 10.<100 + i / 256>.<i % 256>.}: network i's /24 without its last byte. */
    private static String subnetBase(final int index) {
        return "10." + (100 + index / 256) + "." + index % 256 + ".";
    }

    private static Duration timeout() {
        final long configured = Long.getLong("big.tenant.timeout", 0);
        return Duration.ofSeconds(configured > 0 ? configured : 600);
    }

    private static String running(final int leaf) {
        final var reply = leaves.client(leaf).getConfig(Datastore.RUNNING);
        assertTrue(reply.ok(), reply::error);
        return reply.data();
    }

    private static Set<String> l2Instances(final String runningXml) {
        final var names = new TreeSet<String>();
        L2_INSTANCE.matcher(runningXml).results().forEach(match -> names.add(match.group(1)));
        return names;
    }

    private static Set<String> workloadEnds(final LabNode node) throws IOException {
        final var ends = new TreeSet<String>();
        OPENVNI_DEVICE.matcher(node.host().check("ip -o link show")).results().map(match -> match.group(1))
            .filter(name -> name.startsWith("ovw")).forEach(ends::add);
        return ends;
    }

    /** Every device of the node's router namespace and of its VRF namespaces. */
    private static String allDevices(final LabNode node) throws IOException {
        return node.host().check("ip -o link show; for n in $(ls /run/netns); do ip -n $n -o link show; done");
    }

    /**
     * Each device's time to {@code in-sync} at a generation above the one it had, and the progress
     * ({@code phase done/total}) the status showed of its passes meanwhile.
     */
    private record Convergence(Map<String, Long> generations, Map<String, Double> seconds,
            Map<String, Set<String>> progress) {
        static Convergence await(final RestconfClient restconf, final Map<String, Long> before,
                final List<String> devices, final long start, final Duration timeout) {
            final long deadline = start + timeout.toNanos();
            final var seconds = new TreeMap<String, Double>();
            final var progress = new TreeMap<String, Set<String>>();
            final var generations = new LinkedHashMap<String, Long>();
            RestconfClient.Response last;
            do {
                last = restconf.get(DemoData.STATUS);
                final double now = (System.nanoTime() - start) / 1e9;
                for (JsonNode device : last.status() == 200 ? last.json().path("openvni-status:status")
                        .path("device") : List.<JsonNode>of()) {
                    final String name = device.path("name").asText();
                    final long desired = device.path("desired-generation").asLong();
                    generations.put(name, desired);
                    final JsonNode pass = device.path("progress");
                    if (!pass.isMissingNode()) {
                        progress.computeIfAbsent(name, key -> new LinkedHashSet<>()).add(pass.path("phase").asText()
                            + (pass.has("total") ? " " + pass.path("done").asLong() + "/" + pass.path("total")
                                .asLong() : ""));
                    }
                    if (devices.contains(name) && !seconds.containsKey(name)
                            && "in-sync".equals(device.path("sync-state").asText())
                            && device.path("applied-generation").asLong() == desired
                            && desired > before.getOrDefault(name, 0L)) {
                        seconds.put(name, now);
                    }
                }
                if (seconds.keySet().containsAll(devices)) {
                    return new Convergence(generations, seconds, progress);
                }
                sleep();
            } while (System.nanoTime() < deadline);
            throw new AssertionError("not in sync after " + timeout + ": " + devices.stream()
                .filter(name -> !seconds.containsKey(name)).toList() + " (the others after " + seconds + " s); last"
                + " status: " + last);
        }

        String times() {
            final var text = new StringBuilder();
            seconds.forEach((name, time) -> text.append(String.format(Locale.ROOT, "%s %.1f s, ", name, time)));
            return text.substring(0, text.length() - 2);
        }

        private static void sleep() {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
