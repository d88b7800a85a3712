package io.openvni.core.allocation;

/**
 * What kind of value an allocation holds. The YANG names are those of {@code openvni-status:allocation-kind}.
 */
public enum AllocationKind {
    L2_VNI("l2-vni"),
    L3_VNI("l3-vni"),
    VLAN("vlan"),
    RD_INDEX("rd-index"),
    VTEP("vtep");

    private final String yangName;

    AllocationKind(final String yangName) {
        this.yangName = yangName;
    }

    public String yangName() {
        return yangName;
    }

    public static AllocationKind ofYangName(final String name) {
        for (var kind : values()) {
            if (kind.yangName.equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown allocation kind '" + name + "'");
    }
}
