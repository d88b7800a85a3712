package io.openvni.southbound.frr;

import static java.util.Objects.requireNonNull;

import io.openvni.southbound.frr.config.OwnedScope;
import io.openvni.southbound.frr.kernel.IpBatch;
import io.openvni.southbound.spi.Change;
import java.util.List;

/** One write to a node router: one process on the node. */
public sealed interface NodeChange extends Change {
    /**
     * One iproute2 batch.
     *
     * @param batch the commands and their namespace
     */
    record Kernel(IpBatch batch) implements NodeChange {
        public Kernel {
            requireNonNull(batch);
        }

        @Override
        public String describe() {
            return batch.commandLine() + ": " + String.join("; ", batch.commands());
        }
    }

    /**
     * One vtysh session.
     *
     * @param commands the commands, run in {@code configure terminal} mode
     * @param scope the owned scope the commands were computed in, for the check afterwards
     */
    record Vtysh(List<String> commands, OwnedScope scope) implements NodeChange {
        public Vtysh {
            commands = List.copyOf(commands);
            requireNonNull(scope);
        }

        @Override
        public String describe() {
            return "vtysh: " + String.join("; ", commands.stream().map(String::strip).toList());
        }

        /** The session's standard input. */
        public String script() {
            return "configure terminal\n" + String.join("\n", commands) + "\nend\n";
        }
    }
}
