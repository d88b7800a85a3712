package io.openvni.southbound.frr;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvni.core.compile.DeviceIntent;
import io.openvni.southbound.frr.northbound.FrrGrpcChannels;
import io.openvni.southbound.spi.DeviceFailure;
import io.openvni.southbound.spi.DeviceState;
import io.openvni.southbound.spi.DeviceState.BgpSession;
import io.openvni.southbound.spi.DeviceState.VniState;
import io.openvni.southbound.spi.DeviceStateReader.StateResult;
import io.openvni.southbound.ssh.NodeUnreachableException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Reads a node router's operational state with one vtysh process ({@link VtyshShow}): BGP sessions of every VRF
 * ({@code show bgp vrf all summary json}), the VNIs zebra runs with their remote VTEPs
 * ({@code show evpn vni detail json}) and FRR's version. When the node's FRR is driven through northbound gRPC
 * too, management says {@code vtysh+grpc} and the version is the one gRPC reported.
 *
 * <p>VNIs and remote VTEPs stay with vtysh even then: FRR 8.4's zebra serves interface STATE (vni-id, remote-vtep)
 * only while every VXLAN device has a multicast group, and EVPN's ingress-replication devices never have one, so
 * the whole read fails (see {@code FrrNorthboundClient#zebraVxlanState}); BGP has no YANG northbound at all.
 */
public final class FrrStateReader {
    private static final List<String> SHOW = List.of("show bgp vrf all summary json", "show evpn vni detail json",
        "show version");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> FAMILIES = Map.of("ipv4Unicast", "ipv4-unicast",
        "ipv6Unicast", "ipv6-unicast", "l2VpnEvpn", "l2vpn-evpn");

    private final Function<String, NodeShell> shells;
    private final FrrNodeSettings settings;
    private final Clock clock;
    private final @Nullable FrrGrpcChannels grpc;

    public FrrStateReader(final Function<String, NodeShell> shells, final FrrNodeSettings settings,
            final Clock clock) {
        this(shells, settings, clock, null);
    }

    public FrrStateReader(final Function<String, NodeShell> shells, final FrrNodeSettings settings,
            final Clock clock, final @Nullable FrrGrpcChannels grpc) {
        this.shells = requireNonNull(shells);
        this.settings = requireNonNull(settings);
        this.clock = requireNonNull(clock);
        this.grpc = grpc;
    }

    /**
     * Reads the node's state; management is {@code vtysh+grpc} when the node's FRR answers northbound gRPC, else
     * {@code vtysh}.
     *
     * @param intent the node's intent
     * @return the state or why it could not be read
     */
    public StateResult read(final DeviceIntent intent) {
        final var connection = grpc == null ? null : grpc.connection(intent).orElse(null);
        final StateResult result = read(intent, connection == null ? "vtysh" : "vtysh+grpc");
        if (connection != null && result instanceof StateResult.Read(var state)) {
            return new StateResult.Read(new DeviceState(state.management(), connection.software(), state.sessions(),
                state.vnis(), state.readAt()));
        }
        return result;
    }

    /**
     * Reads the node's state.
     *
     * @param intent the node's intent
     * @param management how the controller manages the node, for the record
     * @return the state or why it could not be read
     */
    public StateResult read(final DeviceIntent intent, final String management) {
        final String command = VtyshShow.command(settings.vtyshFor(intent), SHOW);
        try {
            final var result = shells.apply(intent.name()).exec(command, null, settings.readTimeout());
            final var parts = VtyshShow.answers(result.stdout().lines().toList(), SHOW);
            if (!result.succeeded() || parts.size() != SHOW.size()) {
                return new StateResult.Failed(new DeviceFailure.Rejected("vtysh could not show the state: "
                    + (result.stderr().isBlank() ? result.stdout() : result.stderr()).strip()));
            }
            return new StateResult.Read(new DeviceState(management, version(parts.get(2)), sessions(parts.get(0)),
                vnis(parts.get(1)), clock.instant()));
        } catch (NodeUnreachableException e) {
            return new StateResult.Failed(new DeviceFailure.Unreachable(e.getMessage()));
        } catch (JsonProcessingException e) {
            return new StateResult.Failed(new DeviceFailure.Rejected("unexpected vtysh JSON: "
                + e.getOriginalMessage()));
        }
    }

    static List<BgpSession> sessions(final String json) throws JsonProcessingException {
        final var result = new ArrayList<BgpSession>();
        final JsonNode vrfs = json.isBlank() ? JSON.createObjectNode() : JSON.readTree(json);
        vrfs.properties().forEach(vrf -> vrf.getValue().properties().forEach(family -> {
            final String name = FAMILIES.get(family.getKey());
            if (name != null) {
                family.getValue().path("peers").properties().forEach(peer -> result.add(new BgpSession(
                    vrf.getKey(), peer.getKey(), name, peer.getValue().path("state").asText("unknown"),
                    peer.getValue().path("pfxRcd").asLong(0))));
            }
        }));
        return result;
    }

    static List<VniState> vnis(final String json) throws JsonProcessingException {
        final var result = new ArrayList<VniState>();
        final JsonNode vnis = json.isBlank() ? JSON.createArrayNode() : JSON.readTree(json);
        for (var vni : vnis.isArray() ? vnis : List.of(vnis)) {
            if (!vni.has("vni")) {
                continue;
            }
            final var remotes = new ArrayList<String>();
            // FRR lists remote VTEPs as objects {"ip": ...} under "remoteVteps"; releases up to 8.4 as plain strings
            // under "numRemoteVteps" (sic)
            final var listed = vni.path("remoteVteps").isArray() ? vni.path("remoteVteps")
                : vni.path("numRemoteVteps");
            listed.forEach(vtep -> remotes.add(vtep.isTextual() ? vtep.asText() : vtep.path("ip").asText()));
            remotes.sort(null);
            result.add(new VniState(vni.path("vni").asLong(), vni.path("type").asText(""),
                vni.path("vrf").asText(vni.path("tenantVrf").asText("")), remotes));
        }
        return result;
    }

    static String version(final String text) {
        for (var line : text.lines().toList()) {
            final var stripped = line.strip();
            if (stripped.startsWith("FRRouting ")) {
                final var words = stripped.split("\\s+");
                return words.length > 1 ? "FRR " + words[1] : stripped;
            }
        }
        return "";
    }
}
