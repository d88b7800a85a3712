package io.openvni.benchmarks;

import io.openvni.southbound.frr.NodeShell;
import io.openvni.southbound.ssh.ExecResult;
import io.openvni.southbound.ssh.NodeUnreachableException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A {@link NodeShell} that adds up the wall time of the driver's node commands by what they do, so that a sync can
 * be split into reads (the first one and the read-backs), iproute2 batches, the wait for zebra's netns VRFs and the
 * vtysh session. Whatever is left of a sync's time is the driver's own work (parsing, diffing) and its sleeps.
 */
final class TimedShell implements NodeShell {
    enum Kind { READ, KERNEL, SETTLE, VTYSH, OTHER }

    private final NodeShell delegate;
    private final Map<Kind, Long> nanos = new EnumMap<>(Kind.class);
    private final Map<Kind, Integer> calls = new EnumMap<>(Kind.class);

    TimedShell(final NodeShell delegate) {
        this.delegate = delegate;
    }

    @Override
    public ExecResult exec(final String command, final @Nullable String stdin, final Duration timeout)
            throws NodeUnreachableException {
        final long start = System.nanoTime();
        try {
            return delegate.exec(command, stdin, timeout);
        } finally {
            final var kind = kind(command, stdin);
            nanos.merge(kind, System.nanoTime() - start, Long::sum);
            calls.merge(kind, 1, Integer::sum);
        }
    }

    @Override
    public OptionalLong session() {
        return delegate.session();
    }

    // Recognised by the shapes NodeReader, IpBatch, NodeWriter and NodeChange.Vtysh give their commands: the read
    // is one command line, the writes are scripts on standard input.
    private static Kind kind(final String command, final @Nullable String stdin) {
        final String text = stdin == null ? command : stdin;
        if (command.contains("@@frr")) {
            return Kind.READ;
        } else if (text.contains("\nconfigure terminal\n")) {
            return Kind.VTYSH;
        } else if (text.contains("-batch -")) {
            return Kind.KERNEL;
        } else if (text.contains("show vrf")) {
            return Kind.SETTLE;
        }
        return Kind.OTHER;
    }

    void reset() {
        nanos.clear();
        calls.clear();
    }

    double millis(final Kind kind) {
        return nanos.getOrDefault(kind, 0L) / 1e6;
    }

    int calls(final Kind kind) {
        return calls.getOrDefault(kind, 0);
    }
}
