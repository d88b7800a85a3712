package io.openvni.core.intent;

/**
 * Paths of intent objects as operators see them in RESTCONF ({@code /tenants/tenant[acme]/network[web]}). They
 * name owners of allocations and the subject of validation errors.
 */
public final class IntentPaths {
    private IntentPaths() {
        // constants and factories only
    }

    public static final String FABRIC = "/fabric";

    public static String tenant(final String tenant) {
        return "/tenants/tenant[" + tenant + "]";
    }

    public static String vrf(final String tenant, final String vrf) {
        return tenant(tenant) + "/vrf[" + vrf + "]";
    }

    public static String network(final String tenant, final String network) {
        return tenant(tenant) + "/network[" + network + "]";
    }

    public static String leafSwitch(final String name) {
        return FABRIC + "/leaf-switch[" + name + "]";
    }

    public static String nodeRouter(final String name) {
        return FABRIC + "/node-router[" + name + "]";
    }
}
