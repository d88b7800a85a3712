package io.openvni.core.validation;

import io.openvni.core.allocation.AllocationOutcome;
import io.openvni.core.allocation.Allocations;
import io.openvni.core.allocation.Allocator;
import io.openvni.core.intent.Intent;
import java.util.List;

/**
 * Validates the whole intent, fabric and tenants together, before it is stored. The YANG models give only base
 * types (ODL RESTCONF would drop the messages of their restrictions), so every range, pattern and reference is
 * checked here, each error naming the offending path and the reason.
 *
 * <p>Rules are grouped by area: {@link FabricRules} (pools, route-target ASN, gateway MAC), {@link DeviceRules}
 * (leaf switches and node routers), {@link TenantRules} (names, VNIs, VLANs, references, route targets, MTU) and
 * {@link AddressingRules} (subnets and gateways). The {@link Allocator} runs too, so that exhausted pools and
 * explicit values colliding with stable allocations are reported alongside.
 *
 * <p>Admission of a commit ({@link #admit}) adds the per-device limits ({@link LimitRules}). They are not part of
 * {@link #validateAndAllocate}, which the controller runs on every committed intent: a limit guards what may be
 * added, and intent already stored beyond one (written by an older controller) must still be compiled.
 */
public final class IntentValidator {
    private IntentValidator() {
        // utility
    }

    /**
     * Validates an intent.
     *
     * @param intent the intent to check
     * @param current the allocations in force, as persisted
     * @return every error, sorted by path then reason; empty when the intent is valid
     */
    public static List<ValidationError> validate(final Intent intent, final Allocations current) {
        return switch (validateAndAllocate(intent, current)) {
            case AllocationOutcome.Allocated allocated -> List.of();
            case AllocationOutcome.Failed(var errors) -> errors;
        };
    }

    /**
     * Decides whether a commit may be stored: the intent must be valid, every owner must get its values from the
     * pools (stable: values in force are kept, new owners take free ones), and no device may carry more than the
     * fabric's limits. The limits are checked once everything else is valid, since they need the placement.
     *
     * @param intent the intent the commit would leave
     * @param current the allocations in force, as persisted
     * @return every error, sorted by path then reason; empty when the commit may be stored
     */
    public static List<ValidationError> admit(final Intent intent, final Allocations current) {
        return switch (admitAndAllocate(intent, current)) {
            case AllocationOutcome.Allocated allocated -> List.of();
            case AllocationOutcome.Failed(var errors) -> errors;
        };
    }

    /**
     * Admits an intent as {@link #admit} does and, when it may be stored, returns the allocations it needs, running
     * the allocator once.
     *
     * @param intent the intent the commit would leave
     * @param current the allocations in force, as persisted
     * @return the complete allocations, or every error sorted by path then reason
     */
    public static AllocationOutcome admitAndAllocate(final Intent intent, final Allocations current) {
        final var outcome = validateAndAllocate(intent, current);
        if (outcome instanceof AllocationOutcome.Allocated(var allocations, var problems)) {
            final var sink = new ErrorSink();
            LimitRules.check(intent, allocations, sink);
            final var errors = sink.sorted();
            return errors.isEmpty() ? outcome : new AllocationOutcome.Failed(errors);
        }
        return outcome;
    }

    /**
     * Validates an intent and, when it is valid, returns the allocations it needs, running the allocator once.
     *
     * @param intent the intent to check
     * @param current the allocations in force, as persisted
     * @return the complete allocations, or every error sorted by path then reason
     */
    public static AllocationOutcome validateAndAllocate(final Intent intent, final Allocations current) {
        final var sink = new ErrorSink();
        final var outcome = Allocator.allocate(intent, current);
        final Allocations allocated = switch (outcome) {
            case AllocationOutcome.Allocated(var allocations, var problems) -> allocations;
            case AllocationOutcome.Failed(var errors) -> {
                errors.forEach(sink::add);
                // Rules on allocated values are skipped; the allocation errors say what to fix first.
                yield Allocations.EMPTY;
            }
        };
        FabricRules.check(intent, sink);
        DeviceRules.check(intent.fabric(), allocated, sink);
        TenantRules.check(intent, allocated, sink);
        AddressingRules.check(intent, sink);
        final var errors = sink.sorted();
        // persisted values that could not be kept do not refuse a commit: they are reported in status
        return errors.isEmpty() ? outcome : new AllocationOutcome.Failed(errors);
    }
}
