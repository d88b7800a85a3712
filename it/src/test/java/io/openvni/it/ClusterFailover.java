package io.openvni.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvni.testlib.controller.ControllerCluster;
import io.openvni.testlib.controller.ControllerDistribution;
import io.openvni.testlib.controller.RestconfClient;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One failover of a {@link ControllerCluster}: a tenant is put through a follower and, at once, the member running
 * the OpenVNI controller is killed with SIGKILL, in the middle of the rollout. Measures how long until another
 * member runs the controller, writes to a device, and has every device of the {@link ClusterLab} (netconfd leaves,
 * an FRR node) in sync; then checks that nothing was lost: the intent on every member, every allocation made before,
 * and generations that never went backwards.
 */
final class ClusterFailover {
    static final String TENANT = DemoData.TENANTS + "/tenant=beta";
    private static final int NETWORKS = 4;
    /** What the controller logs before each write to a device: its audit trail. */
    static final String APPLYING = ": applying generation ";
    private static final String TAKEN_OVER = "Write lease taken over from ";
    /** The controller's default write lease ({@code write.lease.seconds}). */
    private static final Duration LEASE = Duration.ofSeconds(5);
    /** Bounds the new owner's first renewal that commits: a shard leader elected again, then one commit. */
    private static final Duration LEASE_RENEWED = Duration.ofMinutes(1);
    private static final String WRITE_LEASE = RestconfClient.DATA + "openvni-status:write-lease?content=nonconfig";
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss,SSS");

    /**
     * What one failover measured.
     *
     * @param killed the member that was killed
     * @param owner the member that took over
     * @param toOwner from the kill to the controller starting on {@code owner}
     * @param toFirstWrite from the kill to {@code owner}'s first write to a device; null if it wrote none (the killed
     *        member had finished the rollout)
     * @param toInSync from the kill to every device in sync at the new tenant's generation
     */
    record Takeover(ControllerDistribution killed, ControllerDistribution owner, Duration toOwner,
            @Nullable Duration toFirstWrite, Duration toInSync) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s killed; controller on %s after %.1f s, its first device write after "
                + "%s, every device in sync after %.1f s", killed.home().getFileName(), owner.home().getFileName(),
                seconds(toOwner), toFirstWrite == null ? "(none needed)"
                    : String.format(Locale.ROOT, "%.1f s", seconds(toFirstWrite)), seconds(toInSync));
        }
    }

    private ClusterFailover() {
        // one operation
    }

    /**
     * Puts tenant {@code beta} (networks named after the round, so each round changes every device) through a
     * follower and kills the controller's member at once.
     *
     * @param cluster a started cluster with the fabric of {@link ClusterSoak} in place
     * @param round which failover this is, from 1
     * @return what was measured
     * @throws IOException if a member's log cannot be read or no member takes over
     */
    static Takeover killOwnerDuringRollout(final ControllerCluster cluster, final int round) throws IOException {
        final ControllerDistribution owner = cluster.awaitOwner(Duration.ofMinutes(2));
        final RestconfClient follower = cluster.followers().get(0).restconf();
        final var statusBefore = follower.get(DemoData.STATUS);
        assertEquals(200, statusBefore.status(), statusBefore::toString);
        final var allocationsBefore = allocations(follower);
        final var acmeBefore = follower.get(DemoData.ACME).json();

        DemoData.expectOk(follower.put(TENANT, tenant(round)), 200, 201, 204);
        final long killedAt = System.nanoTime();
        owner.kill();
        final ControllerDistribution next = cluster.awaitOwner(Duration.ofMinutes(2));
        final Duration toOwner = Duration.ofNanos(System.nanoTime() - killedAt);
        ControllerDistribution.log(String.format(Locale.ROOT, "round %d: %s killed, controller on %s after %.1f s",
            round, owner.home().getFileName(), next.home().getFileName(), seconds(toOwner)));

        final int writesBefore = next.logLinesSinceStart(APPLYING).size();
        final RestconfClient survivor = cluster.followers().isEmpty() ? next.restconf()
            : cluster.followers().get(0).restconf();
        Duration toFirstWrite = null;
        final long deadline = killedAt + ClusterSoak.CONVERGE.toNanos();
        JsonNode status;
        while (true) {
            if (toFirstWrite == null && next.logLinesSinceStart(APPLYING).size() > writesBefore) {
                toFirstWrite = Duration.ofNanos(System.nanoTime() - killedAt);
            }
            final var read = survivor.get(DemoData.STATUS);
            status = read.status() == 200 ? read.json() : null;
            if (status != null && inSyncAbove(status, statusBefore.json())) {
                break;
            }
            assertTrue(System.nanoTime() < deadline, () -> "devices not in sync " + ClusterSoak.CONVERGE
                + " after the kill: " + read);
            pause();
        }
        final var takeover = new Takeover(owner, next, toOwner, toFirstWrite,
            Duration.ofNanos(System.nanoTime() - killedAt));

        for (ControllerDistribution member : cluster.members()) {
            if (member.isRunning()) {
                final var beta = member.restconf().get(TENANT);
                assertEquals(200, beta.status(), beta::toString);
                assertEquals(networks(round), beta.json().findValuesAsText("name").stream()
                    .filter(name -> name.startsWith("r" + round + "n")).collect(Collectors.toSet()),
                    member.home().getFileName() + " lost networks of the tenant put before the kill");
                assertEquals(acmeBefore, member.restconf().get(DemoData.ACME).json(), "tenant acme changed");
            }
        }
        final var allocationsAfter = allocations(survivor);
        // (the networks of the previous round's tenant beta are gone with it, and their values with them)
        allocationsBefore.entrySet().stream().filter(entry -> !entry.getKey().contains("tenant[beta]/network["))
            .forEach(entry -> assertEquals(entry.getValue(), allocationsAfter.get(entry.getKey()),
                "allocation " + entry.getKey() + " changed in the failover"));
        for (String network : networks(round)) {
            assertTrue(allocationsAfter.containsKey("l2-vni /tenants/tenant[beta]/network[" + network + "]"),
                () -> network + " has no L2 VNI: " + allocationsAfter);
        }
        assertGenerationsDidNotGoBack(statusBefore.json(), status);
        assertWaitedOutTheLease(next, writesBefore);
        return takeover;
    }

    /**
     * The killed member held the write lease: the new owner found its record and, if it had anything to write,
     * wrote nothing for a lease after. When the killed member finished the rollout before it died, the new owner
     * reports every leaf in sync without writing and so without waiting for the lease; its first renewal may come
     * later (the datastore's shard leaders may have died with the member), so the record is awaited here.
     */
    private static void assertWaitedOutTheLease(final ControllerDistribution next, final int writesBefore)
            throws IOException {
        final long deadline = System.nanoTime() + LEASE_RENEWED.toNanos();
        var takenOver = next.logLinesSinceStart(TAKEN_OVER);
        while (takenOver.isEmpty() && System.nanoTime() < deadline) {
            pause();
            takenOver = next.logLinesSinceStart(TAKEN_OVER);
        }
        final var writes = next.logLinesSinceStart(APPLYING);
        if (takenOver.isEmpty()) {
            final var record = next.restconf().get(WRITE_LEASE);
            throw new AssertionError("the new owner did not take the write lease over from the killed member within "
                + LEASE_RENEWED + "; it wrote to leaves " + (writes.size() - writesBefore) + " times; the lease: "
                + record);
        }
        if (writes.size() > writesBefore) {
            final var firstWrite = writes.get(writesBefore);
            final var waited = Duration.between(logTime(takenOver.getLast()), logTime(firstWrite));
            assertTrue(waited.compareTo(LEASE.minusMillis(5)) >= 0, () -> "wrote " + waited.toMillis()
                + " ms after taking the lease over: " + firstWrite);
        }
    }

    private static LocalDateTime logTime(final String line) {
        return LocalDateTime.parse(line.substring(0, line.indexOf(' ')), LOG_TIME);
    }

    /** Every device of the lab is in sync, at a desired generation above the one before, and listed once. */
    static boolean inSyncAbove(final JsonNode status, final JsonNode before) {
        final var desiredBefore = DemoData.generations(before);
        final var listed = new TreeMap<String, JsonNode>();
        status.path("openvni-status:status").path("device")
            .forEach(device -> listed.put(device.path("name").asText(), device));
        for (String name : ClusterLab.DEVICES) {
            final JsonNode device = listed.get(name);
            if (device == null || !"in-sync".equals(device.path("sync-state").asText())
                    || device.path("applied-generation").asLong() != device.path("desired-generation").asLong()
                    || device.path("desired-generation").asLong() <= desiredBefore.getOrDefault(name, 0L)) {
                return false;
            }
        }
        return true;
    }

    static void assertGenerationsDidNotGoBack(final JsonNode before, final JsonNode after) {
        for (String field : new String[] { "desired-generation", "applied-generation" }) {
            final var was = generations(before, field);
            final var now = generations(after, field);
            was.forEach((device, generation) -> assertTrue(now.getOrDefault(device, -1L) >= generation,
                () -> device + " " + field + " went back from " + generation + " to " + now.get(device)));
        }
    }

    private static Map<String, Long> generations(final JsonNode status, final String field) {
        final var result = new HashMap<String, Long>();
        for (var device : status.path("openvni-status:status").path("device")) {
            result.put(device.path("name").asText(), device.path(field).asLong());
        }
        return result;
    }

    /** Every allocation as "kind owner" to value. */
    static Map<String, String> allocations(final RestconfClient restconf) {
        final var read = restconf.get(DemoData.ALLOCATIONS);
        assertEquals(200, read.status(), read::toString);
        final var result = new TreeMap<String, String>();
        for (var entry : read.json().path("openvni-status:allocations").path("allocation")) {
            result.put(entry.path("kind").asText() + " " + entry.path("owner").asText(), entry.path("value").asText());
        }
        return result;
    }

    private static Set<String> networks(final int round) {
        return IntStream.rangeClosed(1, NETWORKS).mapToObj(i -> "r" + round + "n" + i).collect(Collectors.toSet());
    }

    /** Tenant beta: one VRF and {@value #NETWORKS} routed networks on every leaf and node1, named after the round. */
    static String tenant(final int round) {
        final String networks = IntStream.rangeClosed(1, NETWORKS).mapToObj(i -> String.format(Locale.ROOT, """
            {"name":"r%dn%d","vrf":"blue","subnet":["10.%d.%d.0/24"],"gateway":["10.%d.%d.1/24"],\
            "node-routers":["node1"]}""",
            round, i, 100 + round, i, 100 + round, i)).collect(Collectors.joining(","));
        return "{\"openvni-tenant:tenant\":[{\"name\":\"beta\",\"vrf\":[{\"name\":\"blue\"}],\"network\":["
            + networks + "]}]}";
    }

    static double seconds(final Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
