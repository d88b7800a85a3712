package io.openvni.core.compile;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * The outcome of an incremental compile.
 *
 * @param fabric the new compiled fabric
 * @param recompiled devices whose intent was recompiled because the change could touch them
 * @param changed devices whose desired configuration actually changed (their generation was bumped), new devices
 *                included
 * @param removed devices that no longer exist
 */
public record CompileResult(CompiledFabric fabric, Set<String> recompiled, Set<String> changed,
        Set<String> removed) {
    public CompileResult {
        requireNonNull(fabric);
        recompiled = Set.copyOf(recompiled);
        changed = Set.copyOf(changed);
        removed = Set.copyOf(removed);
    }
}
