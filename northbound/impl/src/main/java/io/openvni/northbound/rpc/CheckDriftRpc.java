package io.openvni.northbound.rpc;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.SettableFuture;
import io.openvni.northbound.api.FabricService;
import io.openvni.southbound.reconcile.DriftReport;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.tenant.rev261126.CheckDrift;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.tenant.rev261126.CheckDriftInput;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.tenant.rev261126.CheckDriftOutput;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.tenant.rev261126.CheckDriftOutputBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.tenant.rev261126.check.drift.output.Device;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.tenant.rev261126.check.drift.output.DeviceBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.types.rev261126.DeviceName;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.RpcResult;
import org.opendaylight.yangtools.yang.common.RpcResultBuilder;

/**
 * {@code openvni-tenant:check-drift}: reads devices now and reports what differs from the applied intent. Answers
 * without holding an RPC thread: the answer is built when the last check ends or the timeout passes, and a device
 * whose check is still running is reported with that as its error.
 */
record CheckDriftRpc(FabricService fabric) implements CheckDrift {
    private static final int MAX_TIMEOUT_SECONDS = 600;

    @Override
    public ListenableFuture<RpcResult<CheckDriftOutput>> invoke(final CheckDriftInput input) {
        final long timeout = input.requireTimeout().longValue();
        if (timeout < 1 || timeout > MAX_TIMEOUT_SECONDS) {
            return RpcErrors.invalid("/input/timeout: " + timeout + " is outside 1.." + MAX_TIMEOUT_SECONDS
                + " seconds");
        }
        final var device = DeviceSelection.of(input.getDevice());
        final var checks = fabric.checkDrift(device);
        if (checks.isEmpty()) {
            return RpcErrors.invalid(DeviceSelection.nothingSelected(fabric, device));
        }
        final var result = SettableFuture.<RpcResult<CheckDriftOutput>>create();
        CompletableFuture.allOf(checks.values().toArray(CompletableFuture[]::new))
            .completeOnTimeout(null, timeout, TimeUnit.SECONDS)
            .whenComplete((ignored, failure) -> result.set(RpcResultBuilder.success(output(checks)).build()));
        return result;
    }

    private static CheckDriftOutput output(final Map<String, CompletableFuture<DriftReport>> checks) {
        final var devices = new ArrayList<Device>();
        checks.forEach((name, check) -> devices.add(device(name, check)));
        return new CheckDriftOutputBuilder().setDevice(BindingMap.ordered(devices)).build();
    }

    private static Device device(final String name, final CompletableFuture<DriftReport> check) {
        final var builder = new DeviceBuilder().setName(new DeviceName(name));
        if (!check.isDone()) {
            return builder.setError("the check is still running; see openvni-status:status").build();
        }
        try {
            final var report = check.join();
            final var status = report.status();
            builder.setSyncState(status.state().yangName())
                .setDrifted(report.drifted())
                .setHealed(report.healed())
                .setDiff(report.drift());
            if (!status.lastError().isEmpty() && !report.drifted()) {
                builder.setError(status.lastError());
            }
            return builder.build();
        } catch (CompletionException e) {
            return builder.setError(String.valueOf(e.getCause().getMessage())).build();
        }
    }
}
