package io.openvni.core.compile;

/**
 * What a device is in the fabric. The YANG names are those of the status and preview models.
 */
public enum DeviceRole {
    LEAF_SWITCH("leaf-switch"),
    NODE_ROUTER("node-router");

    private final String yangName;

    DeviceRole(final String yangName) {
        this.yangName = yangName;
    }

    public String yangName() {
        return yangName;
    }
}
