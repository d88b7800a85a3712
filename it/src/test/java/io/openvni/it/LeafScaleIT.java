package io.openvni.it;

import io.openvni.testlib.controller.ControllerDistribution;
import io.openvni.testlib.controller.OpenVniController;
import io.openvni.testlib.controller.RestconfClient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvni.it.LeafReconcileIT.LeafStatus;
import io.openvni.testlib.leaves.ConfigXml;
import io.openvni.testlib.leaves.NetconfTestClient.Datastore;
import io.openvni.testlib.leaves.NetconfdLeaves;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A leaf switch as full as its fabric's VLAN pool allows converges: one yuma123 netconfd leaf (strict validation,
 * candidate, confirmed commit) and a tenant with one pure L2 network per VLAN of the pool, each with its own VNI.
 * The tenant goes on and comes off again at each size of {@code -Dleaf.scale.networks} (default 100, 300 and 600;
 * the pool is sized to the largest), timed from the RESTCONF answer to {@code in-sync} and printed. The biggest
 * pass is more than the driver puts in one edit-config (500 entries), so it goes in parts within one candidate
 * transaction. Removing the tenant leaves the operator's own configuration on the leaf.
 *
 * <p>netconfd validates the whole candidate at each commit (twice per pass with confirmed commit) in time that
 * grows faster than the square of the network instances (2.1 s of CPU for 400 L2 networks, 14 s for 800, 95 s
 * for 1,600 here), so the time to in-sync is the device's beyond a few hundred networks, and thousands
 * ({@code -Dleaf.scale.networks=1000,2000,3500 -Dleaf.scale.timeout=SECONDS}) take it many minutes per pass.
 */
@OpenVniController
class LeafScaleIT {
    private static final int FIRST_VLAN = 100;
    private static final long FIRST_VNI = 10_000;
    /** The driver's default of entries per edit-config (OpenConfigDriverSettings). */
    private static final int ENTRIES_PER_EDIT = 500;
    private static final List<Integer> SIZES = Arrays.stream(
        System.getProperty("leaf.scale.networks", "100,300,600").split(","))
        .map(String::strip).map(Integer::valueOf).toList();
    private static final Pattern L2_INSTANCE = Pattern.compile("name = (ovni-l2-\\d+)");
    private static NetconfdLeaves leaves;

    @BeforeAll
    static void startLeaf() throws IOException {
        final String missing = NetconfdLeaves.missingPrerequisite();
        assumeTrue(missing == null, () -> "leaf simulators unavailable: " + missing);
        leaves = NetconfdLeaves.launch(1);
        final var seeded = leaves.client(0).editCommit(LeafReconcileIT.UNRELATED);
        assertTrue(seeded.ok(), seeded::error);
    }

    @AfterAll
    static void stopLeaf(final RestconfClient restconf) {
        try {
            DemoData.reset(restconf);
        } finally {
            if (leaves != null) {
                leaves.close();
            }
        }
    }

    @Test
    void tenantFillingTheVlanPoolConvergesAndItsRemovalKeepsTheRest(final RestconfClient restconf,
            final ControllerDistribution controller) throws IOException {
        final int pool = SIZES.stream().mapToInt(Integer::intValue).max().orElseThrow();
        DemoData.expectOk(restconf.delete(DemoData.TENANTS), 204, 404, 409);
        DemoData.expectOk(restconf.put(DemoData.FABRIC, new SimulatedFabric().leaves(leaves)
            .vlanPool(FIRST_VLAN, FIRST_VLAN + pool - 1).json()), 200, 201, 204);
        var generations = LeafStatus.awaitInSync(restconf, List.of("leaf1"), Duration.ofSeconds(150));

        final var report = new ArrayList<String>();
        for (int size : SIZES) {
            final long start = System.nanoTime();
            DemoData.expectOk(restconf.put(DemoData.TENANTS + "/tenant=scale", tenant(size)), 200, 201, 204);
            generations = LeafStatus.awaitNewGeneration(restconf, generations, List.of("leaf1"), timeout(size));
            final double added = (System.nanoTime() - start) / 1e9;
            final Set<String> instances = l2Instances();
            assertEquals(size, instances.size(), "L2 network instances on the leaf");
            assertTrue(instances.contains("ovni-l2-" + (FIRST_VNI + size - 1)), "the last network");

            final long removal = System.nanoTime();
            DemoData.expectOk(restconf.delete(DemoData.TENANTS + "/tenant=scale"), 204);
            generations = LeafStatus.awaitNewGeneration(restconf, generations, List.of("leaf1"), timeout(size));
            final double removed = (System.nanoTime() - removal) / 1e9;
            final String config = running();
            assertEquals(Set.of(), l2Instances(config), "OpenVNI's network instances are gone");
            assertTrue(config.contains("management, not OpenVNI's"), config);
            assertTrue(config.contains("uplink to spine1, not OpenVNI's"), config);
            report.add(String.format(Locale.ROOT, "%d networks: in sync %.1f s after the PUT, %.1f s after the "
                + "DELETE", size, added, removed));
        }
        report.forEach(line -> System.out.println("[leaf-scale] " + line));

        // the biggest passes (the tenant's networks plus the VTEP) went in parts of the driver's edit size
        if (pool + 1 > ENTRIES_PER_EDIT) {
            final String parts = "leaf1: wrote " + (pool + 1) + " changes in "
                + ((pool + ENTRIES_PER_EDIT) / ENTRIES_PER_EDIT) + " edit-configs";
            try (var lines = Files.lines(controller.karafLog(), StandardCharsets.UTF_8)) {
                assertTrue(lines.filter(line -> line.contains(parts)).count() >= 2, parts + ", adding and removing");
            }
        }
    }

    /** A tenant of pure L2 networks {@code n0..n<size-1>} with VNIs and VLANs counted up from the pools' starts. */
    private static String tenant(final int size) {
        final var json = new ObjectMapper().createObjectNode();
        final var tenant = json.putArray("openvni-tenant:tenant").addObject().put("name", "scale");
        final var networks = tenant.putArray("network");
        for (int i = 0; i < size; i++) {
            networks.addObject().put("name", "n" + i).put("l2-vni", FIRST_VNI + i).put("vlan", FIRST_VLAN + i);
        }
        return json.toString();
    }

    // Generous for netconfd's validation, which grows faster than the square of the networks.
    private static Duration timeout(final int size) {
        final long configured = Long.getLong("leaf.scale.timeout", 0);
        return configured > 0 ? Duration.ofSeconds(configured) : Duration.ofSeconds(150 + size / 2);
    }

    private static Set<String> l2Instances() {
        return l2Instances(running());
    }

    private static Set<String> l2Instances(final String runningXml) {
        final var names = new TreeSet<String>();
        L2_INSTANCE.matcher(ConfigXml.canonical(runningXml)).results().forEach(match -> names.add(match.group(1)));
        return names;
    }

    private static String running() {
        final var reply = leaves.client(0).getConfig(Datastore.RUNNING);
        assertTrue(reply.ok(), reply::error);
        assertFalse(reply.data().isEmpty());
        return reply.data();
    }
}
