package io.openvni.northbound.pipeline;

import io.openvni.core.compile.DesiredConfig;
import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.compile.DeviceRole;
import io.openvni.core.status.PassProgress;
import io.openvni.northbound.api.ControllerStatus;
import io.openvni.northbound.api.DeviceOperational;
import io.openvni.northbound.api.FabricSnapshot;
import io.openvni.northbound.binding.AllocationCodec;
import io.openvni.southbound.spi.DeviceState;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.Status;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.StatusBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.SyncState;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.Controller;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.ControllerBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.Device;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.DeviceBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.Tenant;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.TenantBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.device.Operational;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.device.OperationalBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.device.Progress;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.device.ProgressBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.device.operational.BgpSessionBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.device.operational.VniBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.types.rev261126.DeviceName;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.types.rev261126.ObjectName;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;

/**
 * Builds the operational {@code openvni-status:status} container, whole or in parts, from a snapshot: every
 * device's standing with the progress of its running pass and its operational state, every tenant's realization
 * (all devices carrying one of its networks in sync), the controller's own standing, and every allocation.
 */
final class StatusModel {
    private StatusModel() {
        // static builder
    }

    /** The whole container. */
    static Status build(final FabricSnapshot snapshot) {
        final var devices = new TreeMap<String, Device>();
        snapshot.devices().keySet().forEach(name -> devices.put(name, device(snapshot, name)));
        return new StatusBuilder()
            .setDevice(BindingMap.ordered(devices.values()))
            .setTenant(BindingMap.ordered(pendingByTenant(snapshot).entrySet().stream()
                .map(tenant -> tenant(tenant.getKey(), tenant.getValue())).toList()))
            .setController(controller(snapshot.controller()))
            .setAllocation(BindingMap.ordered(AllocationCodec.toStatus(snapshot.allocations())))
            .setAllocationError(BindingMap.ordered(AllocationCodec.toStatusErrors(
                snapshot.compiled().allocationProblems())))
            .build();
    }

    /**
     * Every tenant's devices that are not in sync.
     *
     * @param snapshot the snapshot
     * @return device names by tenant name, for every tenant; an empty set means realized
     */
    static Map<String, SortedSet<String>> pendingByTenant(final FabricSnapshot snapshot) {
        final var pending = new TreeMap<String, SortedSet<String>>();
        for (var tenant : snapshot.intent().tenants()) {
            pending.put(tenant.name(), new TreeSet<>());
        }
        for (var desired : snapshot.compiled().devices().values()) {
            final var intent = desired.intent();
            final var status = snapshot.devices().get(intent.name());
            if (status == null || !status.isInSync()) {
                intent.segments().forEach(segment -> pending
                    .computeIfAbsent(segment.tenant(), k -> new TreeSet<>()).add(intent.name()));
            }
        }
        return pending;
    }

    static Tenant tenant(final String name, final Set<String> pendingDevices) {
        return new TenantBuilder()
            .setName(new ObjectName(name))
            .setRealized(pendingDevices.isEmpty())
            .setPendingDevice(pendingDevices.stream().map(DeviceName::new).collect(Collectors.toSet()))
            .build();
    }

    /**
     * One compiled device's entry.
     *
     * @param snapshot the snapshot, which has a standing for every compiled or held device
     * @param name the device's name
     * @return the entry
     */
    static Device device(final FabricSnapshot snapshot, final String name) {
        // a held device that was never compiled has no intent: it carries nothing yet
        final @Nullable DeviceIntent intent = snapshot.compiled().device(name).map(DesiredConfig::intent).orElse(null);
        final var status = snapshot.devices().get(name);
        final var builder = new DeviceBuilder()
            .setName(new DeviceName(name))
            .setDeviceType(status.role() == DeviceRole.LEAF_SWITCH ? Device.DeviceType.LeafSwitch
                : Device.DeviceType.NodeRouter)
            .setSyncState(SyncState.ofName(status.state().yangName()))
            .setDesiredGeneration(Uint64.valueOf(status.desiredGeneration()))
            .setAppliedGeneration(Uint64.valueOf(status.appliedGeneration()))
            .setLastChange(time(status.lastChange()))
            .setNetworks(Uint32.valueOf(intent == null ? 0 : intent.segments().size()))
            .setVrfs(Uint32.valueOf(intent == null ? 0 : intent.vrfs().size()));
        if (!status.lastError().isEmpty()) {
            builder.setLastError(status.lastError());
        }
        final var progress = snapshot.progress().get(name);
        if (progress != null) {
            builder.setProgress(progress(progress));
        }
        final var operational = snapshot.operational().get(name);
        if (operational != null) {
            builder.setOperational(operational(operational));
        }
        return builder.build();
    }

    static Controller controller(final ControllerStatus status) {
        return new ControllerBuilder()
            .setProcessedAt(time(status.processedAt()))
            .setLastError(status.lastError().isEmpty() ? null : status.lastError())
            .setFailedPasses(Uint32.valueOf(status.failedPasses()))
            .setNextAttempt(time(status.nextAttempt()))
            .setStatusWriteFailures(Uint64.valueOf(status.statusWriteFailures()))
            .setLastStatusWriteError(status.lastStatusWriteError().isEmpty() ? null : status.lastStatusWriteError())
            .build();
    }

    private static Progress progress(final PassProgress progress) {
        final var builder = new ProgressBuilder()
            .setPhase(progress.phase())
            .setSince(time(progress.since()))
            .setStarted(time(progress.started()));
        if (progress.counted()) {
            builder.setDone(Uint64.valueOf(progress.done())).setTotal(Uint64.valueOf(progress.total()));
        }
        return builder.build();
    }

    private static Operational operational(final DeviceOperational read) {
        final var builder = new OperationalBuilder();
        if (!read.readError().isEmpty()) {
            builder.setReadError(read.readError());
        }
        final DeviceState state = read.state();
        if (state == null) {
            return builder.build();
        }
        return builder
            .setManagement(state.management())
            .setSoftware(state.software().isEmpty() ? null : state.software())
            .setReadAt(time(state.readAt()))
            .setBgpSession(BindingMap.ordered(state.sessions().stream()
                .map(session -> new BgpSessionBuilder()
                    .setVrf(session.vrf())
                    .setPeer(session.peer())
                    .setAddressFamily(session.addressFamily())
                    .setState(session.state())
                    .setPrefixesReceived(Uint64.valueOf(session.prefixesReceived()))
                    .build())
                .toList()))
            .setVni(BindingMap.ordered(state.vnis().stream()
                .map(vni -> new VniBuilder()
                    .setVni(Uint32.valueOf(vni.vni()))
                    .setType(vni.type())
                    .setVrf(vni.vrf())
                    .setRemoteVtep(vni.remoteVteps().isEmpty() ? null : Set.copyOf(vni.remoteVteps()))
                    .build())
                .toList()))
            .build();
    }

    private static @Nullable DateAndTime time(final @Nullable Instant instant) {
        return instant == null ? null : new DateAndTime(DateTimeFormatter.ISO_INSTANT.format(instant));
    }
}
