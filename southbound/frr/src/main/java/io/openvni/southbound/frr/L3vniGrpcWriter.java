package io.openvni.southbound.frr;

import io.openvni.core.compile.DeviceIntent;
import io.openvni.southbound.frr.grpc.FrrNorthboundException;
import io.openvni.southbound.frr.northbound.FrrGrpcChannels;
import io.openvni.southbound.spi.ApplyProgress;
import io.openvni.southbound.spi.DeviceFailure;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Writes VRF to L3VNI bindings ({@link NodeChange.GrpcL3vni}) through FRR's northbound gRPC, on the nodes that serve
 * it ({@link FrrGrpcChannels}); without channels, no node does and every binding stays with vtysh.
 */
final class L3vniGrpcWriter {
    private final @Nullable FrrGrpcChannels grpc;

    /**
     * A writer.
     *
     * @param grpc the nodes' gRPC connections, or null for vtysh alone
     */
    L3vniGrpcWriter(final @Nullable FrrGrpcChannels grpc) {
        this.grpc = grpc;
    }

    /** Whether the node's bindings go through gRPC now. */
    boolean writesL3vni(final DeviceIntent desired) {
        return grpc != null && grpc.connection(desired).map(FrrGrpcChannels.Connection::writesL3vni).orElse(false);
    }

    /**
     * Writes the bindings, each in its own candidate transaction (two for a VRF zebra does not have configured yet).
     *
     * @return null when all went through, else why not: unreachable when gRPC went away (its connection is dropped,
     *     so the next pass runs on vtysh), rejected with FRR's message when FRR refused one
     */
    @Nullable DeviceFailure write(final DeviceIntent desired, final NodeChange.GrpcL3vni change,
            final ApplyProgress progress) {
        final var connection = grpc == null ? null : grpc.connection(desired).orElse(null);
        if (connection == null) {
            return new DeviceFailure.Unreachable("FRR's northbound gRPC is no longer reachable; the next pass runs on"
                + " vtysh");
        }
        int done = 0;
        for (var binding : change.bindings()) {
            progress.report("frr grpc", done++, change.bindings().size());
            try {
                if (binding.l3vni() != null) {
                    connection.client().setVrfL3vni(binding.vrf(), binding.l3vni());
                } else {
                    connection.client().removeVrfL3vni(binding.vrf());
                }
            } catch (FrrNorthboundException e) {
                if (e.failure() == FrrNorthboundException.Failure.UNAVAILABLE) {
                    grpc.invalidate(desired.name());
                    return new DeviceFailure.Unreachable("FRR northbound gRPC: " + e.getMessage());
                }
                return new DeviceFailure.Rejected(binding.describe() + " -> "
                    + (e.frrMessage().isEmpty() ? e.getMessage() : e.frrMessage()));
            }
        }
        progress.report("frr grpc", done, change.bindings().size());
        return null;
    }
}
