package io.openvni.southbound.frr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.core.compile.BgpNeighbor;
import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.compile.EvpnSegment;
import io.openvni.core.render.frr.FrrConfig;
import io.openvni.core.render.frr.FrrStanza;
import io.openvni.southbound.frr.config.OwnedFrr;
import io.openvni.southbound.frr.config.OwnedScope;
import io.openvni.southbound.frr.kernel.IpBatch;
import io.openvni.southbound.spi.ApplyProgress;
import io.openvni.southbound.spi.ApplyResult;
import io.openvni.southbound.spi.ChangeSet;
import io.openvni.southbound.spi.DeviceFailure;
import io.openvni.southbound.spi.DeviceState;
import io.openvni.southbound.spi.DeviceStateReader;
import io.openvni.southbound.spi.ReadResult;
import io.openvni.southbound.spi.ReadScope;
import io.openvni.southbound.ssh.ExecResult;
import io.openvni.southbound.ssh.NodeUnreachableException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Set;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The driver against a real FRR 8.4 (zebra -n, bgpd) and real kernel devices in a private node namespace; see
 * {@link FrrNode}. Skipped where FRR is not installed or the tests do not run as root.
 */
@Timeout(60)
class FrrNodeDriverTest extends RealNodeTest {
    @Test
    void fullApplyGivesTheGoldenConfigAndTheDevicesThenNothingToDo() throws Exception {
        final var intent = NodeIntents.netnsVrf();
        final var changes = sync(intent, null);
        assertFalse(changes.isEmpty());

        final String golden = NodeIntents.golden("node-netns-vrf.frr");
        assertEquals(stanzasSorted(OwnedFrr.fromRunning(golden, everything())),
            stanzasSorted(OwnedFrr.fromRunning(node.runningConfig(), everything())));
        assertEquals("ovrf50000\novrf9000\n", node.check("ls /run/netns"));
        node.check("ip link show ovbr10300 && ip link show ovvx10300 && ip link show ovw10100"
            + " && ip addr show lo | grep -q 10.0.3.1/32");
        final String inVrf = node.check("ip -n ovrf50000 -d addr show");
        assertTrue(inVrf.contains("ovbr10100") && inVrf.contains("10.1.0.1/24") && inVrf.contains("00:00:5e:00:01:01")
            && inVrf.contains("vxlan id 10100 local 10.0.3.1") && inVrf.contains("ovh10100@"), inVrf);
        // zebra maps the VXLAN device moved into the namespace to the tenant VRF
        final String vnis = node.vtysh("show evpn vni 10100");
        assertTrue(vnis.contains("ovrf50000"), vnis);
        // the L3 VNI is up: zebra has its VXLAN device and SVI, and the namespace routes between its subnets
        final String l3vni = node.vtysh("show evpn vni 50000");
        assertTrue(l3vni.contains("ovvx50000") && l3vni.contains("ovbr50000") && l3vni.contains("State: Up"), l3vni);
        assertEquals("1\n1\n", node.check("ip netns exec ovrf50000 cat /proc/sys/net/ipv4/conf/all/forwarding"
            + " /proc/sys/net/ipv6/conf/all/forwarding"));

        assertEquals(List.of(), diff(intent, intent).changes());
    }

    // bgpd lists its VRF instances in an order of its own
    private static String stanzasSorted(final FrrConfig config) {
        return new FrrConfig(config.stanzas().stream()
            .sorted(java.util.Comparator.comparing(FrrStanza::header)).toList()).text();
    }

    @Test
    void changingOneNetworkIsOneMinimalScript() throws Exception {
        final var before = NodeIntents.netnsVrf();
        sync(before, null);
        final var after = NodeIntents.withSegments(before, segments -> segments.stream()
            .map(s -> s.vni() != 10300 ? s : NodeIntents.pureL2(10300, "10.0.2.1:199")).toList());

        final var changes = diff(after, before);
        assertEquals(List.of(new NodeChange.Vtysh(List.of("router bgp 65201", " address-family l2vpn evpn",
            "  vni 10300", "   rd 10.0.2.1:199", "  exit-vni", " exit-address-family", "exit"),
            ((NodeChange.Vtysh) changes.changes().getFirst()).scope())), changes.changes());
        final long start = System.nanoTime();
        assertInstanceOf(ApplyResult.Applied.class, driver.apply(after, changes, ApplyProgress.NONE));
        System.out.printf("small change: apply+verify %d ms%n", (System.nanoTime() - start) / 1_000_000);
        assertTrue(node.runningConfig().contains("   rd 10.0.2.1:199"));
        assertEquals(List.of(), diff(after, after).changes());
    }

    @Test
    void removingANetworkKeepsWhatOpenVniDoesNotOwn() throws Exception {
        final var before = NodeIntents.netnsVrf();
        sync(before, null);
        node.vtysh("conf t", "route-map KEEP permit 10", "exit", "router bgp 65100 vrf keep", "exit",
            "router bgp 65201", "neighbor 10.9.9.9 remote-as 65999", "address-family l2vpn evpn",
            "neighbor 10.9.9.9 activate", "vni 30000", "rd 10.0.2.1:300");
        node.check("ip link add keep0 type bridge");
        // the db network and its VRF go away
        final var after = NodeIntents.withVrfs(NodeIntents.withSegments(before,
            segments -> segments.stream().filter(s -> s.vni() != 10200).toList()), List.of(before.vrfs().getFirst()));

        final var changes = sync(after, before);
        final String script = changes.describe(100);
        assertTrue(script.contains("no vni 10200") && script.contains("no router bgp 65201 vrf ovrf9000")
            && script.contains("netns del ovrf9000"), script);

        final String running = node.runningConfig();
        for (var gone : List.of("vni 10200", "ovrf9000")) {
            assertFalse(running.contains(gone), running);
        }
        for (var kept : List.of("route-map KEEP permit 10", "router bgp 65100 vrf keep", "neighbor 10.9.9.9 activate",
                "neighbor 10.9.9.9 remote-as 65999", "vni 30000", "rd 10.0.2.1:300", "vni 10100")) {
            assertTrue(running.contains(kept), kept + " missing in\n" + running);
        }
        assertEquals("ovrf50000\n", node.check("ls /run/netns"));
        node.check("ip link show keep0");
        assertFalse(node.sh("ip link show ovw10200").succeeded());
        assertEquals(List.of(), diff(after, before).changes());
    }

    @Test
    void workloadEndsMovedIntoAPodNamespaceStayAttached() throws Exception {
        final var before = NodeIntents.netnsVrf();
        sync(before, null);
        // what a CNI does: move ovw<vni> into the pod's namespace (a routed network's and a pure L2 one's)
        final String pod = node.check("unshare --net sleep 600 >/dev/null 2>&1 & pid=$!;"
            + " while [ \"$(readlink /proc/$pid/ns/net)\" = \"$(readlink /proc/self/ns/net)\" ]; do sleep 0.01; done;"
            + " ip link set ovw10100 netns $pid && ip link set ovw10300 netns $pid && echo $pid").strip();
        node.check("nsenter -t " + pod + " -n ip link show ovw10100");

        assertEquals(List.of(), diff(before, before).changes(), "the moved workload ends are no drift");

        // the network goes: its bridge end goes, and the kernel takes the pod's end along
        final var after = NodeIntents.withSegments(before,
            segments -> segments.stream().filter(s -> s.vni() != 10300).toList());
        sync(after, before);
        assertFalse(node.sh("nsenter -t " + pod + " -n ip link show ovw10300").succeeded());
        node.check("nsenter -t " + pod + " -n ip link show ovw10100");
        assertEquals(List.of(), diff(after, after).changes());
    }

    @Test
    void removedNeighborGoesAwayWithAllItsLines() throws Exception {
        final var before = NodeIntents.netnsVrf();
        sync(before, null);
        final var after = NodeIntents.withNeighbors(before, before.neighbors().subList(0, 2));
        final var changes = sync(after, before);
        assertEquals(1, changes.changes().size(), changes.describe());
        assertFalse(node.runningConfig().contains("10.0.0.11"));
    }

    @Test
    void vtyshErrorsAreRejectionsWithFrrsText() throws Exception {
        final var intent = NodeIntents.netnsVrf();
        sync(intent, null);
        final var bad = new ChangeSet<NodeChange>(List.of(new NodeChange.Vtysh(List.of("router bgp 65201",
            " address-family l2vpn evpn", "  vni 10100", "   rd not-an-rd", "  exit-vni", " exit-address-family",
            "exit"), new OwnedScope(Set.of(), Set.of(), Set.of()))));
        final var result = DriverPasses.failure(driver.apply(intent, bad, ApplyProgress.NONE));
        final var rejected = assertInstanceOf(DeviceFailure.Rejected.class, result);
        assertEquals("rd not-an-rd -> % Malformed Route Distinguisher", rejected.deviceError());
    }

    @Test
    void aFailingKernelBatchStopsTheRestAndIsNamedWithIproutesText() throws Exception {
        final var intent = NodeIntents.netnsVrf();
        sync(intent, null);
        // three batches in one shell command: the first runs, the second fails, the third never runs
        final var bad = new ChangeSet<NodeChange>(List.of(
            new NodeChange.Kernel(new IpBatch(null, List.of("link add ovbr31000 type bridge"))),
            new NodeChange.Kernel(new IpBatch("ovrf50000", List.of("link set ovnosuch31000 up"))),
            new NodeChange.Kernel(new IpBatch(null, List.of("link add ovbr32000 type bridge")))));
        final var rejected = assertInstanceOf(DeviceFailure.Rejected.class,
            DriverPasses.failure(driver.apply(intent, bad, ApplyProgress.NONE)));
        assertTrue(rejected.deviceError().startsWith("ip -n ovrf50000 -batch - failed: ")
            && rejected.deviceError().contains("ovnosuch31000"), rejected.deviceError());
        assertFalse(rejected.deviceError().contains("@@"), rejected.deviceError());
        node.check("ip link show ovbr31000");
        assertFalse(node.check("ip -o link show").contains("ovbr32000"));
    }

    @Test
    void vxlanAddedOnAFreshlyStartedZebraIsNotHeldProtodown() throws Exception {
        // EVPN on first (as a fabric without tenants), the networks next, within 180 s of zebra's start: with
        // zebra's default EVPN MH startup delay every new VXLAN device would be held protodown
        final var intent = NodeIntents.netnsVrf();
        sync(NodeIntents.intent(List.of(), List.of()), null);
        final String evpn = node.vtysh("show evpn");
        assertTrue(evpn.contains("startup-delay: 0s") && !evpn.contains("protodown reasons"), evpn);
        sync(intent, NodeIntents.intent(List.of(), List.of()));

        final String devices = node.check("ip -d link show; for n in $(ls /run/netns); do ip -n $n -d link show;"
            + " done");
        assertFalse(devices.contains("protodown on"), devices);
        assertEquals(List.of(), diff(intent, intent).changes());
    }

    @Test
    void protodownOnAnOwnedVxlanIsDriftAndIsReleased() throws Exception {
        final var intent = NodeIntents.netnsVrf();
        sync(intent, null);
        node.check("ip -n ovrf50000 link set ovvx10100 protodown on");

        final var changes = diff(intent, intent);
        assertEquals(List.of("ip -n ovrf50000 -batch -: link set ovvx10100 protodown off"),
            changes.changes().stream().map(NodeChange::describe).toList());
        assertInstanceOf(ApplyResult.Applied.class, driver.apply(intent, changes, ApplyProgress.NONE));
        assertFalse(node.check("ip -n ovrf50000 -d link show ovvx10100").contains("protodown on"));
    }

    @Test
    void outOfBandChangesAreDrift() throws Exception {
        final var intent = NodeIntents.netnsVrf();
        sync(intent, null);
        node.vtysh("conf t", "router bgp 65201", "address-family l2vpn evpn", "vni 10100",
            "route-target import 65000:4242");
        node.check("ip link set ovbr10300 down && ip -n ovrf9000 addr add 10.2.0.99/24 dev ovbr10200");

        final var changes = diff(intent, intent);
        assertEquals(List.of("ip -n ovrf9000 -batch -: address del 10.2.0.99/24 dev ovbr10200",
            "ip -batch -: link set ovbr10300 up",
            "vtysh: router bgp 65201; address-family l2vpn evpn; vni 10100; no route-target import 65000:4242;"
                + " exit-vni; exit-address-family; exit"),
            changes.changes().stream().map(NodeChange::describe).toList());
        assertInstanceOf(ApplyResult.Applied.class, driver.apply(intent, changes, ApplyProgress.NONE));
    }

    @Test
    @Timeout(120)
    void twoHundredVnisComeAndGo() throws Exception {
        final var none = NodeIntents.pureL2(0);
        final var many = NodeIntents.pureL2(200);
        sync(none, null);
        long start = System.nanoTime();
        sync(many, none);
        final long add = System.nanoTime() - start;
        assertEquals(200, node.runningConfig().lines().filter(line -> line.startsWith("  vni 2")).count());
        start = System.nanoTime();
        sync(none, many);
        final long remove = System.nanoTime() - start;
        assertFalse(node.runningConfig().contains("  vni 2"));
        assertEquals("", node.check("ip -o link show | grep ' ov' || true"));
        System.out.printf("200 L2 VNIs: add %d ms, remove %d ms (read+diff+apply+verify)%n", add / 1_000_000,
            remove / 1_000_000);
    }

    // What failed a node of a 1,000-network tenant: iproute2 batches and vtysh scripts of thousands of lines. Through
    // the command line (sh -c ARG) this would not even start here: Linux limits one argument to 128 KiB.
    @Test
    @Timeout(180)
    void batchesAndScriptsOfThousandsOfLinesTravelOnStandardInput() throws Exception {
        final var none = NodeIntents.pureL2(0);
        final var many = NodeIntents.pureL2(500);
        sync(none, null);
        final var changes = diff(many, none);
        final var kernel = changes.changes().stream().filter(NodeChange.Kernel.class::isInstance)
            .mapToInt(change -> ((NodeChange.Kernel) change).batch().stdin().length()).sum();
        assertTrue(kernel > 128 * 1024, "kernel batches of " + kernel + " bytes");
        assertInstanceOf(ApplyResult.Applied.class, driver.apply(many, changes, ApplyProgress.NONE));
        assertEquals(500, node.runningConfig().lines().filter(line -> line.startsWith("  vni 2")).count());
        assertEquals("500\n", node.check("ip -o link show type vxlan | grep -c ' ovvx'"));
        assertEquals(List.of(), diff(many, many).changes());
    }

    @Test
    void theStateAnApplyObservedIsWhatAReadReturnsAndLastsAsLongAsTheSession() throws Exception {
        final var before = NodeIntents.netnsVrf();
        sync(before, null);
        // three kinds of check: bgpd alone (its vtysh session shows the result), devices too (a read-back), and a
        // removal (the check also covers the removed neighbor, the observation does not)
        final var bgpOnly = NodeIntents.withSegments(before, segments -> segments.stream()
            .map(s -> s.vni() != 10300 ? s : NodeIntents.pureL2(10300, "10.0.2.1:199")).toList());
        final var devices = NodeIntents.withSegments(bgpOnly, segments -> segments.stream()
            .filter(s -> s.vni() != 10200).toList());
        final var removal = NodeIntents.withNeighbors(devices, devices.neighbors().subList(0, 2));
        final var commands = new AtomicInteger();
        final NodeShell counted = new NodeShell() {
            @Override
            public ExecResult exec(final String command, final @Nullable String stdin, final Duration timeout)
                    throws NodeUnreachableException {
                commands.incrementAndGet();
                return node.shell().exec(command, stdin, timeout);
            }

            @Override
            public OptionalLong session() {
                return node.shell().session();
            }
        };
        driver = new FrrNodeDriver(device -> counted, FrrNodeSettings.DEFAULT);
        // an operator's neighbor, not OpenVNI's until the last intent below names it
        node.vtysh("conf t", "router bgp 65201", "neighbor 10.0.0.13 remote-as 65103",
            "neighbor 10.0.0.13 description operator");
        DeviceIntent previous = before;
        for (var intent : List.of(bgpOnly, devices, removal)) {
            final var changes = diff(intent, previous);
            assertFalse(changes.isEmpty());
            commands.set(0);
            final var applied = assertInstanceOf(ApplyResult.Applied.class, driver.apply(intent, changes,
                ApplyProgress.NONE));
            if (intent != devices) {
                assertEquals(1, commands.get(), "a change to bgpd alone is checked in its own vtysh session");
            }
            final var observed = (NodeState) applied.state().orElseThrow();
            final var read = (NodeState) ((ReadResult.Current<?>) driver.readOwned(new ReadScope(intent, intent)))
                .config();
            assertEquals(read, observed);
            assertTrue(driver.stillCurrent(observed, intent.name()));
            final var next = NodeIntents.withSegments(intent, segments -> segments.stream()
                .map(s -> s.vni() != 10100 ? s : NodeIntents.routed("web", 10100, "10.0.2.1:77", 50000,
                    "10.1.0.1/24")).toList());
            assertEquals(driver.diff(read, next), driver.diff(observed, next));
            assertEquals(List.of(), driver.diff(observed, intent).changes());
            previous = intent;
        }
        // the next intent names the operator's neighbor: diffed against the observation, its lines are owned as a
        // read for that intent would own them (remote-as is there already, the description is not leaf3's)
        final var observed = (NodeState) ((ReadResult.Current<?>) driver.readOwned(new ReadScope(removal, removal)))
            .config();
        final var adopting = NodeIntents.withNeighbors(removal, java.util.stream.Stream.concat(
            removal.neighbors().stream(), java.util.stream.Stream.of(new BgpNeighbor("10.0.0.13", 65103, "leaf3",
                Set.of(BgpNeighbor.AddressFamily.L2VPN_EVPN)))).toList());
        final var read = (NodeState) ((ReadResult.Current<?>) driver.readOwned(new ReadScope(adopting, removal)))
            .config();
        final var adopted = driver.diff(observed, adopting);
        assertEquals(driver.diff(read, adopting), adopted);
        assertTrue(adopted.describe().contains("neighbor 10.0.0.13 description leaf3")
            && !adopted.describe().contains("neighbor 10.0.0.13 remote-as"), adopted.describe());
        node.close();
        node = FrrNode.start();
        assertFalse(driver.stillCurrent(observed, removal.name()), "a new node is a new session");
    }

    @Test
    void operationalStateComesFromOneVtysh() throws Exception {
        final var intent = NodeIntents.netnsVrf();
        sync(intent, null);
        final var read = assertInstanceOf(DeviceStateReader.StateResult.Read.class,
            new FrrStateReader(device -> node.shell(), FrrNodeSettings.DEFAULT, Clock.systemUTC()).read(intent));
        assertTrue(read.state().software().startsWith("FRR 8."), read.toString());
        assertEquals(List.of(9000L, 10100L, 10200L, 10300L, 50000L), read.state().vnis().stream()
            .map(DeviceState.VniState::vni).sorted().toList());
        assertEquals(Set.of("10.0.0.11", "10.0.0.12", "192.168.0.1"), read.state().sessions().stream()
            .map(DeviceState.BgpSession::peer).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void applyReportsItsPhases() throws Exception {
        final var intent = NodeIntents.netnsVrf();
        final var phases = new ArrayList<String>();
        final var changes = diff(intent, null);
        final var result = driver.apply(intent, changes, (phase, done, total) -> phases.add(phase + " " + done + "/"
            + total));
        assertInstanceOf(ApplyResult.Applied.class, result);
        final long batches = changes.changes().stream().filter(NodeChange.Kernel.class::isInstance).count();
        final int lines = changes.changes().stream().filter(NodeChange.Vtysh.class::isInstance)
            .mapToInt(change -> ((NodeChange.Vtysh) change).commands().size()).sum();
        assertTrue(phases.containsAll(List.of("kernel 0/" + batches, "frr 0/" + lines, "frr " + lines + "/" + lines,
            "kernel " + batches + "/" + batches, "verifying 0/0", "verifying 1/0")), phases.toString());
        final var order = phases.stream().map(phase -> phase.split(" ")[0]).distinct().toList();
        assertEquals(List.of("kernel", "zebra", "frr", "verifying"), order, phases.toString());
    }

    @Test
    void aBigGrowthIsAppliedInCheckedSteps() throws Exception {
        // netnsVrf adds three networks; one per step takes three steps, each checked against the node
        final var stepped = new FrrNodeDriver(device -> node.shell(), FrrNodeSettings.DEFAULT.withNetworksPerStep(1));
        final var intent = NodeIntents.netnsVrf();
        final var changes = DriverPasses.diff(stepped, intent, null);
        final var marker = assertInstanceOf(NodeChange.Step.class, changes.changes().getFirst());
        assertEquals(List.of(10100L), marker.step().intent().segments().stream().map(EvpnSegment::vni).toList());
        assertTrue(changes.describe().contains("in steps of at most 1 new networks, 3 in all"), changes.describe());
        final var phases = new ArrayList<String>();
        final var result = stepped.apply(intent, changes, (phase, done, total) -> phases.add(phase));
        final var observed = assertInstanceOf(ApplyResult.Applied.class, result, result::toString).observed();
        assertEquals(List.of("step 1/3", "step 2/3", "step 3/3"), phases.stream()
            .map(phase -> phase.substring(0, "step 1/3".length())).distinct().toList());
        assertTrue(stepped.diff((NodeState) observed, intent).isEmpty(), "the last step's check saw the intent");
        assertTrue(DriverPasses.diff(driver, intent, null).isEmpty(), "a new read finds nothing to do");
    }

    @Test
    void aNodeWithoutItsCommandsIsFailedNotUnreachable() throws Exception {
        final var broken = new FrrNodeDriver(device -> node.shell(), new FrrNodeSettings(Duration.ofSeconds(20),
            Duration.ofSeconds(20), Duration.ofSeconds(2), "/nonexistent/vtysh", 1_000));
        final var intent = NodeIntents.netnsVrf();
        final var read = assertInstanceOf(ReadResult.Failed.class, broken.readOwned(new ReadScope(intent, null)));
        assertInstanceOf(DeviceFailure.Rejected.class, read.failure());
        final var changes = diff(intent, null);
        final var rejected = assertInstanceOf(DeviceFailure.Rejected.class,
            DriverPasses.failure(broken.apply(intent, new ChangeSet<>(changes.changes().stream()
                .filter(NodeChange.Vtysh.class::isInstance).toList()), ApplyProgress.NONE)));
        assertTrue(rejected.deviceError().contains("/nonexistent/vtysh"), rejected.deviceError());
    }

    @Test
    void aCommandThatOverrunsItsBoundIsFailedAndALostConnectionUnreachable() {
        final var intent = NodeIntents.netnsVrf();
        for (var reason : List.of(NodeUnreachableException.Reason.TIMEOUT, NodeUnreachableException.Reason.CONNECT)) {
            final NodeShell stalled = new NodeShell() {
                @Override
                public ExecResult exec(final String command, final @Nullable String stdin, final Duration timeout)
                        throws NodeUnreachableException {
                    throw new NodeUnreachableException(reason, "command on node1:22 " + reason, null);
                }

                @Override
                public OptionalLong session() {
                    return OptionalLong.of(1);
                }
            };
            final var read = assertInstanceOf(ReadResult.Failed.class,
                new FrrNodeDriver(device -> stalled, FrrNodeSettings.DEFAULT).readOwned(new ReadScope(intent, null)));
            final Class<? extends DeviceFailure> expected = reason == NodeUnreachableException.Reason.TIMEOUT
                ? DeviceFailure.Rejected.class : DeviceFailure.Unreachable.class;
            assertEquals(expected, read.failure().getClass(), reason.toString());
        }
        // the read's bound grows with the node's networks
        assertEquals(FrrNodeSettings.DEFAULT.readTimeout().plusSeconds(40), FrrNodeSettings.DEFAULT.readTimeout(4000, 0));
        assertEquals(FrrNodeSettings.DEFAULT.readTimeout().plusSeconds(65), FrrNodeSettings.DEFAULT.readTimeout(4000, 500));
    }

    private ChangeSet<NodeChange> sync(final DeviceIntent intent, final @Nullable DeviceIntent previous)
            throws Exception {
        return DriverPasses.sync(driver, node, intent, previous);
    }

    private ChangeSet<NodeChange> diff(final DeviceIntent intent, final @Nullable DeviceIntent previous) {
        return DriverPasses.diff(driver, intent, previous);
    }

    private static OwnedScope everything() {
        return OwnedScope.of(List.of(new io.openvni.core.render.frr.FrrRenderer().render(NodeIntents.netnsVrf())),
            List.of());
    }

}
