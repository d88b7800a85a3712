package io.openvni.southbound.openconfig.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.core.intent.LeafSwitch;
import io.openvni.core.intent.NetconfAccess;
import io.openvni.southbound.openconfig.topology.LeafTopologyManager.SchemaDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A leaf's schema-directory on real files: unusable ones name the leaf and the directory, and a fix heals. */
class LeafSchemaDirectoryTest {
    @TempDir
    Path temp;

    @Test
    void anUnusableDirectoryIsReportedNeverReplacedByTheSharedSchema() throws IOException {
        final var cache = new SchemaCache(temp.resolve("cache"));
        final var missing = temp.resolve("missing");
        assertUnusable(cache, missing.toString(), "is not a directory: " + missing);
        final var empty = Files.createDirectories(temp.resolve("empty"));
        assertUnusable(cache, empty.toString(), "has no *.yang files: " + empty);
        assertUnusable(cache, "relative/dir", "must be an absolute path");

        // fixing the directory heals the leaf: the next pass gets a directory of its own
        Files.writeString(empty.resolve("ex.yang"), "module ex { namespace \"urn:ex\"; prefix ex; }\n");
        final var fixed = assertInstanceOf(SchemaDirectory.Usable.class,
            LeafTopologyManager.schemaDirectory(cache, leaf(empty.toString())));
        assertNotNull(fixed.cacheDirectory());
        assertTrue(fixed.cacheDirectory().startsWith(SchemaCache.PREFIX), fixed.cacheDirectory());

        assertEquals(new SchemaDirectory.Usable(null), LeafTopologyManager.schemaDirectory(cache, leaf(null)),
            "no schema-directory: ODL's shared schema, as the operator asked");
    }

    @Test
    void problemsAreReplacedByEachPass() {
        final var problems = new LeafSchemaProblems();
        problems.replace(Map.of("leaf1", "a", "leaf2", "b"));
        problems.replace(Map.of("leaf2", "c"));
        assertEquals(Optional.empty(), problems.of("leaf1"));
        assertEquals(Optional.of("c"), problems.of("leaf2"));
    }

    private static void assertUnusable(final SchemaCache cache, final String directory, final String why) {
        final var result = assertInstanceOf(SchemaDirectory.Unusable.class,
            LeafTopologyManager.schemaDirectory(cache, leaf(directory)));
        assertTrue(result.reason().startsWith("leaf switch leaf1 is not connected: its schema-directory " + directory
            + " cannot be used ("), result.reason());
        assertTrue(result.reason().contains(why), result.reason());
    }

    private static LeafSwitch leaf(final @Nullable String schemaDirectory) {
        return new LeafSwitch("leaf1", LeafSwitch.Dialect.OPENCONFIG, new NetconfAccess("127.0.0.1", 830, "admin",
            null, List.of(), schemaDirectory), 65001, "10.0.0.1", "10.254.0.1", "Loopback1");
    }
}
