package io.openvni.testlib.controller;

import io.openvni.testlib.Commands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A cluster of OpenVNI controllers on this machine: each member an unpacked distribution in its own Karaf home
 * ({@code member-1}, {@code member-2}, ... under the work directory), with its own ports on 127.0.0.1 and ODL's
 * clustering configuration (every shard on every member), both from {@code scripts/cluster-member.sh}. The
 * members boot together (the datastore needs a majority), under the one machine-wide lock a lone controller
 * takes, held from {@link #start} to {@link #close}.
 *
 * <p>The OpenVNI controller runs on one member at a time (an MD-SAL cluster singleton); {@link #owner} finds it
 * from the line {@value #ACTIVE} each member logs when it takes the singleton over.
 */
public final class ControllerCluster implements AutoCloseable {
    /** System property: the member configuration script; default {@code ../scripts/cluster-member.sh}. */
    static final String SCRIPT_PROPERTY = "openvni.cluster.script";
    /** What a member logs when the controller singleton starts on it ({@code io.openvni.odl.ClusterSingleton}). */
    static final String ACTIVE = "OpenVNI controller active on this node";
    /** What a member logs when the controller singleton stops on it. */
    static final String INACTIVE = "OpenVNI controller no longer active on this node";
    /** What Karaf logs first when its JVM starts, also when it restarts the JVM by itself. */
    static final String JVM_START = "org.apache.karaf.main.Main launch";

    private static final Duration LOCK_WAIT = Duration.ofMinutes(20);
    // a member whose peers left first may never finish bin/stop: it is terminated after this
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final List<ControllerDistribution> members;
    private @Nullable MachineLock machineLock;

    private ControllerCluster(final List<ControllerDistribution> members) {
        this.members = List.copyOf(members);
    }

    /**
     * Unpack the distribution this build made (see {@link ControllerDistribution#unpackBuilt()}) once per member,
     * into {@code <work directory>-cluster/member-N}.
     *
     * @param size how many members
     * @return the cluster, not started
     * @throws IOException if unpacking or configuring a member fails
     */
    public static ControllerCluster unpackBuilt(final int size) throws IOException {
        final var archive = DistributionArchive.built();
        final Path root = Path.of(System.getProperty(ControllerDistribution.WORK_DIR_PROPERTY, "target/it-karaf")
            + "-cluster");
        final Path script = Path.of(System.getProperty(SCRIPT_PROPERTY, "../scripts/cluster-member.sh"));
        final var members = new ArrayList<ControllerDistribution>();
        for (int n = 1; n <= size; n++) {
            final Path home = root.resolve("member-" + n);
            archive.unpackInto(home);
            members.add(ControllerDistribution.clusterMember(home, configureMember(script, home, n, size)));
        }
        return new ControllerCluster(members);
    }

    // scripts/cluster-member.sh gives the member its own ports and ODL's clustering configuration; prints the ports
    private static ControllerPorts configureMember(final Path script, final Path home, final int member,
            final int members) throws IOException {
        final var configure = Commands.run(new ProcessBuilder(script.toString(), home.toString(),
            Integer.toString(member), Integer.toString(members)).redirectError(ProcessBuilder.Redirect.INHERIT), null,
            Duration.ofMinutes(1));
        final String output = configure.stdout();
        if (!configure.ok()) {
            throw new IOException(script + " failed for member " + member + " in " + home + ": " + output);
        }
        return ControllerPorts.parse(output);
    }

    /**
     * Start every member and wait until each one's RESTCONF answers (which needs the datastore's shards, so a
     * majority of members) and its console accepts connections. If one fails, all are stopped again.
     *
     * @param timeout how long to wait for all of them
     * @return this
     * @throws IOException if a member does not come up in time
     */
    @SuppressWarnings("checkstyle:IllegalCatch") // whatever fails, no member may be left running
    public ControllerCluster start(final Duration timeout) throws IOException {
        if (machineLock == null) {
            machineLock = MachineLock.acquire(LOCK_WAIT);
        }
        try {
            for (ControllerDistribution member : members) {
                member.awaitFreePorts();
            }
            final var started = new ArrayList<Long>();
            for (ControllerDistribution member : members) {
                started.add(member.launch());
            }
            for (int i = 0; i < members.size(); i++) {
                members.get(i).awaitReady(started.get(i), timeout);
            }
            return this;
        } catch (IOException | RuntimeException e) {
            stopAll();
            throw e;
        }
    }

    /**
     * Start a member again (after {@link ControllerDistribution#kill} or a stop) and wait until it is ready.
     *
     * @param member one of this cluster's members, not running
     * @param timeout how long to wait
     * @throws IOException if it does not come up in time
     */
    public void restart(final ControllerDistribution member, final Duration timeout) throws IOException {
        if (!members.contains(member)) {
            throw new IllegalArgumentException("not a member of this cluster: " + member.home());
        }
        member.startAndAwait(timeout);
    }

    /**
     * Stops every member (as {@code bin/stop} does, all at once, the whole cluster down), then starts them all again
     * as {@link #start} does.
     *
     * @param timeout how long to wait for all of them to come back
     * @throws IOException if a member does not come up in time
     */
    public void restartAll(final Duration timeout) throws IOException {
        stopAll();
        start(timeout);
    }

    /**
     * The members, member-1 first.
     *
     * @return every member, running or not
     */
    public List<ControllerDistribution> members() {
        return members;
    }

    /**
     * The running member the OpenVNI controller runs on now: the one whose latest start logged it taking the
     * singleton over and not giving it up since.
     *
     * @return that member, or nothing while no member runs it
     * @throws IOException if a log cannot be read
     */
    public Optional<ControllerDistribution> owner() throws IOException {
        return ownerAmong(members);
    }

    private static Optional<ControllerDistribution> ownerAmong(final List<ControllerDistribution> candidates)
            throws IOException {
        for (ControllerDistribution member : candidates) {
            if (member.isRunning() && runsController(member)) {
                return Optional.of(member);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the member's log says the OpenVNI controller runs there: its latest JVM (Karaf restarts the JVM by
     * itself when ODL asks it to, as it does on a member the cluster downed) logged taking the singleton over and
     * not giving it up since. A member cut off from the cluster may still say so.
     *
     * @param member a member
     * @return whether it does
     * @throws IOException if its log cannot be read
     */
    public static boolean runsController(final ControllerDistribution member) throws IOException {
        final var lines = member.logLinesSinceStart(line -> line.contains("OpenVNI controller ")
            || line.contains(JVM_START));
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).contains(ACTIVE)) {
                return true;
            }
            if (lines.get(i).contains(INACTIVE) || lines.get(i).contains(JVM_START)) {
                return false;
            }
        }
        return false;
    }

    /**
     * Waits until a running member runs the OpenVNI controller.
     *
     * @param timeout how long to wait
     * @return that member
     * @throws IOException if none does in time
     */
    public ControllerDistribution awaitOwner(final Duration timeout) throws IOException {
        return awaitOwnerAmong(members, timeout);
    }

    /**
     * Waits until one of some running members runs the OpenVNI controller, such as the members still in reach
     * of each other while another is cut off.
     *
     * @param candidates members of this cluster
     * @param timeout how long to wait
     * @return that member
     * @throws IOException if none does in time
     */
    public ControllerDistribution awaitOwnerAmong(final List<ControllerDistribution> candidates,
            final Duration timeout) throws IOException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            final var owner = ownerAmong(candidates);
            if (owner.isPresent()) {
                return owner.orElseThrow();
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("no member of " + candidates.stream().map(member -> member.home()
                    .getFileName().toString()).toList() + " runs the OpenVNI controller after " + timeout);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    /**
     * The running members other than the one running the OpenVNI controller.
     *
     * @return them, member-1 first
     * @throws IOException if a log cannot be read
     */
    public List<ControllerDistribution> followers() throws IOException {
        final var owner = owner().orElse(null);
        return members.stream().filter(member -> member.isRunning() && member != owner).toList();
    }

    /**
     * Copy every member's logs next to the test reports, under {@code name/member-N}.
     *
     * @param name a folder name, such as the failed test
     * @return where they went
     */
    public List<Path> captureLogs(final String name) {
        return members.stream().map(member -> member.captureLogs(name + "/" + member.home().getFileName())).toList();
    }

    /** Stops every member (all at once: a member left alone cannot leave the cluster cleanly), then the lock. */
    @Override
    public void close() {
        stopAll();
        MachineLock.release(machineLock);
        machineLock = null;
    }

    private void stopAll() {
        final var stops = IntStream.range(0, members.size())
            .mapToObj(i -> Thread.ofPlatform().name("openvni-it-stop-member-" + (i + 1))
                .start(() -> members.get(i).stop(STOP_TIMEOUT)))
            .toList();
        for (Thread stop : stops) {
            try {
                stop.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UncheckedIOException(new IOException("interrupted while stopping the cluster", e));
            }
        }
    }
}
