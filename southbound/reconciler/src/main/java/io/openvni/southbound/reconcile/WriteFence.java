package io.openvni.southbound.reconcile;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Whether this controller may write to devices now. In a cluster only the member that owns the controller singleton
 * reconciles, but a member cut off from the others keeps believing it owns it until the cluster downs it, and a
 * pass already running finishes its driver call after the singleton moved: a fence makes such a member stop writing
 * before another member starts. Asked right before every apply, never before a read.
 */
@FunctionalInterface
public interface WriteFence {
    /** Always open: a controller that is alone. */
    WriteFence OPEN = () -> null;

    /**
     * Waits, bounded, until this controller may write, or tells why it may not.
     *
     * @return {@code null} to go on and write, or the reason not to (shown in the device's status; the pass is
     *     retried with backoff)
     * @throws InterruptedException if interrupted while waiting
     */
    @Nullable String awaitWrite() throws InterruptedException;
}
