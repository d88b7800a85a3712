package io.openvni.southbound.openconfig.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.core.intent.LeafSwitch;
import io.openvni.core.intent.NetconfAccess;
import io.openvni.core.intent.Secret;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.binding.data.codec.impl.di.DefaultBindingDOMCodecFactory;
import org.opendaylight.yangtools.binding.runtime.spi.BindingRuntimeHelpers;
import org.opendaylight.yang.gen.v1.urn.opendaylight.netconf.device.rev251028.credentials.credentials.LoginPw;
import org.opendaylight.yang.gen.v1.urn.tbd.params.xml.ns.yang.network.topology.rev131021.network.topology.topology.Node;

class NetconfNodeMappingTest {
    private static final String SUBMODULE =
        "http://openconfig.net/yang/network-instance?module=openconfig-network-instance-l2&revision=2025-01-01";

    /** Stands for a sealed password: the mapping passes the ciphertext through untouched. */
    private static final byte[] CIPHERTEXT = "ciphertext-of-s3cret".getBytes(StandardCharsets.UTF_8);

    private static LeafSwitch leaf(final NetconfAccess access) {
        return new LeafSwitch("leaf1", LeafSwitch.Dialect.OPENCONFIG, access, 65001, "10.0.0.1", "10.1.0.1",
            "Loopback1");
    }

    @Test
    void mapsConnectionAndCredentials() {
        final Node node = NetconfNodeMapping.toNode(
            leaf(new NetconfAccess("192.0.2.10", 830, "admin", new Secret("s3cret"))), CIPHERTEXT, null);
        assertEquals("leaf1", node.getNodeId().getValue());
        final var netconf = NetconfNodeMapping.netconfNode(node);
        assertNotNull(netconf);
        assertEquals("192.0.2.10", netconf.getHost().getIpAddress().getIpv4Address().getValue());
        assertEquals(830, netconf.getPort().getValue().intValue());
        assertEquals(Boolean.FALSE, netconf.getTcpOnly());
        // the encrypted login-password case: ODL decrypts it with the AAA service; the plaintext goes nowhere
        final var credentials = assertInstance(LoginPw.class, netconf.getCredentials()).getLoginPassword();
        assertEquals("admin", credentials.getUsername());
        assertArrayEquals(CIPHERTEXT, credentials.getPassword());
        assertFalse(node.toString().contains("s3cret"));
        assertEquals(NetconfNodeMapping.KEEPALIVE_DELAY_SECONDS, netconf.getKeepaliveDelay().longValue());
        // the request timeout bounds every RPC only while keepalives are on; a commit of thousands of entries
        // takes strict devices minutes
        assertTrue(netconf.getKeepaliveDelay().longValue() > 0);
        assertEquals(1_800_000, netconf.getDefaultRequestTimeoutMillis().longValue());
        assertEquals(0, netconf.getMaxConnectionAttempts().longValue(), "retry forever");
        assertEquals(NetconfNodeMapping.MIN_BACKOFF_MILLIS, netconf.getMinBackoffMillis().intValue());
        assertEquals(NetconfNodeMapping.MAX_BACKOFF_MILLIS, netconf.getMaxBackoffMillis().longValue());
        // no schema additions: ODL's shared cache, the device's own capabilities only
        assertNull(netconf.getYangModuleCapabilities());
        assertEquals("schema", netconf.getSchemaCacheDirectory());
    }

    @Test
    void hostNamesAndMissingPassword() {
        final var netconf = NetconfNodeMapping.netconfNode(NetconfNodeMapping.toNode(
            leaf(new NetconfAccess("leaf1.example.net", 17830, "ops", null)), null, null));
        assertNotNull(netconf);
        assertEquals("leaf1.example.net", netconf.getHost().getDomainName().getValue());
        assertEquals(17830, netconf.getPort().getValue().intValue());
        final var credentials = assertInstance(LoginPw.class, netconf.getCredentials()).getLoginPassword();
        assertEquals("ops", credentials.getUsername());
        assertNull(credentials.getPassword());
    }

    @Test
    void schemaAdditionsAreAddedToTheDevicesOwn() {
        final var netconf = NetconfNodeMapping.netconfNode(NetconfNodeMapping.toNode(
            leaf(new NetconfAccess("192.0.2.10", 830, "admin", null, List.of(SUBMODULE, SUBMODULE), "/opt/yang")),
            null, "openvni-schema-0123456789abcdef"));
        assertNotNull(netconf);
        final var capabilities = netconf.getYangModuleCapabilities();
        assertNotNull(capabilities);
        assertEquals(Boolean.FALSE, capabilities.getOverride());
        assertEquals(Set.of(SUBMODULE), capabilities.getCapability());
        assertEquals("openvni-schema-0123456789abcdef", netconf.getSchemaCacheDirectory());
    }

    @Test
    void equalIntentGivesEqualNodes() {
        final var access = new NetconfAccess("192.0.2.10", 830, "admin", new Secret("a"), List.of(SUBMODULE), null);
        assertEquals(NetconfNodeMapping.toNode(leaf(access), CIPHERTEXT.clone(), "d"),
            NetconfNodeMapping.toNode(leaf(access), CIPHERTEXT.clone(), "d"));
        final var otherPort = new NetconfAccess("192.0.2.10", 831, "admin", new Secret("a"), List.of(SUBMODULE), null);
        assertFalse(NetconfNodeMapping.toNode(leaf(access), CIPHERTEXT, "d").equals(
            NetconfNodeMapping.toNode(leaf(otherPort), CIPHERTEXT, "d")));
        assertFalse(NetconfNodeMapping.toNode(leaf(access), CIPHERTEXT, "d").equals(
            NetconfNodeMapping.toNode(leaf(access), "other".getBytes(StandardCharsets.UTF_8), "d")),
            "a changed password must rewrite the node");
    }

    @Test
    void storedNodeEqualsTheMappedOne() {
        // the manager skips the write (and ODL's reconnect) when the stored node equals the mapped one
        final var codec = new DefaultBindingDOMCodecFactory().createBindingDOMCodec(
            BindingRuntimeHelpers.createRuntimeContext());
        for (var node : List.of(
                NetconfNodeMapping.toNode(leaf(new NetconfAccess("127.0.0.1", 830, "admin", new Secret("a"),
                    List.of(SUBMODULE, SUBMODULE.replace("l2", "l3")), "/x")), CIPHERTEXT, "openvni-schema-0123"),
                NetconfNodeMapping.toNode(leaf(new NetconfAccess("leaf1.example.net", 830, "admin", null)), null,
                    null))) {
            final var path = NetconfNodeMapping.nodePath("leaf1");
            final var normalized = codec.toNormalizedDataObject(path, node);
            final var back = codec.fromNormalizedNode(normalized.path(), normalized.node()).getValue();
            // (assertTrue, not assertEquals: a failure message would show the password)
            assertTrue(node.equals(back), "the stored node reads back different from the mapped one");
        }
    }

    @Test
    void pathsAndConnectability() {
        final var path = NetconfNodeMapping.nodePath("leaf7");
        assertTrue(path.toString().contains("topology-netconf") && path.toString().contains("leaf7"),
            path::toString);
        assertEquals(Node.class, path.lastStep().type());
        assertTrue(NetconfNodeMapping.isConnectable(leaf(new NetconfAccess("h", 830, "u", null))));
        assertFalse(NetconfNodeMapping.isConnectable(leaf(new NetconfAccess("", 830, "", null))));
    }

    private static <T> T assertInstance(final Class<T> type, final Object value) {
        assertTrue(type.isInstance(value), () -> "expected " + type.getSimpleName() + ", got " + value);
        return type.cast(value);
    }
}
