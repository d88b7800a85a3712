package io.openvni.southbound.openconfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvni.core.compile.BgpNeighbor;
import io.openvni.core.compile.BgpNeighbor.AddressFamily;
import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.compile.DeviceRole;
import io.openvni.core.compile.EvpnSegment;
import io.openvni.core.compile.EvpnVrf;
import io.openvni.core.compile.Platform.LeafPlatform;
import io.openvni.core.compile.Underlay;
import io.openvni.core.intent.LeafSwitch.Dialect;
import io.openvni.core.render.openconfig.OpenConfigRenderer;
import io.openvni.core.render.openconfig.OwnedPaths;
import io.openvni.southbound.spi.ChangeSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/** Leaf intents for the driver tests, and the renderer's golden files in core. */
final class LeafFixtures {
    static final Path GOLDEN = Path.of("..", "..", "core", "src", "test", "resources", "golden");

    private static final Underlay UNDERLAY = new Underlay(65101, "10.0.0.11", "10.0.1.11");

    private LeafFixtures() {
        // static only
    }

    /** The golden leaf renderings of core's renderer tests. */
    static List<Path> goldenLeaves() throws IOException {
        try (Stream<Path> files = Files.list(GOLDEN.toAbsolutePath().normalize())) {
            final var list = files.filter(file -> {
                final String name = file.getFileName().toString();
                return name.endsWith(".json") && (name.startsWith("leaf-") || name.contains("-leaf"));
            }).sorted().toList();
            if (list.isEmpty()) {
                throw new IllegalStateException("no golden leaf renderings in " + GOLDEN.toAbsolutePath());
            }
            return list;
        }
    }

    static ObjectNode read(final Path json) throws IOException {
        return (ObjectNode) new ObjectMapper().readTree(json.toFile());
    }

    static EvpnSegment routed(final String network, final long vni, final int vlan, final long vrf,
            final String gateway) {
        final var rt = List.of("65000:" + vni);
        return new EvpnSegment("acme", network, vni, vlan, "10.0.0.11:" + vlan, rt, rt, true, vrf, List.of(gateway),
            null);
    }

    static EvpnSegment pureL2(final String network, final long vni, final int vlan) {
        final var rt = List.of("65000:" + vni);
        return new EvpnSegment("acme", network, vni, vlan, "10.0.0.11:" + vlan, rt, rt, false, null, List.of(),
            null);
    }

    static EvpnVrf vrf(final long vni) {
        return new EvpnVrf("acme", "main", vni, "10.0.0.11:1", List.of("65000:" + vni), List.of("65000:" + vni));
    }

    static BgpNeighbor neighbor(final String address, final long asn) {
        return new BgpNeighbor(address, asn, "node-" + asn, Set.of(AddressFamily.L2VPN_EVPN));
    }

    static DeviceIntent leaf(final List<EvpnSegment> segments, final List<EvpnVrf> vrfs,
            final List<BgpNeighbor> neighbors) {
        return new DeviceIntent("leaf1", DeviceRole.LEAF_SWITCH, UNDERLAY,
            new LeafPlatform(Dialect.OPENCONFIG, "Loopback1"), "00:00:5e:00:01:01", segments, vrfs, neighbors);
    }

    /** An SR Linux leaf with access interfaces ethernet-1/1 and lag1. */
    static DeviceIntent srlinux(final List<EvpnSegment> segments, final List<EvpnVrf> vrfs) {
        return new DeviceIntent("leaf2", DeviceRole.LEAF_SWITCH, UNDERLAY,
            new LeafPlatform(Dialect.SRLINUX, "system0", List.of("ethernet-1/1", "lag1")), "00:00:5e:00:01:01",
            segments, vrfs, List.of());
    }

    /** Two routed networks in one VRF, one pure L2 network, two neighbors. */
    static DeviceIntent full() {
        return leaf(List.of(routed("web", 10100, 100, 50000, "10.1.0.1/24"),
                routed("db", 10200, 200, 50000, "10.2.0.1/24"), pureL2("storage", 10300, 300)),
            List.of(vrf(50000)), List.of(neighbor("10.0.2.1", 65201), neighbor("10.0.2.2", 65202)));
    }

    /** The intent rendered and parsed into an OpenConfig schema, with its owned entries. */
    static Renderings.Rendering parsed(final EffectiveModelContext schema, final DeviceIntent intent)
            throws UnsupportedSchemaException {
        return new Renderings(OpenConfigDialect.INSTANCE).parse(schema, intent);
    }

    /** The owned entries a read of {@code device} finds, OpenVNI owning what the given intents name. */
    static List<OwnedEntry> read(final LeafConfig device, final DeviceIntent... owners) {
        return OwnedEntries.of(device, OwnedPaths.union(Stream.of(owners).map(OwnedPaths::of).toList()),
            OpenConfigDialect.INSTANCE);
    }

    /** The OpenConfig diff of a device's owned entries against a desired rendering. */
    static ChangeSet<OpenConfigChange> diff(final List<OwnedEntry> current, final Renderings.Rendering desired) {
        return OpenConfigDiff.diff(current, desired.config(), desired.entries(), OpenConfigDialect.INSTANCE);
    }

    /** Adds configuration OpenVNI does not own: an L3VRF, a BGP neighbor, a port and an SVI. */
    static void addForeignEntries(final ObjectNode json) {
        final var instances = (ArrayNode) json.get(OpenConfigRenderer.NETWORK_INSTANCES).get("network-instance");
        final var foreign = instances.addObject().put("name", "customer-x");
        foreign.putObject("config").put("name", "customer-x")
            .put("type", "openconfig-network-instance-types:L3VRF");
        final var defaultInstance = (ObjectNode) instances.get(0);
        final var neighbors = (ArrayNode) defaultInstance.get("protocols").get("protocol").get(0).get("bgp")
            .get("neighbors").get("neighbor");
        final var peer = neighbors.addObject().put("neighbor-address", "192.0.2.1");
        peer.putObject("config").put("neighbor-address", "192.0.2.1").put("peer-as", 64999);
        final var interfaces = (ArrayNode) json.get(OpenConfigRenderer.INTERFACES).get("interface");
        for (String name : Set.of("Ethernet1", "Vlan999")) {
            final var entry = interfaces.addObject().put("name", name);
            entry.putObject("config").put("name", name).put("type",
                name.startsWith("Vlan") ? "iana-if-type:l3ipvlan" : "iana-if-type:ethernetCsmacd");
        }
    }
}
