package io.openvni.core.allocation;

import static java.util.Objects.requireNonNull;

/**
 * A persisted allocation the allocator could not keep: unparsable, outside the values its kind can take, or a
 * value another owner keeps already. Stable allocation means an owner's value never changes behind the operator's
 * back, so the owner is not renumbered: it stays without a value (its devices keep their previous configuration)
 * and the entry stays persisted as it is, reported, until the operator removes it (the owner then gets a fresh
 * value) or gives the owner an explicit value.
 *
 * @param kind the kind of the entry
 * @param owner the owner's path
 * @param stored the persisted value, as stored
 * @param reason why it cannot be used
 */
public record AllocationProblem(AllocationKind kind, String owner, String stored, String reason) {
    public AllocationProblem {
        requireNonNull(kind);
        requireNonNull(owner);
        requireNonNull(stored);
        requireNonNull(reason);
    }

    /** The entry as persisted, kept so that the next allocation reports it again instead of renumbering. */
    Allocation entry() {
        return new Allocation(kind, owner, stored);
    }

    /** The whole error, naming the owner, the entry and what the operator can do. */
    public String message() {
        return owner + ": its persisted " + kind.yangName() + " '" + stored + "' " + reason
            + "; the owner is left without one rather than renumbered: delete /allocations/allocation["
            + kind.yangName() + "][" + owner + "] to allocate a new value, or give it an explicit value";
    }
}
