package io.openvni.northbound.pipeline;

import io.openvni.core.compile.DeviceRole;
import io.openvni.core.status.DeviceStatus;
import io.openvni.northbound.api.DeviceOperational;
import io.openvni.northbound.api.FabricSnapshot;
import io.openvni.northbound.binding.AllocationCodec;
import io.openvni.southbound.spi.DeviceState;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.Status;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.StatusBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.SyncState;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.Device;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.DeviceBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.TenantBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.device.Operational;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.device.OperationalBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.device.operational.BgpSessionBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.device.operational.VniBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.types.rev261126.DeviceName;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.types.rev261126.ObjectName;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;

/**
 * Builds the operational {@code openvni-status:status} container from a snapshot: every device's standing, every
 * tenant's realization (all devices carrying one of its networks in sync), and every allocation.
 */
final class StatusModel {
    private StatusModel() {
        // static builder
    }

    static Status build(final FabricSnapshot snapshot) {
        final var devices = new TreeMap<String, Device>();
        final var pendingByTenant = new TreeMap<String, TreeSet<String>>();
        for (var tenant : snapshot.intent().tenants()) {
            pendingByTenant.put(tenant.name(), new TreeSet<>());
        }
        for (var desired : snapshot.compiled().devices().values()) {
            final var intent = desired.intent();
            final var status = snapshot.devices().get(intent.name());
            devices.put(intent.name(), device(desired.intent().segments().size(), intent.vrfs().size(), status,
                snapshot.operational().get(intent.name())));
            if (!status.isInSync()) {
                intent.segments().forEach(segment -> pendingByTenant
                    .computeIfAbsent(segment.tenant(), k -> new TreeSet<>()).add(intent.name()));
            }
        }
        return new StatusBuilder()
            .setDevice(BindingMap.ordered(devices.values()))
            .setTenant(BindingMap.ordered(pendingByTenant.entrySet().stream()
                .map(tenant -> new TenantBuilder()
                    .setName(new ObjectName(tenant.getKey()))
                    .setRealized(tenant.getValue().isEmpty())
                    .setPendingDevice(tenant.getValue().stream().map(DeviceName::new).collect(Collectors.toSet()))
                    .build())
                .toList()))
            .setAllocation(BindingMap.ordered(AllocationCodec.toStatus(snapshot.allocations())))
            .build();
    }

    private static Device device(final int networks, final int vrfs, final DeviceStatus status,
            final @Nullable DeviceOperational operational) {
        final var builder = new DeviceBuilder()
            .setName(new DeviceName(status.name()))
            .setDeviceType(status.role() == DeviceRole.LEAF_SWITCH ? Device.DeviceType.LeafSwitch
                : Device.DeviceType.NodeRouter)
            .setSyncState(SyncState.ofName(status.state().yangName()))
            .setDesiredGeneration(Uint64.valueOf(status.desiredGeneration()))
            .setAppliedGeneration(Uint64.valueOf(status.appliedGeneration()))
            .setLastChange(new DateAndTime(DateTimeFormatter.ISO_INSTANT.format(status.lastChange())))
            .setNetworks(Uint32.valueOf(networks))
            .setVrfs(Uint32.valueOf(vrfs));
        if (!status.lastError().isEmpty()) {
            builder.setLastError(status.lastError());
        }
        if (operational != null) {
            builder.setOperational(operational(operational));
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
            .setReadAt(new DateAndTime(DateTimeFormatter.ISO_INSTANT.format(state.readAt())))
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
}
