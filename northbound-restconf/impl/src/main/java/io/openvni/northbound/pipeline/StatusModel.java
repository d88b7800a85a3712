package io.openvni.northbound.pipeline;

import io.openvni.core.compile.DeviceRole;
import io.openvni.core.status.DeviceStatus;
import io.openvni.northbound.api.FabricSnapshot;
import io.openvni.northbound.binding.AllocationCodec;
import java.time.format.DateTimeFormatter;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.Status;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.StatusBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.SyncState;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.Device;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.DeviceBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.TenantBuilder;
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
            devices.put(intent.name(), device(desired.intent().segments().size(), intent.vrfs().size(), status));
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

    private static Device device(final int networks, final int vrfs, final DeviceStatus status) {
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
        return builder.build();
    }
}
