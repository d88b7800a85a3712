package io.openvni.northbound.binding;

import static java.util.Objects.requireNonNull;

import io.openvni.core.allocation.AllocationOutcome;
import io.openvni.core.allocation.Allocations;
import io.openvni.core.intent.Intent;
import io.openvni.core.validation.ValidationError;
import java.util.List;

/**
 * One generation of the configuration datastore as the core sees it: the intent, the allocations persisted with
 * it, and what validating and allocating it against them gave.
 *
 * @param intent the fabric and the tenants; {@link Intent#EMPTY} when credentials could not be read
 * @param persisted the allocations stored in the same generation
 * @param outcome the complete allocations, or every error (credential errors alone when those are wrong)
 */
public record DecodedIntent(Intent intent, Allocations persisted, AllocationOutcome outcome) {
    public DecodedIntent {
        requireNonNull(intent);
        requireNonNull(persisted);
        requireNonNull(outcome);
    }

    /** Every error, sorted by path then reason; empty when the intent is valid. */
    public List<ValidationError> errors() {
        return switch (outcome) {
            case AllocationOutcome.Allocated allocated -> List.of();
            case AllocationOutcome.Failed(var errors) -> errors;
        };
    }
}
