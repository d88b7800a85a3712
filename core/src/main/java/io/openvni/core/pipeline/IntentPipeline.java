package io.openvni.core.pipeline;

import static java.util.Objects.requireNonNull;

import io.openvni.core.allocation.AllocationOutcome;
import io.openvni.core.allocation.Allocations;
import io.openvni.core.compile.CompileResult;
import io.openvni.core.compile.CompiledFabric;
import io.openvni.core.compile.IncrementalCompiler;
import io.openvni.core.intent.Intent;
import io.openvni.core.validation.IntentValidator;
import io.openvni.core.validation.ValidationError;
import java.util.List;

/**
 * The single-threaded heart of the controller: takes each committed intent together with the persisted
 * allocations and produces the next allocations and the incremental compile. It holds the last compiled fabric;
 * callers serialize calls.
 */
public final class IntentPipeline {
    /**
     * What one step produced.
     *
     * @param allocations the allocations to persist when {@link #allocationsChanged()}: those in force and the
     *        entries the allocator could not keep, as they were stored (see
     *        {@link AllocationOutcome.Allocated#persisted()})
     * @param allocationsChanged whether they differ from the persisted ones
     * @param compile the incremental compile
     */
    public record Step(Allocations allocations, boolean allocationsChanged, CompileResult compile) {
        public Step {
            requireNonNull(allocations);
            requireNonNull(compile);
        }
    }

    /**
     * The committed intent could not be compiled: possible only when validation was bypassed (intent written
     * before the validator was registered, or data restored from an older controller).
     */
    public static final class RejectedIntentException extends Exception {
        private static final long serialVersionUID = 1L;

        private final List<ValidationError> errors;

        RejectedIntentException(final List<ValidationError> errors) {
            super(errors.size() + " validation error(s), first: " + errors.getFirst());
            this.errors = List.copyOf(errors);
        }

        public List<ValidationError> errors() {
            return errors;
        }
    }

    private CompiledFabric compiled = CompiledFabric.EMPTY;

    /** The last compiled fabric. */
    public CompiledFabric compiled() {
        return compiled;
    }

    /**
     * Processes a committed intent. On rejection the previous compile stays in force.
     */
    public Step process(final Intent intent, final Allocations persisted) throws RejectedIntentException {
        return process(intent, persisted, IntentValidator.admitAndAllocate(intent, persisted));
    }

    /**
     * Processes a committed intent that was validated already, when it was admitted.
     *
     * @param outcome what {@link IntentValidator#validateAndAllocate} gave for this intent and these allocations
     */
    public Step process(final Intent intent, final Allocations persisted, final AllocationOutcome outcome)
            throws RejectedIntentException {
        final var allocated = switch (outcome) {
            case AllocationOutcome.Allocated ok -> ok;
            case AllocationOutcome.Failed failed -> throw new RejectedIntentException(failed.errors());
        };
        final var result = IncrementalCompiler.compile(compiled, intent, allocated.allocations(),
            allocated.problems());
        compiled = result.fabric();
        final var toPersist = allocated.persisted();
        return new Step(toPersist, !toPersist.equals(persisted), result);
    }
}
