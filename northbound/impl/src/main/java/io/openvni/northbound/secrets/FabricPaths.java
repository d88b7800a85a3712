package io.openvni.northbound.secrets;

/**
 * The paths validation errors and log lines use for the fabric's credential containers, in the style of the
 * core's validation errors ({@code /fabric/leaf-switch[leaf1]/netconf}).
 */
public final class FabricPaths {
    private FabricPaths() {
        // static paths
    }

    public static String leafNetconf(final String leaf) {
        return "/fabric/leaf-switch[" + leaf + "]/netconf";
    }

    public static String nodeSsh(final String node) {
        return "/fabric/node-router[" + node + "]/ssh";
    }
}
