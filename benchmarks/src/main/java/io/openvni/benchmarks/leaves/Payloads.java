package io.openvni.benchmarks.leaves;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The request bodies of the benchmarks: the fabric of N testtool leaves, the tenant, plain NETCONF topology nodes
 * for the baseline, and the baseline's YANG Patch built from a leaf's previewed OpenConfig configuration.
 */
public final class Payloads {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The benchmark tenant's name. */
    public static final String TENANT = "bench";
    /** The testtool accepts any SSH credentials; these are not secrets. */
    public static final String SIM_USER = "admin";
    /** See {@link #SIM_USER}. */
    public static final String SIM_PASSWORD = "admin";

    private Payloads() {
        // static only
    }

    public static String leafName(final int index) {
        return "leaf" + index;
    }

    /**
     * Fabric with leaf1..leafN at consecutive ports, all in one dialect; ASNs, router IDs and VTEPs derived from the
     * index.
     */
    static String fabric(final String host, final int firstPort, final int leaves, final LeafDialect dialect) {
        final ObjectNode root = JSON.createObjectNode();
        final ObjectNode fabric = root.putObject("openvni-fabric:fabric");
        fabric.put("route-target-asn", 65000);
        fabric.put("vtep-pool", "10.255.0.0/16");
        final ArrayNode list = fabric.putArray("leaf-switch");
        for (int i = 1; i <= leaves; i++) {
            leafSwitch(list, i, host, firstPort + i - 1, SIM_USER, SIM_PASSWORD)
                .put("dialect", dialect.fabricName());
        }
        return root.toString();
    }

    /**
     * Adds leaf switch {@code leaf<index>} reached at {@code host:port}, its ASN, router ID and VTEP derived from the
     * index.
     *
     * @return the entry, for settings of its own
     */
    public static ObjectNode leafSwitch(final ArrayNode list, final int index, final String host, final int port,
            final String username, final String password) {
        final ObjectNode leaf = list.addObject();
        leaf.put("name", leafName(index));
        leaf.putObject("netconf")
            .put("host", host)
            .put("port", port)
            .put("username", username)
            .put("password", password);
        leaf.put("asn", 4_200_000_000L + index);
        leaf.put("router-id", ipv4(10, index));
        leaf.put("vtep-address", ipv4(254, index));
        return leaf;
    }

    /** One tenant, one VRF, two routed networks, no placement: every leaf switch gets both. */
    static String tenant() {
        return tenant(2);
    }

    /**
     * One tenant, one VRF, routed networks {@code net1..net<count>} with a /24 each (10.50.1.0/24 onwards; up to
     * 50,000), VNIs and VLANs allocated, no placement: every device of the fabric gets all of them.
     */
    public static String tenant(final int count) {
        return tenant(count, 1);
    }

    /**
     * As {@link #tenant(int)}, the networks spread over {@code vrfs} VRFs in turn ({@code blue}, or {@code blue1} to
     * {@code blue<vrfs>}): network n is routed by VRF (n - 1) mod vrfs + 1.
     */
    public static String tenant(final int count, final int vrfs) {
        final ObjectNode root = JSON.createObjectNode();
        final ObjectNode tenant = root.putArray("openvni-tenant:tenant").addObject();
        tenant.put("name", TENANT);
        final ArrayNode vrfList = tenant.putArray("vrf");
        for (int v = 1; v <= vrfs; v++) {
            vrfList.addObject().put("name", vrfName(v, vrfs));
        }
        final ArrayNode networks = tenant.putArray("network");
        for (int n = 1; n <= count; n++) {
            final ObjectNode network = networks.addObject();
            final String prefix = "10." + (50 + n / 256) + "." + n % 256 + ".";
            network.put("name", "net" + n);
            network.put("vrf", vrfName((n - 1) % vrfs + 1, vrfs));
            network.putArray("subnet").add(prefix + "0/24");
            network.putArray("gateway").add(prefix + "1/24");
        }
        return root.toString();
    }

    private static String vrfName(final int vrf, final int vrfs) {
        return vrfs == 1 ? "blue" : "blue" + vrf;
    }

    /** A plain NETCONF topology node, what an ODL user creates to mount a device without OpenVNI. */
    static String netconfNode(final String nodeId, final String host, final int port) {
        final ObjectNode root = JSON.createObjectNode();
        final ObjectNode node = root.putArray("network-topology:node").addObject();
        node.put("node-id", nodeId);
        final ObjectNode netconf = node.putObject("netconf-node-topology:netconf-node");
        netconf.put("host", host).put("port", port).put("tcp-only", false).put("keepalive-delay", 0);
        netconf.putObject("login-password-unencrypted").put("username", SIM_USER).put("password", SIM_PASSWORD);
        return root.toString();
    }

    /**
     * One RFC 8072 YANG Patch carrying a leaf's whole previewed configuration: each top-level list entry (network
     * instance, interface) becomes one edit, so the device gets it in one NETCONF transaction, as OpenVNI does.
     * The default instance is merged (it holds configuration that is not ours); everything else is replaced.
     *
     * @param patchId the patch's name
     * @param config the preview's configuration, RFC 7951 JSON whose members are top-level containers
     *        {@code module:container} holding one list each (OpenConfig) or top-level lists {@code module:list}
     *        (SR Linux), each entry keyed by {@code name}
     * @return the patch and the number of edits
     */
    static Patch yangPatch(final String patchId, final JsonNode config) {
        final ObjectNode root = JSON.createObjectNode();
        final ObjectNode patch = root.putObject("ietf-yang-patch:yang-patch");
        patch.put("patch-id", patchId);
        final ArrayNode edits = patch.putArray("edit");
        for (Map.Entry<String, JsonNode> top : config.properties()) {
            final String qualified = top.getKey();
            if (top.getValue().isArray()) {
                listEdits(edits, "/", qualified, top.getValue());
                continue;
            }
            final String module = qualified.substring(0, qualified.indexOf(':'));
            for (Map.Entry<String, JsonNode> list : top.getValue().properties()) {
                listEdits(edits, "/" + qualified + "/", module + ":" + list.getKey(), list.getValue());
            }
        }
        return new Patch(root.toString(), edits.size());
    }

    // One edit per entry of the list {@code qualified} (module:list) under {@code parent}.
    private static void listEdits(final ArrayNode edits, final String parent, final String qualified,
            final JsonNode entries) {
        final String list = qualified.substring(qualified.indexOf(':') + 1);
        for (JsonNode entry : entries) {
            final String name = entry.path("name").asText();
            final ObjectNode edit = edits.addObject();
            edit.put("edit-id", "edit" + edits.size());
            edit.put("operation", "default".equals(name) ? "merge" : "replace");
            edit.put("target", parent + (parent.equals("/") ? qualified : list) + "=" + name);
            edit.putObject("value").putArray(qualified).add(entry);
        }
    }

    /**
     * A YANG Patch request body.
     *
     * @param body the JSON text
     * @param edits how many edits it holds
     */
    record Patch(String body, int edits) {
    }

    /** Distinct, never-zero host addresses 10.{second}.x.y for indexes up to 62,500. */
    private static String ipv4(final int second, final int index) {
        return "10." + second + "." + index / 250 + "." + (index % 250 + 1);
    }
}
