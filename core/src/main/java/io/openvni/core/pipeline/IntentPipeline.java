package io.openvni.core.pipeline;

import static java.util.Objects.requireNonNull;

import io.openvni.core.allocation.AllocationOutcome;
import io.openvni.core.allocation.Allocations;
import io.openvni.core.compile.CompileResult;
import io.openvni.core.compile.CompiledFabric;
import io.openvni.core.compile.IncrementalCompiler;
import io.openvni.core.compile.KnownGenerations;
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
     * @param generations every device's desired generation now; persist them when they differ from the persisted
     *                    ones, before the reconciler sees the compile, so that no generation handed out is lost
     */
    public record Step(Allocations allocations, boolean allocationsChanged, CompileResult compile,
            KnownGenerations generations) {
        public Step {
            requireNonNull(allocations);
            requireNonNull(compile);
            requireNonNull(generations);
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
    private KnownGenerations generations;

    /** A pipeline whose devices start at generation 1. */
    public IntentPipeline() {
        this(KnownGenerations.NONE);
    }

    /**
     * A pipeline that continues the generations an earlier controller persisted.
     *
     * @param persisted every device's generation as last persisted
     */
    public IntentPipeline(final KnownGenerations persisted) {
        generations = requireNonNull(persisted);
    }

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
        final var result = IncrementalCompiler.compile(compiled, intent, allocated.allocations(), generations,
            allocated.problems());
        compiled = result.fabric();
        generations = generations.after(result);
        final var toPersist = allocated.persisted();
        return new Step(toPersist, !toPersist.equals(persisted), result, generations);
    }
}
