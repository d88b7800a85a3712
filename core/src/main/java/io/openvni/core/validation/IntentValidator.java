package io.openvni.core.validation;

import io.openvni.core.allocation.AllocationOutcome;
import io.openvni.core.allocation.Allocations;
import io.openvni.core.allocation.Allocator;
import io.openvni.core.intent.Intent;
import java.util.List;

/**
 * Validates the whole intent, fabric and tenants together, before it is stored. The YANG models already enforce
 * types and ranges on the northbound, but nothing here relies on it: intents built directly are checked as well.
 *
 * <p>Rules are grouped by area: {@link FabricRules} (pools, route-target ASN, gateway MAC), {@link DeviceRules}
 * (leaf switches and node routers), {@link TenantRules} (names, VNIs, VLANs, references, route targets, MTU) and
 * {@link AddressingRules} (subnets and gateways). The {@link Allocator} runs too, so that exhausted pools and
 * explicit values colliding with stable allocations are reported alongside.
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
        final var sink = new ErrorSink();
        final Allocations allocated = switch (Allocator.allocate(intent, current)) {
            case AllocationOutcome.Allocated(var allocations) -> allocations;
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
        return sink.sorted();
    }
}
