package io.openvni.core.render.frr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvni.core.render.ExternalTools;
import io.openvni.core.render.Golden;
import io.openvni.core.render.RenderFixtures;
import io.openvni.core.render.frr.KernelDevice.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks every FRR golden against a real FRR 8.4: {@code vtysh -C} (syntax, no daemon needed), then a load into
 * zebra and bgpd running in private namespaces on top of the planned kernel devices, after which the owned part
 * of {@code show running-config} must equal the golden text (in netns mode zebra must also map every VXLAN device
 * to its VNI and tenant VRF). Skipped where FRR is not installed or the tests do not run as root. On kernels
 * without VRF devices the kernel-VRF plans are applied without their VRF devices; FRR keeps such VRFs inactive but
 * prints them all the same.
 *
 * <p>One divergence is known and reported rather than failed: an L2 VNI {@code rd} equal to the RD bgpd derives
 * itself is dropped from the running configuration; that is an RD allocation matter, not a rendering one.
 */
class FrrRealCheckTest {
    // zebra -n already made a VRF of every namespace, so the netns line of a new VRF is refused as a duplicate.
    private static final Pattern KNOWN_NETNS_MESSAGE =
        Pattern.compile("VRF \\d+ already configured with NETNS /run/netns/ovrf\\d+");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static boolean kernelVrfs;

    @BeforeAll
    static void requireFrr() {
        final var unavailable = FrrSandbox.unavailable();
        assumeTrue(unavailable.isEmpty(), () -> "skipping the real FRR check: " + unavailable.orElseThrow());
        kernelVrfs = FrrSandbox.kernelHasVrfDevices();
    }

    static List<String> goldens() throws IOException {
        try (var files = Files.list(Golden.DIR)) {
            return files.map(file -> file.getFileName().toString())
                .filter(name -> name.endsWith(".frr"))
                .map(name -> name.substring(0, name.length() - ".frr".length()))
                .sorted()
                .toList();
        }
    }

    @Test
    void everyNodeFixtureHasAGolden() throws IOException {
        final var goldens = goldens();
        RenderFixtures.nodes().forEach(fixture -> assertTrue(goldens.contains(fixture.name()), fixture.name()));
    }

    @ParameterizedTest
    @MethodSource("goldens")
    void dryRunAcceptsGolden(final String golden) {
        final var run = dryRun(Golden.path(golden + ".frr"));
        assertEquals(0, run.exitCode(), run::output);
    }

    @ParameterizedTest
    @MethodSource("goldens")
    void loadedGoldenIsTheRunningConfig(final String golden, @TempDir final Path dir) throws IOException {
        final String config = Golden.read(golden + ".frr");
        final var plan = KernelPlanText.parse(Golden.read(golden + ".kernel.txt"));
        final boolean netns = plan.devices().stream().anyMatch(device -> device.kind() == Kind.NETNS_VRF);
        final var vnis = plan.devices().stream()
            .filter(device -> device.kind() == Kind.VXLAN)
            .map(device -> Long.parseLong(device.spec().get("id")))
            .toList();
        final var result = FrrSandbox.run(dir, config, netns, KernelCommands.of(plan, kernelVrfs),
            netns ? vnis : List.of());
        try {
            assertEquals(List.of(), result.kernel().lines().filter(line -> line.startsWith("FAILED")).toList(),
                result.kernel());
            assertEquals(List.of(), loadErrors(result.load()), result::transcript);
            final String running = RunningConfig.owned(result.runningConfig());
            assertEquals(config, running, () -> explain(config, running));
            if (netns) {
                assertVnisKnown(plan, result);
            }
        } finally {
            assertEquals(List.of(), FrrSandbox.leftovers(dir), "processes left behind");
        }
    }

    @Test
    void dryRunCatchesBrokenSyntax(@TempDir final Path dir) throws IOException {
        final var broken = dir.resolve("broken.frr");
        Files.writeString(broken, Golden.read("node-no-segments.frr").replace(" remote-as 64512",
            " remote-ass 64512"));
        final var run = dryRun(broken);
        assertNotEquals(0, run.exitCode(), run::output);
        assertTrue(run.output().contains("Unknown command"), run::output);
    }

    /**
     * An L2 VNI route target equal to FRR's auto-derived one (local ASN:VNI) passes the syntax check and loads
     * without an error, yet bgpd keeps it as "auto" and hides it from the running configuration. Only the
     * comparison with the running configuration catches this.
     */
    @Test
    void runningConfigComparisonCatchesHiddenLines(@TempDir final Path dir) throws IOException {
        final String golden = Golden.read("node-kernel-vrf.frr");
        final String autoRt = golden.replace("route-target import 65000:10300", "route-target import 65201:10300");
        assertNotEquals(golden, autoRt);
        final var file = dir.resolve("auto-rt.frr");
        Files.writeString(file, autoRt);
        assertEquals(0, dryRun(file).exitCode());

        final var result = FrrSandbox.run(dir, autoRt, false, List.of(), List.of());
        assertEquals(List.of(), loadErrors(result.load()), result::transcript);
        final String running = RunningConfig.owned(result.runningConfig());
        assertNotEquals(autoRt, running);
        assertTrue(!running.contains("65201:10300"), running);
        assertEquals(List.of(), FrrSandbox.leftovers(dir), "processes left behind");
    }

    // zebra maps each VXLAN device to its VNI, and through the namespace it sits in, to its tenant VRF.
    private static void assertVnisKnown(final KernelPlan plan, final FrrSandbox.Result result) throws IOException {
        final var vnis = MAPPER.readTree(result.evpnVni());
        for (var device : plan.devices()) {
            if (device.kind() == Kind.VXLAN) {
                final var vni = vnis.get(device.spec().get("id"));
                assertTrue(vni != null, () -> "zebra does not know " + device.name() + ": " + result.evpnVni());
                assertEquals(device.spec().getOrDefault("netns", "default"), vni.path("tenantVrf").asText(),
                    result.evpnVni());
            }
        }
    }

    private static List<String> missing(final String expected, final String running) {
        final var missing = new ArrayList<>(expected.lines().toList());
        running.lines().forEach(missing::remove);
        return missing;
    }

    // Names the lines FRR dropped, and the FRR 8.4 behaviour known to drop them.
    private static String explain(final String expected, final String running) {
        final var missing = missing(expected, running);
        final var text = new StringBuilder("FRR's running configuration differs from the golden; missing lines:\n");
        for (var line : missing) {
            text.append(line);
            if (line.startsWith("   rd ")) {
                text.append("   <- equals bgpd's auto-derived RD of the VNI (router-id:rd_id, rd_id handed out from"
                    + " 1 in creation order): bgpd ignores it and never prints it; RD indexes must not collide with"
                    + " bgpd's rd_ids");
            } else if (line.startsWith("   route-target ")) {
                text.append("   <- equals bgpd's auto-derived RT (local ASN:VNI): bgpd ignores it and never prints"
                    + " it");
            }
            text.append('\n');
        }
        return text.append("--- running configuration (owned part)\n").append(running).toString();
    }

    private static List<String> loadErrors(final String load) {
        return load.lines()
            .filter(line -> !line.isBlank())
            .filter(line -> !KNOWN_NETNS_MESSAGE.matcher(line).matches())
            .toList();
    }

    private static ExternalTools.Run dryRun(final Path config) {
        return ExternalTools.run(List.of("vtysh", "-C", "-f", config.toAbsolutePath().toString()),
            Duration.ofSeconds(30));
    }
}
