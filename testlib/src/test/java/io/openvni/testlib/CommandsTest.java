package io.openvni.testlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandsTest {
    @Test
    void aCommandThatEndsGivesItsExitAndOutputs() throws Exception {
        final var result = Commands.run(List.of("sh", "-c", "echo out; echo err >&2; exit 3"), null,
            Duration.ofSeconds(10));
        assertEquals(new Commands.Result(3, "out\n", "err\n"), result);
    }

    // FRR 10's daemons keep the standard output of whoever started them open after they have daemonized; waiting
    // for that output's end waited forever
    @Test
    void aProcessLeftHoldingTheOutputEndsTheWaitAtTheTimeout() throws Exception {
        final Path pid = Files.createTempFile("commands-test", ".pid");
        final long start = System.nanoTime();
        try {
            final var held = assertThrows(Commands.TimedOut.class, () -> Commands.run(
                List.of("sh", "-c", "sleep 60 & echo $! >" + pid), null, Duration.ofSeconds(2)));
            assertTrue(held.getMessage().contains("still holds its output"), held.getMessage());
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos());
        } finally {
            final String left = Files.readString(pid).strip();
            if (!left.isEmpty()) {
                ProcessHandle.of(Long.parseLong(left)).ifPresent(ProcessHandle::destroyForcibly);
            }
            Files.delete(pid);
        }
        // the same process, its output elsewhere, is no reason to wait
        assertEquals("started\n", Commands.run(List.of("sh", "-c", "sleep 1 >/dev/null 2>&1 & echo started"), null,
            Duration.ofSeconds(10)).stdout());
    }
}
