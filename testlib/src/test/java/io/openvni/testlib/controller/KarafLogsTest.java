package io.openvni.testlib.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link KarafLogs} reads of a Karaf home's log, which each restart appends to. */
class KarafLogsTest {
    @TempDir
    Path home;

    @Test
    void linesSinceStartAreOnlyTheLatestStartsOwn() throws IOException {
        final var logs = new KarafLogs(home);
        assertEquals(List.of(), logs.linesSinceStart("OpenVNI"));
        Files.createDirectories(logs.karafLog().getParent());
        Files.writeString(logs.karafLog(), "first start: OpenVNI controller active\n");
        logs.markStart();

        Files.writeString(logs.karafLog(), "other line\nsecond start: OpenVNI controller active\n",
            StandardOpenOption.APPEND);

        assertEquals(List.of("second start: OpenVNI controller active"), logs.linesSinceStart("OpenVNI"));
        assertEquals("other line\nsecond start: OpenVNI controller active", logs.tail(2));
    }

    @Test
    void aMissingLogHasNoTailButANote() {
        final var logs = new KarafLogs(home);
        final String tail = logs.tail(5);
        assertTrue(tail.startsWith("(no " + logs.karafLog()), tail);
    }
}
