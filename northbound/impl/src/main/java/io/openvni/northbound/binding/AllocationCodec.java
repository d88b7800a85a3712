package io.openvni.northbound.binding;

import io.openvni.core.allocation.Allocation;
import io.openvni.core.allocation.AllocationKind;
import io.openvni.core.allocation.AllocationProblem;
import io.openvni.core.allocation.Allocations;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.AllocationsBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.allocations.AllocationBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.allocations.AllocationKey;
import org.opendaylight.yangtools.binding.util.BindingMap;

/**
 * Converts allocations between the core table and the persisted {@code openvni-status:allocations} container
 * (and the operational copy under {@code status}).
 */
public final class AllocationCodec {
    private AllocationCodec() {
        // static codec
    }

    public static Allocations toCore(
            final org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.@Nullable Allocations stored) {
        if (stored == null || stored.getAllocation() == null) {
            return Allocations.EMPTY;
        }
        return Allocations.of(stored.getAllocation().values().stream()
            .map(entry -> new Allocation(AllocationKind.ofYangName(entry.getKind().getName()), entry.getOwner(),
                entry.getValue()))
            .toList());
    }

    public static org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.Allocations toStored(
            final Allocations allocations) {
        return new AllocationsBuilder()
            .setAllocation(BindingMap.ordered(allocations.all().stream()
                .map(allocation -> new AllocationBuilder()
                    .withKey(new AllocationKey(kind(allocation.kind()), allocation.owner()))
                    .setValue(allocation.value())
                    .build())
                .toList()))
            .build();
    }

    public static List<org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.Allocation> toStatus(
            final Allocations allocations) {
        return allocations.all().stream()
            .map(allocation -> new org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status
                .AllocationBuilder()
                .setKind(kind(allocation.kind()))
                .setOwner(allocation.owner())
                .setValue(allocation.value())
                .build())
            .toList();
    }

    public static List<org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.AllocationError>
            toStatusErrors(final List<AllocationProblem> problems) {
        return problems.stream()
            .map(problem -> new org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status
                .AllocationErrorBuilder()
                .setKind(kind(problem.kind()))
                .setOwner(problem.owner())
                .setValue(problem.stored())
                .setReason(problem.message())
                .build())
            .toList();
    }

    private static org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.AllocationKind kind(
            final AllocationKind kind) {
        return org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.AllocationKind.ofName(kind.yangName());
    }
}
