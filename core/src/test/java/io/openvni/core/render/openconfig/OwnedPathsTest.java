package io.openvni.core.render.openconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.core.render.openconfig.OwnedPaths.KeyPrefix;
import io.openvni.core.render.openconfig.OwnedPaths.ListEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one decision of what OpenVNI owns on a leaf, whatever the dialect that built the paths. */
class OwnedPathsTest {
    private static final String INSTANCES = "/srl_nokia-network-instance:network-instance";
    private static final String SUBINTERFACE = "/srl_nokia-interfaces:interface[name='ethernet-1/1']/subinterface";

    @Test
    void entriesAreOwnedByKeyPrefixOrByTheirExactPath() {
        final var owner = new OwnedPaths(List.of(new KeyPrefix(INSTANCES, "name", "ovni-"),
            new ListEntry(SUBINTERFACE + "[index='100']"))).owner();
        assertTrue(owner.test(INSTANCES + "[name='ovni-l2-10100']"));
        assertFalse(owner.test(INSTANCES + "[name='default']"), "the operator's instance");
        assertFalse(owner.test(INSTANCES + "[name='ovni-x'][other='1']"), "two keys: not an entry of that list");
        assertFalse(owner.test(INSTANCES + "/inside[name='ovni-x']"), "another list");
        assertTrue(owner.test(SUBINTERFACE + "[index='100']"));
        assertFalse(owner.test(SUBINTERFACE + "[index='200']"), "the operator's subinterface beside ours");
    }

    @Test
    void aReadOwnsWhatEitherIntentOwnsEachNodeOnce() {
        final var desired = new OwnedPaths(List.of(new KeyPrefix(INSTANCES, "name", "ovni-"),
            new ListEntry(SUBINTERFACE + "[index='100']")));
        final var last = new OwnedPaths(List.of(new KeyPrefix(INSTANCES, "name", "ovni-"),
            new ListEntry(SUBINTERFACE + "[index='200']")));
        final var union = OwnedPaths.union(List.of(desired, last));
        assertEquals(3, union.nodes().size());
        assertTrue(union.owner().test(SUBINTERFACE + "[index='200']"), "dropped by the intent, still OpenVNI's");
        assertFalse(desired.owner().test(SUBINTERFACE + "[index='200']"));
    }
}
