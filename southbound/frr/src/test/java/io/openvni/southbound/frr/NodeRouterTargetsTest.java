package io.openvni.southbound.frr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.core.intent.Fabric;
import io.openvni.core.intent.FrrSettings;
import io.openvni.core.intent.NodeRouter;
import io.openvni.core.intent.Secret;
import io.openvni.core.intent.SshAccess;
import io.openvni.southbound.ssh.Credentials;
import io.openvni.southbound.ssh.SshTarget;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class NodeRouterTargetsTest {
    // what the controller published last
    private final AtomicReference<Optional<Fabric>> published = new AtomicReference<>(Optional.empty());
    private final NodeRouterTargets targets = new NodeRouterTargets(published::get);

    private static NodeRouter node(final String name, final String host, final Secret password,
            final Secret privateKey) {
        return new NodeRouter(name, new SshAccess(host, 2222, "root", password, privateKey), FrrSettings.DEFAULT,
            65101, "10.0.1.1", null, List.of(), List.of());
    }

    private void publish(final NodeRouter... nodes) {
        published.set(Optional.of(Fabric.EMPTY.withDevices(List.of(), List.of(nodes))));
    }

    @Test
    void noTargetsWhileNoFabricIsPublished() {
        assertEquals(Optional.empty(), targets.target("n1"));
    }

    @Test
    void targetsComeFromThePublishedFabric() {
        publish(node("n1", "192.0.2.11", new Secret("pw"), null));
        assertEquals(Optional.of(SshTarget.of("192.0.2.11", 2222, "root", Credentials.password("pw"))),
            targets.target("n1"));
        assertEquals(Optional.empty(), targets.target("n2"));
    }

    @Test
    void aNewerFabricReplacesThemAndAWithdrawnOneRemovesThem() {
        publish(node("n1", "192.0.2.11", new Secret("pw"), null));
        assertEquals("192.0.2.11", targets.target("n1").orElseThrow().host());
        publish(node("n1", "192.0.2.99", new Secret("pw"), null));
        assertEquals("192.0.2.99", targets.target("n1").orElseThrow().host());
        published.set(Optional.empty());
        assertEquals(Optional.empty(), targets.target("n1"));
    }

    @Test
    void aNodeWithAnUnreadableKeyHasNoTargetAndTheOthersStillDo() {
        publish(node("n1", "192.0.2.11", null, new Secret("not a private key")),
            node("n2", "192.0.2.12", new Secret("pw"), null));
        assertEquals(Optional.empty(), targets.target("n1"));
        assertTrue(targets.target("n2").isPresent());
    }
}
