package io.openvni.testlib.nodes;

import io.openvni.testlib.Commands;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A pod stand-in: a process in its own network namespace, attached to a network the way a CNI plugin would attach
 * it to OpenVNI's workload veth end ({@code ovw<vni>}, see README): the end is moved into the pod's namespace,
 * renamed {@code eth0} and given an address in the network's subnet with the anycast gateway as default route.
 * Any other veth end of the node's namespace can be taken the same way (benchmarks attach to devices they made).
 */
public final class Workload implements AutoCloseable {
    private static final Pattern MAC = Pattern.compile("link/ether ([0-9a-f:]{17})");

    private final String name;
    private final Process holder;

    private Workload(final String name, final Process holder) {
        this.name = name;
        this.holder = holder;
    }

    /**
     * Starts a workload namespace and moves a veth end of the node's namespace into it.
     *
     * @param name for messages
     * @param node the node whose workload end is taken
     * @param device the veth end: OpenVNI's {@code ovw<vni>}, or another one
     * @param address the workload's address with prefix length, in the network's subnet
     * @param gateway the network's anycast gateway address
     */
    static Workload attach(final String name, final LabNode node, final String device, final String address,
            final String gateway) throws IOException {
        final Process holder = new ProcessBuilder("unshare", "--net", "sleep", "3600")
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        final var workload = new Workload(name, holder);
        try {
            final String ownNs = Commands.check("readlink", "/proc/self/ns/net").strip();
            final long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (Commands.check("readlink", "/proc/" + holder.pid() + "/ns/net").strip().equals(ownNs)) {
                if (System.nanoTime() > deadline || !holder.isAlive()) {
                    throw new IOException("the namespace of workload " + name + " did not come up");
                }
                Thread.sleep(10);
            }
            // the node's network namespace with this machine's PID namespace: the workload's PID is valid there
            final var moved = Commands.run(List.of("nsenter", "-t", Long.toString(node.host().pid()), "-n",
                "ip", "link", "set", device, "netns", Long.toString(holder.pid())), null, Duration.ofSeconds(10));
            if (!moved.ok()) {
                throw new IOException("cannot move " + device + " of " + node.name() + " into workload " + name + ": "
                    + moved.stderr());
            }
            workload.check("ip link set lo up && ip link set " + device + " name eth0 && ip addr add " + address
                + " dev eth0 && ip link set eth0 up && ip route add default via " + gateway);
            return workload;
        } catch (IOException | RuntimeException e) {
            workload.close();
            throw e;
        } catch (InterruptedException e) {
            workload.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    public String name() {
        return name;
    }

    /** The process holding the workload's network namespace ({@code nsenter -t PID -n ...}). */
    public long pid() {
        return holder.pid();
    }

    /** Runs {@code sh -c command} in the workload's network namespace. */
    public Commands.Result sh(final String command) throws IOException {
        return Commands.run(List.of("nsenter", "-t", Long.toString(holder.pid()), "-n", "sh", "-c", command),
            null, Duration.ofSeconds(30));
    }

    private String check(final String command) throws IOException {
        final var result = sh(command);
        if (!result.ok()) {
            throw new IOException("workload " + name + ": '" + command + "' failed: " + result.stderr());
        }
        return result.stdout();
    }

    /** Whether one ICMP echo to the address is answered within a second. */
    public boolean pings(final String address) throws IOException {
        return sh("ping -n -q -c 1 -W 1 " + address).ok();
    }

    /**
     * Pings until an echo is answered or the time is up.
     *
     * @return whether an echo was answered
     */
    public boolean pingsWithin(final String address, final Duration timeout) throws IOException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        do {
            if (pings(address)) {
                return true;
            }
        } while (System.nanoTime() < deadline);
        return false;
    }

    /** The MAC address of {@code eth0}. */
    public String mac() throws IOException {
        final var matcher = MAC.matcher(check("ip link show eth0"));
        if (!matcher.find()) {
            throw new IOException("workload " + name + " has no eth0 MAC");
        }
        return matcher.group(1);
    }

    /** Whether the workload still has its {@code eth0} (it goes when OpenVNI deletes the network's veth). */
    public boolean hasInterface() throws IOException {
        return sh("ip link show eth0").ok();
    }

    @Override
    public void close() {
        holder.destroyForcibly();
        try {
            holder.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
