package io.openvni.karaf.jdkcompat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecStdinTest {
    @TempDir
    Path dir;

    @Test
    void terminalsAreToldFromPipesAndFiles() throws IOException {
        assertTrue(ExecStdin.isTerminal(link("pts", "/dev/pts/3")));
        assertTrue(ExecStdin.isTerminal(link("tty", "/dev/tty1")));
        assertFalse(ExecStdin.isTerminal(link("pipe", "pipe:[4242]")));
        assertFalse(ExecStdin.isTerminal(link("null", "/dev/null")));
        assertFalse(ExecStdin.isTerminal(link("file", "/tmp/commands.txt")));
        // stdin closed (bin/client ... <&-)
        assertFalse(ExecStdin.isTerminal(dir.resolve("0")));
        // no /proc: cannot tell, so Karaf's own behaviour (Ctrl-D closes the session) stays
        assertTrue(ExecStdin.isTerminal(dir.resolve("no-proc/self/fd/0")));
    }

    @Test
    void inputIsPassedOnAndATerminalsEndStillEndsTheWatch() throws IOException {
        final var in = new ByteArrayInputStream(new byte[] {'y'});
        final Path terminal = link("pts", "/dev/pts/0");
        assertEquals('y', ExecStdin.read(in, terminal));
        assertEquals(-1, ExecStdin.read(in, terminal));
    }

    @Test
    void theEndOfAPipeKeepsTheSessionOpen() throws Exception {
        final Path pipe = link("pipe", "pipe:[4242]");
        final var returned = new AtomicInteger(Integer.MIN_VALUE);
        final var watch = new Thread(() -> {
            try {
                returned.set(ExecStdin.read(new ByteArrayInputStream(new byte[0]), pipe));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "exec-stdin-watch");
        watch.setDaemon(true);
        watch.start();
        // it parks instead of returning -1, which would make the client close the session
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (watch.getState() != Thread.State.WAITING && watch.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(Thread.State.WAITING, watch.getState());
        assertEquals(Integer.MIN_VALUE, returned.get());
    }

    private Path link(final String name, final String target) throws IOException {
        return Files.createSymbolicLink(dir.resolve(name), Path.of(target));
    }
}
