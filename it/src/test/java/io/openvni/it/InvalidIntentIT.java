package io.openvni.it;

import io.openvni.testlib.controller.OpenVniController;
import io.openvni.testlib.controller.RestconfClient;
import static io.openvni.it.DemoData.ACME;
import static io.openvni.it.DemoData.ALLOCATIONS;
import static io.openvni.it.DemoData.FABRIC;
import static io.openvni.it.DemoData.STATUS;
import static io.openvni.it.DemoData.TENANTS;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad intent over RESTCONF: every case gets a 400 whose message names the offending path and the reason, and
 * leaves the fabric, the tenants, the allocations and every device's desired generation exactly as they were.
 * Each case starts from the demo fabric and tenant; since refused changes store nothing, they are put again (and
 * the controller waited for) only when a case left something else.
 */
@OpenVniController
class InvalidIntentIT {
    private static final String OTHER = TENANTS + "/tenant=other";

    /** The datastore as the last reset left it; null until the first case resets. */
    private static @Nullable Stored baseline;

    /** An HTTP request. */
    record Request(String method, String path, String body) {
        static Request put(final String path, final String body) {
            return new Request("PUT", path, body);
        }

        static Request patch(final String path, final String body) {
            return new Request("PATCH", path, body);
        }

        static Request delete(final String path) {
            return new Request("DELETE", path, null);
        }
    }

    /** One bad change, after optional valid set-up changes, and the fragments its error must contain. */
    record Case(String name, List<Request> setup, Request bad, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
            // VNIs
            bad("L2 VNI reused by a VRF", tenant("""
                "vrf":[{"name":"v","l3-vni":50500}],
                "network":[{"name":"n","l2-vni":10500,"vrf":"v"},{"name":"m","l2-vni":10500}]"""),
                "/tenants/tenant[other]/network[", "10500"),
            bad("VNI reused across L2 and L3", tenant("""
                "vrf":[{"name":"v","l3-vni":50600}],"network":[{"name":"n","l2-vni":50600}]"""),
                "/tenants/tenant[other]/", "50600"),
            bad("explicit VNI already allocated to another tenant", tenant("""
                "vrf":[{"name":"v","l3-vni":50000}]"""), "/tenants/tenant[other]/vrf[v]/l3-vni", "50000"),
            bad("L2 VNI outside the l2 pool", tenant("""
                "network":[{"name":"n","l2-vni":30000}]"""), "/tenants/tenant[other]/network[n]/l2-vni", "pool"),
            bad("L3 VNI outside the l3 pool", tenant("""
                "vrf":[{"name":"v","l3-vni":60000}]"""), "/tenants/tenant[other]/vrf[v]/l3-vni", "pool"),
            // VLANs
            bad("VLAN outside the pool", tenant("""
                "network":[{"name":"n","vlan":5}]"""), "/tenants/tenant[other]/network[n]/vlan", "pool"),
            bad("VLAN reused", tenant("""
                "network":[{"name":"n","vlan":300},{"name":"m","vlan":300}]"""), "/vlan", "300"),
            // references
            bad("network names an unknown VRF", tenant("""
                "network":[{"name":"n","vrf":"blue"}]"""), "/tenants/tenant[other]/network[n]/vrf", "blue"),
            bad("network placed on an unknown node router", tenant("""
                "network":[{"name":"n","node-routers":["ghost"]}]"""),
                "/tenants/tenant[other]/network[n]/node-routers", "ghost"),
            bad("network placed on an unknown leaf switch", tenant("""
                "network":[{"name":"n","leaf-switches":["ghost"]}]"""),
                "/tenants/tenant[other]/network[n]/leaf-switches", "ghost"),
            bad("removing a VRF its networks use", acme(t -> t.remove("vrf")),
                "/tenants/tenant[acme]/network[", "red"),
            bad("removing a leaf switch a network is placed on", fabric(f -> f.withArray("leaf-switch").remove(0)),
                "/tenants/tenant[acme]/network[db]/leaf-switches", "leaf1"),
            // addressing
            bad("subnets overlap within a VRF", tenant("""
                "vrf":[{"name":"v"}],"network":[{"name":"n","vrf":"v","subnet":["10.9.0.0/24"]},
                {"name":"m","vrf":"v","subnet":["10.9.0.128/25"]}]"""), "/subnet", "10.9.0"),
            bad("subnets overlap within a network", tenant("""
                "network":[{"name":"n","subnet":["10.9.0.0/16","10.9.1.0/24"]}]"""),
                "/tenants/tenant[other]/network[n]/subnet", "overlap"),
            bad("subnet with host bits set", tenant("""
                "network":[{"name":"n","subnet":["10.9.0.1/24"]}]"""),
                "/tenants/tenant[other]/network[n]/subnet", "10.9.0.0/24"),
            bad("gateway outside its subnet", tenant("""
                "vrf":[{"name":"v"}],"network":[{"name":"n","vrf":"v","subnet":["10.9.0.0/24"],
                "gateway":["10.8.0.1/24"]}]"""), "/tenants/tenant[other]/network[n]/gateway", "10.8.0.1"),
            bad("gateway on the network address", tenant("""
                "vrf":[{"name":"v"}],"network":[{"name":"n","vrf":"v","subnet":["10.9.0.0/24"],
                "gateway":["10.9.0.0/24"]}]"""), "/tenants/tenant[other]/network[n]/gateway", "network address"),
            bad("gateway prefix length differs from its subnet", tenant("""
                "vrf":[{"name":"v"}],"network":[{"name":"n","vrf":"v","subnet":["10.9.0.0/24"],
                "gateway":["10.9.0.1/16"]}]"""), "/tenants/tenant[other]/network[n]/gateway", "prefix length"),
            bad("gateway on a network without a VRF", tenant("""
                "network":[{"name":"n","subnet":["10.9.0.0/24"],"gateway":["10.9.0.1/24"]}]"""),
                "/tenants/tenant[other]/network[n]/gateway", "VRF"),
            // route targets
            bad("import route target with an out-of-range number", tenant("""
                "vrf":[{"name":"v","import-route-target":["65000:99999999999"]}]"""),
                "/tenants/tenant[other]/vrf[v]/import-route-target", "65000:99999999999"),
            bad("export route target with an IPv4 administrator and a 4-byte number", tenant("""
                "vrf":[{"name":"v","export-route-target":["192.0.2.1:70000"]}]"""),
                "/tenants/tenant[other]/vrf[v]/export-route-target", "65535"),
            bad("route target with a 4-byte ASN and a 4-byte number", tenant("""
                "vrf":[{"name":"v","import-route-target":["4200000000:70000"]}]"""),
                "/tenants/tenant[other]/vrf[v]/import-route-target", "4-byte ASN"),
            bad("route target with an invalid IPv4 administrator", tenant("""
                "vrf":[{"name":"v","import-route-target":["300.1.1.1:5"]}]"""),
                "/tenants/tenant[other]/vrf[v]/import-route-target", "300.1.1.1"),
            // pools
            new Case("l2 VNI pool exhausted", List.of(fabricPatch("\"vni-pools\":{\"l2\":{\"start\":10000,"
                + "\"end\":10001}}")), tenant("\"network\":[{\"name\":\"n\"}]"),
                List.of("/tenants/tenant[other]/network[n]/l2-vni", "exhausted")),
            new Case("VLAN pool exhausted", List.of(fabricPatch("\"vlan-pool\":{\"start\":100,\"end\":101}")),
                tenant("\"network\":[{\"name\":\"n\"}]"), List.of("/tenants/tenant[other]/network[n]/vlan",
                    "exhausted")),
            new Case("l3 VNI pool exhausted", List.of(fabricPatch("\"vni-pools\":{\"l3\":{\"start\":50000,"
                + "\"end\":50000}}")), tenant("\"vrf\":[{\"name\":\"v\"}]"),
                List.of("/tenants/tenant[other]/vrf[v]/l3-vni", "exhausted")),
            bad("VTEP pool exhausted", fabric(f -> {
                // the only address of the pool is node1's already
                f.put("vtep-pool", "10.255.0.1/32");
                final var third = ((ObjectNode) f.withArray("node-router").get(0).deepCopy());
                third.put("name", "node3").put("router-id", "10.0.1.3");
                third.withArray("bgp-peer").removeAll();
                f.withArray("node-router").add(third);
            }), "/fabric/node-router[", "vtep"),
            // per-device limits (acme puts web and db on leaf1 and node1, web alone on leaf2 and node2)
            new Case("leaf switch over its network limit", List.of(fabricPatch(
                "\"limits\":{\"leaf-switch\":{\"max-l2-vnis\":3}}")), tenant("""
                "network":[{"name":"n","leaf-switches":["leaf1"]},{"name":"m","leaf-switches":["leaf1"]}]"""),
                List.of("/fabric/leaf-switch[leaf1]", "4 networks (L2 VNIs)", "limit of 3",
                    "/fabric/limits/leaf-switch/max-l2-vnis")),
            new Case("node router over its VRF limit", List.of(fabricPatch(
                "\"limits\":{\"node-router\":{\"max-vrfs\":1}}")), tenant("""
                "vrf":[{"name":"v"}],"network":[{"name":"n","vrf":"v","node-routers":["node2"]}]"""),
                List.of("/fabric/node-router[node2]", "2 VRFs", "limit of 1", "/fabric/limits/node-router/max-vrfs")),
            bad("limit lowered below what a device carries", fabricPatch(
                "\"limits\":{\"leaf-switch\":{\"max-l2-vnis\":1}}"),
                "/fabric/leaf-switch[leaf1]", "2 networks (L2 VNIs)", "limit of 1"),
            bad("l2 pool start after end", fabric(f -> f.set("vni-pools",
                RestconfClient.parse("{\"l2\":{\"start\":20000,\"end\":10000}}"))), "/fabric/vni-pools/l2", "20000"),
            bad("l2 and l3 pools overlap", fabric(f -> f.set("vni-pools",
                RestconfClient.parse("{\"l3\":{\"start\":19000,\"end\":19999}}"))), "/fabric/vni-pools/l3",
                "overlap"),
            // devices
            bad("duplicate router ID", fabric(f -> leaf(f, 1).put("router-id", "10.0.0.1")), "router-id", "10.0.0.1"),
            bad("duplicate VTEP address", fabric(f -> leaf(f, 1).put("vtep-address", "10.254.0.1")), "vtep-address",
                "10.254.0.1"),
            bad("node VTEP equal to a leaf VTEP", fabric(f -> node(f, 0).put("vtep-address", "10.254.0.2")),
                "vtep-address", "10.254.0.2"),
            bad("node router without credentials", fabric(f -> ((ObjectNode) node(f, 0).get("ssh"))
                .remove("password")), "/fabric/node-router[node1]/ssh", "password"),
            bad("encrypted password this controller cannot decrypt", fabric(f -> {
                final var netconf = (ObjectNode) leaf(f, 0).get("netconf");
                netconf.remove("password");
                netconf.put("encrypted-password", "bm90IGEgY2lwaGVydGV4dA==");
            }),
                "/fabric/leaf-switch[leaf1]/netconf/encrypted-password", "cannot be decrypted"),
            bad("password given in both forms", fabric(f -> ((ObjectNode) node(f, 0).get("ssh"))
                .put("encrypted-password", "bm90IGEgY2lwaGVydGV4dA==")),
                "/fabric/node-router[node1]/ssh/encrypted-password", "not both"),
            bad("node attached to an unknown leaf switch", fabric(f -> node(f, 0).set("attached-leaf-switch",
                RestconfClient.parse("[\"leaf9\"]"))), "/fabric/node-router[node1]/attached-leaf-switch", "leaf9"),
            bad("BGP peer at the node's own router ID", fabric(f -> node(f, 0).set("bgp-peer",
                RestconfClient.parse("[{\"address\":\"10.0.1.1\",\"asn\":65001}]"))),
                "/fabric/node-router[node1]/bgp-peer[10.0.1.1]", "router"),
            bad("leaf switch and node router with one name", fabric(f -> node(f, 1).put("name", "leaf2")),
                "leaf2", "name"),
            bad("multicast anycast gateway MAC", fabric(f -> f.put("anycast-gateway-mac", "01:00:5e:00:00:01")),
                "/fabric/anycast-gateway-mac", "multicast"),
            bad("route-target-asn removed while tenants exist", fabric(f -> f.remove("route-target-asn")),
                "/fabric/route-target-asn", "route target"),
            // values YANG types do not restrict: the controller names the leaf and the reason
            bad("ASN out of range", fabric(f -> leaf(f, 0).put("asn", 0)), "/fabric/leaf-switch[leaf1]/asn", "0"),
            bad("VNI out of range", tenant("\"network\":[{\"name\":\"n\",\"l2-vni\":0}]"),
                "/tenants/tenant[other]/network[n]/l2-vni", "0"),
            bad("VLAN out of range", tenant("\"network\":[{\"name\":\"n\",\"vlan\":5000}]"),
                "/tenants/tenant[other]/network[n]/vlan", "5000"),
            bad("MTU out of range", tenant("\"network\":[{\"name\":\"n\",\"mtu\":100}]"),
                "/tenants/tenant[other]/network[n]/mtu", "100"),
            bad("malformed route target", tenant("\"vrf\":[{\"name\":\"v\",\"export-route-target\":[\"abc\"]}]"),
                "/tenants/tenant[other]/vrf[v]/export-route-target", "abc"),
            bad("malformed router ID", fabric(f -> leaf(f, 0).put("router-id", "300.1.1.1")),
                "/fabric/leaf-switch[leaf1]/router-id", "300.1.1.1"),
            bad("malformed anycast gateway MAC", fabric(f -> f.put("anycast-gateway-mac", "zz")),
                "/fabric/anycast-gateway-mac", "zz"),
            bad("network name with a space", Request.put(TENANTS + "/tenant=other",
                "{\"openvni-tenant:tenant\":[{\"name\":\"other\",\"network\":[{\"name\":\"my net\"}]}]}"),
                "/tenants/tenant[other]/network[my net]", "name"),
            bad("malformed subnet", tenant("\"network\":[{\"name\":\"n\",\"subnet\":[\"10.0.0.0/33\"]}]"),
                "/tenants/tenant[other]/network[n]/subnet", "10.0.0.0/33"),
            bad("FRR pathspace that is not a plain name", fabric(f -> node(f, 0).set("frr",
                RestconfClient.parse("{\"pathspace\":\"a;reboot\"}"))), "/fabric/node-router[node1]/frr/pathspace",
                "a;reboot"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRejectedAndChangesNothing(final Case badCase, final RestconfClient restconf) {
        startFromBaseline(restconf);
        try {
            for (var request : badCase.setup()) {
                DemoData.expectOk(send(restconf, request), 200, 201, 204);
            }
            final var before = Stored.read(restconf);

            final var response = send(restconf, badCase.bad());
            assertEquals(400, response.status(), response::toString);
            assertAll(badCase.expected().stream().map(fragment -> () -> assertTrue(response.body().contains(fragment),
                () -> "error does not mention '" + fragment + "': " + response)));

            Stored.read(restconf).assertSameAs(before);
        } finally {
            if (!badCase.setup().isEmpty()) {
                restoreBaselineFabric(restconf);
            }
        }
    }

    /**
     * What a refused change must leave exactly as it was: the fabric and the tenants, the allocations, and each
     * device's desired generation (the controller compiled nothing new).
     */
    record Stored(String fabric, String tenants, String allocations, Map<String, Long> generations) {
        static Stored read(final RestconfClient restconf) {
            return new Stored(restconf.get(FABRIC).json().toString(), restconf.get(TENANTS).json().toString(),
                restconf.get(ALLOCATIONS).json().toString(), DemoData.generations(restconf.get(STATUS).json()));
        }

        void assertSameAs(final Stored before) {
            assertEquals(before.fabric(), fabric, "the fabric changed");
            assertEquals(before.tenants(), tenants, "the tenants changed");
            assertEquals(before.allocations(), allocations, "the allocations changed");
            assertEquals(before.generations(), generations, "a device's desired generation changed");
        }
    }

    /**
     * Brings the demo fabric and tenant back only when the datastore differs from what the last reset left: a
     * refused change stores nothing, so the next case starts where the previous one did, and the controller,
     * settled once after the reset, has nothing new to process (its allocations, which some cases collide with,
     * stay in force).
     */
    private static void startFromBaseline(final RestconfClient restconf) {
        if (baseline == null || !baseline.equals(Stored.read(restconf))) {
            DemoData.reset(restconf);
            baseline = Stored.read(restconf);
        }
    }

    /**
     * Undoes a case's set-up: the fabric as the last reset left it, credentials already sealed, so nothing is
     * sealed again. The pools the set-up narrowed held every allocated value, so allocations and compiled devices
     * stay as they were.
     */
    private static void restoreBaselineFabric(final RestconfClient restconf) {
        final var stored = baseline;
        if (stored != null) {
            DemoData.expectOk(restconf.put(FABRIC, stored.fabric()), 200, 204);
        }
    }

    private static RestconfClient.Response send(final RestconfClient restconf, final Request request) {
        return restconf.send(request.method(), request.path(), request.body());
    }

    private static Case bad(final String name, final Request request, final String... expected) {
        return new Case(name, List.of(), request, Arrays.asList(expected));
    }

    /** Creates tenant "other" with the given JSON members. */
    private static Request tenant(final String members) {
        return Request.put(OTHER, "{\"openvni-tenant:tenant\":[{\"name\":\"other\"," + members + "}]}");
    }

    @Test
    void deleteOfAReferencedObjectIsRefusedAndChangesNothing(final RestconfClient restconf) {
        startFromBaseline(restconf);
        final var before = Stored.read(restconf);
        // ODL RESTCONF 10.0.2 reports any failed DELETE commit as 500 "Transaction to delete failed" and drops the
        // cause (MdsalRestconfStrategy.deleteData); the controller's reason is in its log. PUT of the parent gives
        // the full message (the "removing ..." cases above).
        final var vrf = restconf.delete(ACME + "/vrf=red");
        assertEquals(500, vrf.status(), vrf::toString);
        final var leaf = restconf.delete(FABRIC + "/leaf-switch=leaf1");
        assertEquals(500, leaf.status(), leaf::toString);
        Stored.read(restconf).assertSameAs(before);
    }

    private static Request fabricPatch(final String members) {
        return Request.patch(FABRIC, "{\"openvni-fabric:fabric\":{" + members + "}}");
    }

    /** Puts the demo tenant acme after a change. */
    private static Request acme(final Consumer<ObjectNode> change) {
        final var document = (ObjectNode) RestconfClient.parse(DemoData.acme());
        change.accept((ObjectNode) document.withArray("openvni-tenant:tenant").get(0));
        return Request.put(ACME, document.toString());
    }

    /** Puts the demo fabric after a change. */
    private static Request fabric(final Consumer<ObjectNode> change) {
        final var document = (ObjectNode) RestconfClient.parse(DemoData.fabric());
        change.accept((ObjectNode) document.get("openvni-fabric:fabric"));
        return Request.put(FABRIC, document.toString());
    }

    private static ObjectNode leaf(final ObjectNode fabric, final int index) {
        return (ObjectNode) ((ArrayNode) fabric.get("leaf-switch")).get(index);
    }

    private static ObjectNode node(final ObjectNode fabric, final int index) {
        return (ObjectNode) ((ArrayNode) fabric.get("node-router")).get(index);
    }
}
