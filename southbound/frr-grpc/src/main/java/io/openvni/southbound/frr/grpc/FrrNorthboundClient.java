package io.openvni.southbound.frr.grpc;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.openvni.southbound.frr.grpc.proto.CommitRequest;
import io.openvni.southbound.frr.grpc.proto.CreateCandidateRequest;
import io.openvni.southbound.frr.grpc.proto.DeleteCandidateRequest;
import io.openvni.southbound.frr.grpc.proto.EditCandidateRequest;
import io.openvni.southbound.frr.grpc.proto.Encoding;
import io.openvni.southbound.frr.grpc.proto.GetCapabilitiesRequest;
import io.openvni.southbound.frr.grpc.proto.GetCapabilitiesResponse;
import io.openvni.southbound.frr.grpc.proto.GetRequest;
import io.openvni.southbound.frr.grpc.proto.GetResponse;
import io.openvni.southbound.frr.grpc.proto.PathValue;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A client for one FRR daemon's northbound gRPC service. The service has no TLS and no authentication, so the
 * controller reaches it through an SSH local port forward and this client speaks plaintext to that local port.
 *
 * <p>Every call carries a deadline. Failures surface as {@link FrrNorthboundException} with FRR's message.
 * Configuration changes are candidate transactions committed with phase ALL: FRR 8.4 mishandles phased commits
 * (a DeleteCandidate after PREPARE/APPLY aborts the daemon). This client never reads STATE under
 * {@code /frr-vrf:lib}, which crashes zebra 8.4 while a configured VRF has no kernel device.
 */
public final class FrrNorthboundClient implements AutoCloseable {
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(5);

    // FRR's VRF names are at most 36 characters; the pattern also keeps quotes out of the XPath predicates.
    private static final Pattern VRF_NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,36}");
    private static final String VRF_LIB = "/frr-vrf:lib";
    private static final String INTERFACE_LIB = "/frr-interface:lib";
    private static final String ZEBRA = "frr-zebra:zebra";
    // Full data trees of a busy daemon can exceed gRPC's 4 MiB default.
    private static final int MAX_INBOUND_BYTES = 64 << 20;

    private final ManagedChannel channel;
    private final Duration deadline;
    private final ObjectMapper json = new ObjectMapper();

    public FrrNorthboundClient(final String host, final int port) {
        this(host, port, DEFAULT_DEADLINE);
    }

    public FrrNorthboundClient(final String host, final int port, final Duration deadline) {
        requireNonNull(host);
        this.deadline = requireNonNull(deadline);
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive: " + deadline);
        }
        // An explicit socket address and no proxy: the endpoint is a local tunnel, never anything an http(s)_proxy
        // setting or DNS should reinterpret (and grpc's ServiceLoader-based resolvers are not needed).
        channel = NettyChannelBuilder.forAddress(new InetSocketAddress(host, port))
            .usePlaintext()
            .proxyDetector(targetAddress -> null)
            .maxInboundMessageSize(MAX_INBOUND_BYTES)
            .build();
    }

    /** The daemon's version, rollback support, YANG modules and encodings. */
    public FrrCapabilities capabilities() {
        final GetCapabilitiesResponse response = unary(FrrNorthboundGrpc.GET_CAPABILITIES,
            GetCapabilitiesRequest.getDefaultInstance());
        return new FrrCapabilities(response.getFrrVersion(), response.getRollbackSupport(),
            response.getSupportedModulesList().stream()
                .map(module -> new FrrCapabilities.YangModule(module.getName(), module.getOrganization(),
                    module.getRevision()))
                .toList(),
            response.getSupportedEncodingsList().stream().map(Encoding::name).toList());
    }

    /** Whether this daemon implements the YANG module; each daemon serves only its own modules. */
    public boolean hasModule(final String moduleName) {
        return capabilities().hasModule(moduleName);
    }

    /**
     * Zebra's state of every interface that has a VNI (the VXLAN devices), in zebra's order.
     *
     * <p>FRR 8.4 can serve this only while every VXLAN device has a multicast group: it reports a device without
     * one with mcast-group 0.0.0.0 (or its unicast remote), which fails the leaf's YANG pattern and fails the whole
     * read with INVALID_ARGUMENT. EVPN's ingress-replication devices have no group, so on 8.4 read EVPN and VXLAN
     * state with vtysh instead. Narrower paths do not help: 8.4 refuses leaf paths and crashes zebra on
     * {@code interface[name=X]/frr-zebra:zebra/state}, so this reads the whole {@code /frr-interface:lib}.
     */
    public List<VxlanInterfaceState> zebraVxlanState() {
        final List<VxlanInterfaceState> result = new ArrayList<>();
        for (JsonNode tree : getState(INTERFACE_LIB)) {
            for (JsonNode iface : tree.path("frr-interface:lib").path("interface")) {
                final JsonNode state = iface.path(ZEBRA).path("state");
                if (state.path("vni-id").canConvertToLong()) {
                    result.add(vxlanState(iface, state));
                }
            }
        }
        return result;
    }

    private static VxlanInterfaceState vxlanState(final JsonNode iface, final JsonNode state) {
        final String vrf = iface.path("vrf").asText("");
        // With the netns VRF backend (zebra -n) zebra names interfaces "<vrf>:<device>".
        final String name = iface.path("name").asText();
        final String device = !vrf.isEmpty() && name.startsWith(vrf + ":") ? name.substring(vrf.length() + 1) : name;
        final JsonNode vtep = state.path("remote-vtep");
        final List<String> remotes = new ArrayList<>();
        if (vtep.isArray()) {
            vtep.forEach(node -> remotes.add(node.asText()));
        } else if (vtep.isTextual()) {
            remotes.add(vtep.asText());
        }
        final JsonNode vlan = state.path("vlan-id");
        return new VxlanInterfaceState(device, vrf, state.path("vni-id").asLong(), remotes,
            vlan.canConvertToInt() ? OptionalInt.of(vlan.asInt()) : OptionalInt.empty());
    }

    /** The configured data under an XPath (CONFIG only, so safe for any path), one JSON tree per answer. */
    public List<JsonNode> getConfig(final String xpath) {
        return get(GetRequest.DataType.CONFIG, requireNonNull(xpath));
    }

    /**
     * Operational data under an XPath, one JSON tree per answer. Paths under {@code /frr-vrf:lib} are refused:
     * zebra 8.4 crashes reading VRF state while a configured VRF has no kernel device.
     */
    public List<JsonNode> getState(final String xpath) {
        if (requireNonNull(xpath).startsWith(VRF_LIB)) {
            throw new IllegalArgumentException("operational reads under " + VRF_LIB + " can crash zebra 8.4: " + xpath);
        }
        return get(GetRequest.DataType.STATE, xpath);
    }

    /** The L3VNI configured for a VRF, empty when the VRF or its l3vni-id is not configured. */
    public OptionalLong vrfL3vni(final String vrf) {
        final JsonNode entry = configuredVrf(checkVrf(vrf));
        final JsonNode l3vni = entry == null ? null : entry.path(ZEBRA).path("l3vni-id");
        return l3vni != null && l3vni.canConvertToLong() ? OptionalLong.of(l3vni.asLong()) : OptionalLong.empty();
    }

    /**
     * Binds a VRF to an L3VNI ({@code vrf V} / {@code vni N}), creating the VRF first when it is not configured.
     * The two are separate commits because zebra 8.4 rejects an l3vni-id in the commit that creates its VRF. FRR
     * validates the VNI (range, one VNI per VRF); its refusal surfaces as an {@link FrrNorthboundException}. To move
     * a VRF to another L3VNI, {@link #removeVrfL3vni(String)} first: zebra refuses a second VNI on a VRF.
     *
     * @return whether anything was committed (false when the VRF already had this L3VNI)
     */
    public boolean setVrfL3vni(final String vrf, final long l3vni) {
        final JsonNode entry = configuredVrf(checkVrf(vrf));
        final String vrfPath = vrfPath(vrf);
        if (entry == null) {
            commit(List.of(pathValue(vrfPath, "")), List.of(), "openvni: create vrf " + vrf);
        } else if (entry.path(ZEBRA).path("l3vni-id").asLong(-1) == l3vni) {
            return false;
        }
        commit(List.of(pathValue(vrfPath + "/frr-zebra:zebra/l3vni-id", Long.toString(l3vni))), List.of(),
            "openvni: vrf " + vrf + " l3vni " + l3vni);
        return true;
    }

    /**
     * Removes a VRF's L3VNI and keeps the VRF (its other configuration, e.g. the netns binding, may still be used).
     *
     * @return whether anything was committed (false when the VRF had no L3VNI)
     */
    public boolean removeVrfL3vni(final String vrf) {
        if (vrfL3vni(vrf).isEmpty()) {
            return false;
        }
        commit(List.of(), List.of(pathValue(vrfPath(vrf) + "/frr-zebra:zebra/l3vni-id", "")),
            "openvni: vrf " + vrf + " no l3vni");
        return true;
    }

    /**
     * One candidate transaction: create, edit (all-or-nothing), commit with phase ALL, and always delete the
     * candidate again. A failure to delete does not hide the failure that came before it.
     */
    void commit(final List<PathValue> updates, final List<PathValue> deletes, final String comment) {
        final int candidate = unary(FrrNorthboundGrpc.CREATE_CANDIDATE, CreateCandidateRequest.getDefaultInstance())
            .getCandidateId();
        FrrNorthboundException failure = null;
        try {
            unary(FrrNorthboundGrpc.EDIT_CANDIDATE, EditCandidateRequest.newBuilder()
                .setCandidateId(candidate).addAllUpdate(updates).addAllDelete(deletes).build());
            unary(FrrNorthboundGrpc.COMMIT, CommitRequest.newBuilder()
                .setCandidateId(candidate).setPhase(CommitRequest.Phase.ALL).setComment(comment).build());
        } catch (FrrNorthboundException e) {
            failure = e;
            throw e;
        } finally {
            try {
                unary(FrrNorthboundGrpc.DELETE_CANDIDATE,
                    DeleteCandidateRequest.newBuilder().setCandidateId(candidate).build());
            } catch (FrrNorthboundException e) {
                if (failure == null) {
                    throw e;
                }
                failure.addSuppressed(e);
            }
        }
    }

    private JsonNode configuredVrf(final String vrf) {
        for (JsonNode tree : getConfig(VRF_LIB)) {
            for (JsonNode entry : tree.path("frr-vrf:lib").path("vrf")) {
                if (vrf.equals(entry.path("name").asText())) {
                    return entry;
                }
            }
        }
        return null;
    }

    private List<JsonNode> get(final GetRequest.DataType type, final String xpath) {
        final GetRequest request = GetRequest.newBuilder()
            .setType(type).setEncoding(Encoding.JSON).addPath(xpath).build();
        final List<JsonNode> trees = new ArrayList<>();
        try {
            final Iterator<GetResponse> responses = ClientCalls.blockingServerStreamingCall(channel,
                FrrNorthboundGrpc.GET, callOptions(), request);
            while (responses.hasNext()) {
                final String data = responses.next().getData().getData();
                if (!data.isBlank()) {
                    trees.add(json.readTree(data));
                }
            }
        } catch (StatusRuntimeException e) {
            throw FrrNorthboundException.of("Get " + xpath, e);
        } catch (JsonProcessingException e) {
            throw new FrrNorthboundException("Get " + xpath, io.grpc.Status.Code.INTERNAL,
                "FRR sent JSON that does not parse: " + e.getOriginalMessage(), e);
        }
        return trees;
    }

    private <Q, R> R unary(final MethodDescriptor<Q, R> method, final Q request) {
        try {
            return ClientCalls.blockingUnaryCall(channel, method, callOptions(), request);
        } catch (StatusRuntimeException e) {
            throw FrrNorthboundException.of(method.getBareMethodName(), e);
        }
    }

    private CallOptions callOptions() {
        return CallOptions.DEFAULT.withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static String checkVrf(final String vrf) {
        if (!VRF_NAME.matcher(requireNonNull(vrf)).matches()) {
            throw new IllegalArgumentException("not a usable VRF name: " + vrf);
        }
        return vrf;
    }

    private static String vrfPath(final String vrf) {
        return VRF_LIB + "/vrf[name='" + checkVrf(vrf) + "']";
    }

    private static PathValue pathValue(final String path, final String value) {
        return PathValue.newBuilder().setPath(path).setValue(value).build();
    }

    @Override
    public void close() {
        channel.shutdown();
        try {
            if (!channel.awaitTermination(2, TimeUnit.SECONDS)) {
                channel.shutdownNow();
            }
        } catch (InterruptedException e) {
            channel.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
