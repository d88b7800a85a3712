package io.openvni.benchmarks.nodes;

import io.openvni.testlib.nodes.LabNode;
import io.openvni.testlib.nodes.Workload;
import java.io.IOException;
import java.time.Duration;

/**
 * The two data-plane waits both sides of the benchmark share: a device appearing on a node, and the first ICMP
 * echo answered across VXLAN. Both poll; they return the {@link System#nanoTime()} of the successful poll, or
 * {@code -1} when the deadline passed first.
 */
final class Traffic {
    /** Between two looks for a device; a look itself costs a few milliseconds (nsenter, ip). */
    private static final Duration DEVICE_POLL = Duration.ofMillis(20);
    /**
     * How long one echo may take: short, so that the first answer is seen soon after the path works (an echo sent
     * while it did not is lost). Each try also resolves the peer's MAC (ARP across VXLAN) when needed.
     */
    private static final String PING = "ping -n -q -c 1 -W 0.2 ";

    private Traffic() {
        // static only
    }

    /** Polls until {@code ip link show device} succeeds in the node's namespace. */
    static long awaitDevice(final LabNode node, final String device, final long deadline) throws IOException {
        while (true) {
            if (node.host().sh("ip link show " + device, null, Duration.ofSeconds(10)).ok()) {
                return System.nanoTime();
            }
            if (System.nanoTime() > deadline) {
                return -1;
            }
            sleep(DEVICE_POLL);
        }
    }

    /** Pings from the pod until an echo is answered. */
    static long awaitPing(final Workload pod, final String address, final long deadline) throws IOException {
        while (true) {
            if (pod.sh(PING + address).ok()) {
                return System.nanoTime();
            }
            if (System.nanoTime() > deadline) {
                return -1;
            }
        }
    }

    static void sleep(final Duration duration) throws IOException {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Milliseconds from {@code start} to {@code end}, or NaN when {@code end} is -1 (never happened). */
    static double millis(final long start, final long end) {
        return end < 0 ? Double.NaN : (end - start) / 1e6;
    }
}
