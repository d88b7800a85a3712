package io.openvni.southbound.frr.kernel;

import java.util.List;

/**
 * What the kernel needs, in two parts: batches that run before FRR is configured (namespaces, devices and fixes
 * FRR relies on) and batches that run after it (deleting what FRR no longer refers to).
 *
 * @param before batches to run before the FRR changes, in order
 * @param after batches to run after the FRR changes, in order
 */
public record KernelOps(List<IpBatch> before, List<IpBatch> after) {
    public KernelOps {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }

    /** Whether the kernel already matches the plan. */
    public boolean isEmpty() {
        return before.isEmpty() && after.isEmpty();
    }
}
