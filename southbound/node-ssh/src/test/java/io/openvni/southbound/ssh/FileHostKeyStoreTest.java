package io.openvni.southbound.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileHostKeyStoreTest {
    private static final String KEY_A = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    private static final String KEY_B = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB";

    @TempDir
    Path dir;

    @Test
    void pinsLooksUpReplacesAndForgets() throws IOException {
        final var store = new FileHostKeyStore(dir.resolve("known_hosts"));
        assertEquals(Optional.empty(), store.lookup("10.0.0.1:22"));
        store.pin("10.0.0.1:22", KEY_A);
        store.pin("10.0.0.2:2222", KEY_B);
        assertEquals(Optional.of(KEY_A), store.lookup("10.0.0.1:22"));
        // a second store on the same file sees the pins: the file is the truth
        assertEquals(Optional.of(KEY_B), new FileHostKeyStore(dir.resolve("known_hosts")).lookup("10.0.0.2:2222"));
        store.pin("10.0.0.1:22", KEY_B);
        assertEquals(Optional.of(KEY_B), store.lookup("10.0.0.1:22"));
        assertTrue(store.forget("10.0.0.1:22"));
        assertFalse(store.forget("10.0.0.1:22"));
        assertEquals(Optional.empty(), store.lookup("10.0.0.1:22"));
        assertEquals(List.of("[10.0.0.2]:2222 " + KEY_B), Files.readAllLines(dir.resolve("known_hosts")));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("known_hosts")), files.toList(), "no temporary files left");
        }
    }

    @Test
    void keepsLinesItDoesNotOwn() throws IOException {
        final Path file = dir.resolve("known_hosts");
        Files.write(file, List.of("# pinned by OpenVNI; edit with care", "[10.0.0.9]:22 " + KEY_A));
        final var store = new FileHostKeyStore(file);
        store.pin("10.0.0.1:22", KEY_B);
        store.forget("10.0.0.1:22");
        assertEquals(List.of("# pinned by OpenVNI; edit with care", "[10.0.0.9]:22 " + KEY_A),
            Files.readAllLines(file));
        assertEquals(Optional.of(KEY_A), store.lookup("10.0.0.9:22"));
    }

    @Test
    void inMemoryStoreBehavesAlike() {
        final var store = new InMemoryHostKeyStore();
        store.pin("h:22", KEY_A);
        assertEquals(Optional.of(KEY_A), store.lookup("h:22"));
        assertTrue(store.forget("h:22"));
        assertEquals(Optional.empty(), store.lookup("h:22"));
    }
}
