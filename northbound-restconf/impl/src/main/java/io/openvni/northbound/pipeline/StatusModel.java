package io.openvni.northbound.pipeline;

import io.openvni.core.compile.DesiredConfig;
import io.openvni.core.compile.DeviceRole;
import io.openvni.northbound.api.FabricSnapshot;
import io.openvni.northbound.binding.AllocationCodec;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * Builds the operational {@code openvni-status:status} container from a snapshot and the devices' sync states.
 * Until a driver reports on a device it is {@code pending} at applied generation 0.
 */
final class StatusModel {
    private StatusModel() {
        // static builder
    }

    /**
     * Where one device stands, as drivers report it.
     *
     * @param state its sync state
     * @param appliedGeneration the generation it last confirmed
     * @param lastError the last failure text, or empty
     * @param lastChange when state or a generation last changed
     */
    record DeviceSync(SyncState state, long appliedGeneration, String lastError, Instant lastChange) {
        static DeviceSync pending(final Instant when) {
            return new DeviceSync(SyncState.Pending, 0, "", when);
        }
    }

    static Status build(final FabricSnapshot snapshot, final Map<String, DeviceSync> syncStates) {
        final var devices = new TreeMap<String, Device>();
        final var pendingByTenant = new TreeMap<String, TreeSet<String>>();
        for (var tenant : snapshot.intent().tenants()) {
            pendingByTenant.put(tenant.name(), new TreeSet<>());
        }
        for (var entry : snapshot.compiled().devices().entrySet()) {
            final DesiredConfig desired = entry.getValue();
            final var sync = syncStates.getOrDefault(entry.getKey(), DeviceSync.pending(snapshot.processedAt()));
            final boolean inSync = sync.state() == SyncState.InSync
                && sync.appliedGeneration() == desired.generation();
            devices.put(entry.getKey(), device(desired, sync));
            if (!inSync) {
                desired.intent().segments().forEach(segment -> pendingByTenant
                    .computeIfAbsent(segment.tenant(), k -> new TreeSet<>()).add(entry.getKey()));
            }
        }
        return new StatusBuilder()
            .setDevice(BindingMap.ordered(devices.values()))
            .setTenant(BindingMap.ordered(pendingByTenant.entrySet().stream()
                .map(tenant -> new TenantBuilder()
                    .setName(new ObjectName(tenant.getKey()))
                    .setRealized(tenant.getValue().isEmpty())
                    .setPendingDevice(tenant.getValue().stream().map(DeviceName::new)
                        .collect(java.util.stream.Collectors.toSet()))
                    .build())
                .sorted(Comparator.comparing(t -> t.getName().getValue()))
                .toList()))
            .setAllocation(BindingMap.ordered(AllocationCodec.toStatus(snapshot.allocations())))
            .build();
    }

    private static Device device(final DesiredConfig desired, final DeviceSync sync) {
        final var intent = desired.intent();
        final var builder = new DeviceBuilder()
            .setName(new DeviceName(intent.name()))
            .setDeviceType(intent.role() == DeviceRole.LEAF_SWITCH ? Device.DeviceType.LeafSwitch
                : Device.DeviceType.NodeRouter)
            .setSyncState(sync.state())
            .setDesiredGeneration(Uint64.valueOf(desired.generation()))
            .setAppliedGeneration(Uint64.valueOf(sync.appliedGeneration()))
            .setLastChange(new DateAndTime(DateTimeFormatter.ISO_INSTANT.format(sync.lastChange())))
            .setNetworks(Uint32.valueOf(intent.segments().size()))
            .setVrfs(Uint32.valueOf(intent.vrfs().size()));
        if (!sync.lastError().isEmpty()) {
            builder.setLastError(sync.lastError());
        }
        return builder.build();
    }
}
