package io.openvni.core.render.openconfig;

import static io.openvni.core.render.Yanglint.broken;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvni.core.render.ExternalTools;
import io.openvni.core.render.Golden;
import io.openvni.core.render.RenderFixtures;
import io.openvni.core.render.Yanglint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Validates every OpenConfig golden with yanglint against the OpenConfig models the simulators load: schema,
 * identities, ranges, leafrefs, {@code when} and {@code mandatory}. Skipped where yanglint (Debian
 * {@code libyang2-tools}) is not installed; fails when the models are missing. The models' folder is the system
 * property {@value #YANG_DIR_PROPERTY}, by default the shared copy next to the repository.
 */
class OpenConfigYanglintTest {
    static final String YANG_DIR_PROPERTY = "openvni.openconfig.yang";

    private static final Path DEFAULT_YANG_DIR = Path.of("..", "..", "shared", "yang", "openconfig");
    private static final List<String> MODULES = List.of("openconfig-network-instance", "openconfig-interfaces",
        "openconfig-if-ip", "openconfig-vlan");
    private static final String BASE = "leaf-two-segments-one-vrf.json";

    private static Path yanglint;
    private static Path yangDir;

    @BeforeAll
    static void findTools() {
        yanglint = Yanglint.find("the OpenConfig schema check");
        yangDir = Path.of(System.getProperty(YANG_DIR_PROPERTY, DEFAULT_YANG_DIR.toString())).toAbsolutePath()
            .normalize();
        assertTrue(Files.isRegularFile(yangDir.resolve("openconfig-network-instance.yang")),
            "OpenConfig YANG models not found in " + yangDir + ": provide them there or set -D" + YANG_DIR_PROPERTY);
    }

    static Stream<String> goldens() throws IOException {
        return Yanglint.jsonFiles(Golden.DIR);
    }

    @ParameterizedTest
    @MethodSource("goldens")
    void goldenIsValid(final String golden) {
        Yanglint.assertValid(validate(Golden.path(golden)), golden, "OpenConfig");
    }

    @Test
    void everyLeafFixtureHasAGolden() throws IOException {
        final var names = goldens().toList();
        RenderFixtures.leaves().forEach(fixture -> assertTrue(names.contains(fixture.name() + ".json"),
            fixture::name));
    }

    static Stream<Arguments> brokenPayloads() {
        return Stream.of(
            broken("unknown identity", "identity not found",
                root -> ((ObjectNode) instance(root, 1).get("config"))
                    .put("type", "openconfig-network-instance-types:L2VSIX")),
            broken("misspelled leaf", "not found as a child",
                root -> {
                    final var config = (ObjectNode) instance(root, 1).at("/fdb/arp-proxy/config");
                    config.set("arp-supression", config.remove("arp-suppression"));
                }),
            broken("dangling overlay endpoint", "Invalid leafref value",
                root -> ((ObjectNode) instance(root, 1).at("/evpn/evpn-instances/evpn-instance/0/vxlan/config"))
                    .put("overlay-endpoint", "nope")),
            broken("IRB without its SVI", "Invalid leafref value",
                root -> root.remove(OpenConfigRenderer.INTERFACES)),
            broken("VNI out of range", "out of the allowed range",
                root -> ((ObjectNode) instance(root, 1).at("/evpn/evpn-instances/evpn-instance/0/vxlan/config"))
                    .put("vni", 16_777_216)),
            broken("EVI vni on an L3VRF", "When condition",
                root -> ((ObjectNode) instance(root, 3).at("/evpn/evpn-instances/evpn-instance/0"))
                    .putObject("vxlan").putObject("config").put("vni", 50000)),
            broken("BGP without its ASN", "Mandatory node \"as\"",
                root -> ((ObjectNode) instance(root, 0).at("/protocols/protocol/0/bgp")).remove("global")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenPayloads")
    void brokenPayloadIsRejected(final String what, final String expectedError, final Consumer<ObjectNode> breaker,
            @TempDir final Path dir) throws IOException {
        Yanglint.assertRejected(BASE, OpenConfigYanglintTest::validate, what, expectedError, breaker, dir);
    }

    private static ExternalTools.Run validate(final Path payload) {
        final var command = new ArrayList<String>(List.of(yanglint.toString(), "-Q", "-i", "-i", "-t", "config",
            "-p", yangDir.toString()));
        MODULES.forEach(module -> command.add(yangDir.resolve(module + ".yang").toString()));
        command.add(payload.toAbsolutePath().toString());
        return Yanglint.run(command);
    }

    private static ObjectNode instance(final ObjectNode root, final int index) {
        return (ObjectNode) root.get(OpenConfigRenderer.NETWORK_INSTANCES).get("network-instance").get(index);
    }
}
