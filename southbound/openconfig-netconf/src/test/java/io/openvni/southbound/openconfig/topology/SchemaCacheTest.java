package io.openvni.southbound.openconfig.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaCacheTest {
    private static final String MODULE = """
        module ex-mod {
          namespace "urn:ex";
          prefix ex;
          import other { prefix o; revision-date 2001-01-01; }
          include ex-sub;
          revision 2024-05-01 { description "newer"; }
          revision "2020-01-01";
        }
        """;
    private static final String SUBMODULE = """
        submodule ex-sub {
          belongs-to ex-mod { prefix ex; }
          revision 2023-03-13;
        }
        """;

    @TempDir
    Path temp;

    @Test
    void copiesSourcesAsNameAtRevisionIntoAContentAddressedDirectory() throws IOException {
        final Path sources = sources("a", MODULE, SUBMODULE);
        final var cache = new SchemaCache(temp.resolve("cache"));
        final String dir = cache.prepare(sources);
        assertTrue(dir.startsWith(SchemaCache.PREFIX), dir);
        final Path target = temp.resolve("cache").resolve(dir);
        assertEquals(List.of("ex-mod@2024-05-01.yang", "ex-sub@2023-03-13.yang"), list(target));
        assertEquals(MODULE, Files.readString(target.resolve("ex-mod@2024-05-01.yang")));
        // no staging leftovers
        assertEquals(List.of(dir), list(temp.resolve("cache")));

        // the same content elsewhere gives the same directory, untouched
        assertEquals(dir, cache.prepare(sources("b", MODULE, SUBMODULE)));
        // changed content gives a new one
        final String changed = cache.prepare(sources("c", MODULE, SUBMODULE.replace("2023-03-13", "2023-04-01")));
        assertNotEquals(dir, changed);
        assertEquals(List.of("ex-mod@2024-05-01.yang", "ex-sub@2023-04-01.yang"),
            list(temp.resolve("cache").resolve(changed)));
    }

    @Test
    void refusesUnusableDirectories() throws IOException {
        final var cache = new SchemaCache(temp.resolve("cache"));
        assertThrows(IOException.class, () -> cache.prepare(Path.of("relative/dir")));
        assertThrows(IOException.class, () -> cache.prepare(temp.resolve("missing")));
        final Path empty = Files.createDirectories(temp.resolve("empty"));
        assertThrows(IOException.class, () -> cache.prepare(empty));
        assertThrows(IOException.class, () -> cache.prepare(sources("bad", "not yang at all")));
    }

    @Test
    void sourceWithoutRevisionKeepsItsName() throws IOException {
        assertEquals("m.yang", SchemaCache.cacheName(Path.of("x.yang"), "module m { namespace \"u\"; prefix m; }"));
    }

    private Path sources(final String name, final String... texts) throws IOException {
        final Path dir = Files.createDirectories(temp.resolve(name));
        for (int i = 0; i < texts.length; i++) {
            Files.writeString(dir.resolve("file" + i + ".yang"), texts[i]);
        }
        return dir;
    }

    private static List<String> list(final Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
