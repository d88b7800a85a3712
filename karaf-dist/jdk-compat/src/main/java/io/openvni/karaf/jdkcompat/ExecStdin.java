package io.openvni.karaf.jdkcompat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * Where the Karaf client's stdin watch of an exec session ({@code bin/client "bundle:list"}) reads.
 *
 * <p>Karaf 4.4's client sends the command with an empty input and starts a thread that reads its own stdin, closing
 * the channel at once when that stdin ends: that is how Ctrl-D aborts a command in a terminal (the client ignores
 * Ctrl-C). From a script, a pipe, cron or CI, stdin ends before the command has run, so the session closes first
 * and the client prints "Closed" or "Session has been closed: Immediate" instead of the output. Here the end of
 * stdin still aborts where stdin is a terminal, and elsewhere the watch just stops: the command runs to its end
 * and the client exits with its status (it always ends with {@code System.exit}).
 */
public final class ExecStdin {
    private static final Path STDIN = Path.of("/proc/self/fd/0");

    private ExecStdin() {
        // static only
    }

    /**
     * Replacement for the watch's {@code System.in.read()}.
     *
     * @param in the client's stdin
     * @return the byte read, or -1 at the end of a terminal's input (Ctrl-D)
     * @throws IOException if reading fails
     */
    public static int read(final InputStream in) throws IOException {
        return read(in, STDIN);
    }

    static int read(final InputStream in, final Path descriptor) throws IOException {
        final int read = in.read();
        if (read < 0 && !isTerminal(descriptor)) {
            parkUntilExit();
        }
        return read;
    }

    /**
     * Whether a file descriptor link (such as {@code /proc/self/fd/0}) leads to a terminal.
     *
     * @param descriptor the link
     * @return true for a terminal, and where it cannot be told (no {@code /proc}: keep Karaf's behaviour); false
     *     for a closed descriptor
     */
    static boolean isTerminal(final Path descriptor) {
        final String target;
        try {
            target = Files.readSymbolicLink(descriptor).toString();
        } catch (NoSuchFileException e) {
            final Path folder = descriptor.getParent();
            return folder == null || !Files.isDirectory(folder);
        } catch (IOException | UnsupportedOperationException e) {
            return true;
        }
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || "/dev/console".equals(target);
    }

    @SuppressWarnings("InfiniteLoopStatement")
    private static void parkUntilExit() {
        // the client's main thread ends the JVM with System.exit once the command is done
        for (;;) {
            LockSupport.park(ExecStdin.class);
        }
    }
}
