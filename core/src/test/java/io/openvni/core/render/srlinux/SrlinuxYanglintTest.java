package io.openvni.core.render.srlinux;

import static io.openvni.core.render.Yanglint.broken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvni.core.render.ExternalTools;
import io.openvni.core.render.Golden;
import io.openvni.core.render.RenderFixtures;
import io.openvni.core.render.Yanglint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Validates every SR Linux golden with yanglint against SR Linux 25.3.1's own models, the set the simulated
 * SR Linux leaf loads: structure, types, patterns, ranges, identities, leafrefs, {@code when} and
 * {@code mandatory}, with every platform feature on. The models' {@code must} statements are left out (see
 * {@link YangMusts}). Skipped where yanglint (Debian {@code libyang2-tools}) is not installed; fails when the
 * models are missing. Their folder is the system property {@value #YANG_DIR_PROPERTY}, by default the shared
 * copy next to the repository.
 */
class SrlinuxYanglintTest {
    static final String YANG_DIR_PROPERTY = "openvni.srlinux.yang";

    private static final Path DEFAULT_YANG_DIR = Path.of("..", "..", "shared", "yang", "srlinux-testtool");
    private static final List<String> MODULES = List.of("srl_nokia-features@2025-03-31",
        "srl_nokia-interfaces@2025-03-31", "srl_nokia-interfaces-vlans@2025-03-31",
        "srl_nokia-interfaces-nbr@2025-03-31", "srl_nokia-interfaces-nbr-evpn@2025-03-31",
        "srl_nokia-if-ip@2025-03-31", "srl_nokia-tunnel-interfaces@2023-10-31",
        "srl_nokia-network-instance@2025-03-31", "srl_nokia-bgp-evpn@2024-10-31", "srl_nokia-bgp-vpn@2025-03-31");
    private static final Path GOLDENS = Golden.DIR.resolve(SrlinuxRendererTest.GOLDEN_DIR);
    private static final String BASE = SrlinuxRendererTest.GOLDEN_DIR + "srl-multi-vrf.json";

    @TempDir
    static Path models;

    private static Path yanglint;

    @BeforeAll
    static void prepareModels() throws IOException {
        yanglint = Yanglint.find("the SR Linux schema check");
        final var source = Path.of(System.getProperty(YANG_DIR_PROPERTY, DEFAULT_YANG_DIR.toString()))
            .toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(source.resolve("srl_nokia-network-instance@2025-03-31.yang")),
            "SR Linux YANG models not found in " + source + " (the shared folder ../shared/yang/srlinux-testtool "
                + "beside the repository): provide them there or set -D" + YANG_DIR_PROPERTY);
        try (var files = Files.list(source)) {
            for (var file : files.filter(path -> path.toString().endsWith(".yang")).toList()) {
                Files.writeString(models.resolve(file.getFileName()),
                    YangMusts.strip(Files.readString(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            }
        }
    }

    static Stream<String> goldens() throws IOException {
        return Yanglint.jsonFiles(GOLDENS);
    }

    @ParameterizedTest
    @MethodSource("goldens")
    void goldenIsValid(final String golden) {
        Yanglint.assertValid(validate(GOLDENS.resolve(golden)), golden, "SR Linux configuration");
    }

    @Test
    void everyFixtureHasAGolden() throws IOException {
        final var names = goldens().toList();
        RenderFixtures.srlinuxLeaves().forEach(fixture -> assertTrue(names.contains(fixture.name() + ".json"),
            fixture::name));
    }

    @Test
    void mustStatementsAloneAreLeftOut() {
        final var yang = """
            leaf a {
              type string;
              must "../b = 'x;{}'" + '{' {
                error-message "a \\" must";
              }
              must 'true()';
              mandatory true;
            }""";
        assertEquals("""
            leaf a {
              type string;
             \s
             \s
              mandatory true;
            }""", YangMusts.strip(yang));
    }

    static Stream<Arguments> brokenPayloads() {
        return Stream.of(
            broken("misspelled leaf", "not found as a child",
                root -> {
                    final var address = (ObjectNode) irb(root).at("/subinterface/0/ipv4/address/0");
                    address.set("anycastgw", address.remove("anycast-gw"));
                }),
            broken("VNI out of range", "out of the allowed range",
                root -> ((ObjectNode) vxlanInterfaces(root).get(0).get("ingress")).put("vni", 16_777_216)),
            broken("EVI out of range", "out of the allowed range",
                root -> evpnInstance(root, 0).put("evi", 70_000)),
            broken("bgp-evpn naming a VXLAN interface its instance lacks", "Invalid leafref value",
                root -> evpnInstance(root, 0).put("vxlan-interface", "vxlan1.99")),
            broken("route target without its type", "no matching subtype",
                root -> ((ObjectNode) instance(root, 0).at("/protocols/srl_nokia-bgp-vpn:bgp-vpn/bgp-instance/0"
                    + "/route-target")).put("import-rt", "65000:10100")),
            broken("unknown VXLAN interface type", "identity not found",
                root -> ((ObjectNode) vxlanInterfaces(root).get(0)).put("type", "srl_nokia-interfaces:bridge")),
            broken("interface that is no SR Linux port", "does not conform to",
                root -> ((ObjectNode) root.get(SrlinuxRenderer.INTERFACE).get(0)).put("name", "Ethernet1")),
            broken("VLAN out of range", "Invalid union value \"4095\"",
                root -> ((ObjectNode) root.get(SrlinuxRenderer.INTERFACE).get(0)
                    .at("/subinterface/0/srl_nokia-interfaces-vlans:vlan/encap/single-tagged"))
                    .put("vlan-id", 4095)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenPayloads")
    void brokenPayloadIsRejected(final String what, final String expectedError, final Consumer<ObjectNode> breaker,
            @TempDir final Path dir) throws IOException {
        Yanglint.assertRejected(BASE, SrlinuxYanglintTest::validate, what, expectedError, breaker, dir);
    }

    private static ExternalTools.Run validate(final Path payload) {
        final var command = new ArrayList<String>(List.of(yanglint.toString(), "-i", "-t", "config",
            "-F", "srl_nokia-features:" + features(), "-p", models.toString()));
        MODULES.forEach(module -> command.add(models.resolve(module + ".yang").toString()));
        command.add(payload.toAbsolutePath().toString());
        return Yanglint.run(command);
    }

    // Every feature of srl_nokia-features, listed: yanglint enables the features of imported modules only so.
    private static String features() {
        try {
            final var text = Files.readString(models.resolve("srl_nokia-features@2025-03-31.yang"));
            return Pattern.compile("^  feature ([\\w-]+)", Pattern.MULTILINE).matcher(text).results()
                .map(match -> match.group(1))
                .collect(Collectors.joining(","));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the SR Linux features", e);
        }
    }

    private static ObjectNode irb(final ObjectNode root) {
        for (var iface : root.get(SrlinuxRenderer.INTERFACE)) {
            if (SrlNames.IRB_INTERFACE.equals(iface.get("name").asText())) {
                return (ObjectNode) iface;
            }
        }
        throw new AssertionError("no " + SrlNames.IRB_INTERFACE + " in " + BASE);
    }

    private static ArrayNode vxlanInterfaces(final ObjectNode root) {
        return (ArrayNode) root.get(SrlinuxRenderer.TUNNEL_INTERFACE).get(0).get("vxlan-interface");
    }

    private static ObjectNode instance(final ObjectNode root, final int index) {
        return (ObjectNode) root.get(SrlinuxRenderer.NETWORK_INSTANCE).get(index);
    }

    private static ObjectNode evpnInstance(final ObjectNode root, final int index) {
        return (ObjectNode) instance(root, index).at("/protocols/bgp-evpn/srl_nokia-bgp-evpn:bgp-instance/0");
    }
}
