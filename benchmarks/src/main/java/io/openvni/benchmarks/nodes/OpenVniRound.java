package io.openvni.benchmarks.nodes;

import io.openvni.benchmarks.leaves.BenchmarkException;
import io.openvni.benchmarks.leaves.DeviceStatus;
import io.openvni.benchmarks.leaves.Waits;
import io.openvni.testlib.controller.RestconfClient;
import io.openvni.testlib.nodes.LabFabric;
import io.openvni.testlib.nodes.LabNode;
import io.openvni.testlib.nodes.NodeLab;
import io.openvni.testlib.nodes.Workload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One OpenVNI round: a RESTCONF PUT of the tenant with one more network, then, like a CNI plugin would, a pod on
 * each node as soon as OpenVNI's workload end is there, and pings until the first echo crosses VXLAN. The status
 * is polled meanwhile. Afterwards the network is removed the same way and the pods go.
 */
final class OpenVniRound {
    /**
     * Milliseconds from just before the PUT (NaN: never within the timeout).
     *
     * @param answer the PUT's answer
     * @param devices {@code ovw<vni>} on both nodes
     * @param inSync both nodes in sync at a newer generation
     * @param traffic the first echo from the pod on node1 to the one on node2
     */
    record Times(double answer, double devices, double inSync, double traffic) {
        boolean converged() {
            return !Double.isNaN(devices) && !Double.isNaN(inSync) && !Double.isNaN(traffic);
        }
    }

    private final NodeTrafficBench.Setup setup;
    private final NodeLab lab;
    private final RestconfClient restconf;
    private final Waits waits;
    private final ExecutorService threads;

    OpenVniRound(final NodeTrafficBench.Setup setup, final ExecutorService threads) {
        this.setup = setup;
        lab = setup.lab();
        restconf = setup.restconf();
        waits = setup.waits();
        this.threads = threads;
    }

    Times run(final int round, final Segment segment) throws IOException {
        final Map<String, DeviceStatus> before = DeviceStatus.read(restconf);
        final long deadline = System.nanoTime() + setup.timeout().toNanos();
        final long start = System.nanoTime();
        setup.putTenant(segment);
        final long answered = System.nanoTime();
        final var synced = CompletableFuture.supplyAsync(() -> awaitNewGeneration(before, "network " + segment.vni()),
            threads);
        final var pod1 = CompletableFuture.supplyAsync(() -> attachWhenThere(round, lab.node(1), segment, deadline),
            threads);
        final var pod2 = CompletableFuture.supplyAsync(() -> attachWhenThere(round, lab.node(2), segment, deadline),
            threads);
        final Attached first = pod1.join();
        final Attached second = pod2.join();
        long traffic = -1;
        if (first.pod() != null && second.pod() != null) {
            traffic = Traffic.awaitPing(first.pod(), segment.pod(2), deadline);
        }
        final long inSync = synced.join();
        final var times = new Times(Traffic.millis(start, answered),
            Traffic.millis(start, first.seen() < 0 || second.seen() < 0 ? -1 : Math.max(first.seen(), second.seen())),
            Traffic.millis(start, inSync), Traffic.millis(start, traffic));

        // back to the base tenant; the pods' namespaces go last, with the veth ends they hold
        setup.putTenant();
        awaitNewGeneration(DeviceStatus.read(restconf), "removing network " + segment.vni());
        closeAll(first, second);
        return times;
    }

    /** A pod and when its workload end was first seen; pod null when the end never came. */
    private record Attached(long seen, @Nullable Workload pod) {
    }

    private Attached attachWhenThere(final int round, final LabNode node, final Segment segment,
            final long deadline) {
        try {
            final long seen = Traffic.awaitDevice(node, "ovw" + segment.vni(), deadline);
            if (seen < 0) {
                return new Attached(-1, null);
            }
            final var pod = lab.attach("ov" + round + "-pod" + node.index(), node, segment.vni(),
                segment.pod(node.index()) + "/24", segment.gateway());
            return new Attached(seen, pod);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** When both nodes were first seen in sync at a generation newer than {@code before}'s, or -1. */
    private long awaitNewGeneration(final Map<String, DeviceStatus> before, final String what) {
        try {
            final Map<String, Long> done = waits.untilInSync(NodeTrafficBench.NODES, (name, status) ->
                status.inSync() && status.desired() > desired(before, name), setup.timeout(), what);
            return done.values().stream().mapToLong(Long::longValue).max().orElse(-1);
        } catch (BenchmarkException e) {
            System.out.println(e.getMessage() + " " + e.devices());
            return -1;
        }
    }

    private static long desired(final Map<String, DeviceStatus> before, final String node) {
        final var status = before.get(node);
        return status == null ? 0 : status.desired();
    }

    private static void closeAll(final Attached... attached) {
        for (var pod : List.of(attached)) {
            if (pod.pod() != null) {
                pod.pod().close();
            }
        }
    }
}
