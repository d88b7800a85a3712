package io.openvni.core.status;

/**
 * Where a device stands. The YANG names are those of {@code openvni-status:sync-state}.
 */
public enum SyncState {
    PENDING("pending"),
    IN_SYNC("in-sync"),
    FAILED("failed"),
    UNREACHABLE("unreachable"),
    DRIFTED("drifted");

    private final String yangName;

    SyncState(final String yangName) {
        this.yangName = yangName;
    }

    public String yangName() {
        return yangName;
    }
}
