package io.openvni.southbound.frr;

import static java.util.Objects.requireNonNull;

import io.openvni.core.compile.GrowthStep;
import io.openvni.southbound.frr.config.OwnedScope;
import io.openvni.southbound.frr.kernel.IpBatch;
import io.openvni.southbound.spi.Change;
import io.openvni.southbound.spi.ChangeSet;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;

/** One write to a node router: one process on the node. */
public sealed interface NodeChange extends Change {
    /**
     * How many commands of one change {@link #describe()} shows: a big node's batch has tens of thousands, and the
     * description ends up in the device's status.
     */
    int DESCRIBED_COMMANDS = ChangeSet.DESCRIBE_LINES;

    /** How many commands (iproute2 or vtysh lines, gRPC bindings) the change carries. */
    int commandCount();

    /** The first {@link #DESCRIBED_COMMANDS} commands joined by {@code ; }, and how many more there are. */
    static String summary(final List<String> commands) {
        final String shown = String.join("; ", commands.subList(0, Math.min(commands.size(), DESCRIBED_COMMANDS)));
        final int hidden = commands.size() - DESCRIBED_COMMANDS;
        return hidden > 0 ? shown + "; ... and " + hidden + " more" : shown;
    }

    /**
     * Marks a change set that takes the node only part of the way, first of its changes: the desired intent adds
     * more networks than one step may ({@link FrrNodeSettings#networksPerStep()}), and the changes after this one
     * bring the node to {@code step}'s intent. The apply checks that step, and goes on in the same way until the
     * node runs the desired intent.
     *
     * @param step the step the other changes make
     */
    record Step(GrowthStep step) implements NodeChange {
        public Step {
            requireNonNull(step);
        }

        @Override
        public String describe() {
            return "in steps of at most " + step.added() + " new networks, " + step.newSegments()
                + " in all; this step's changes follow";
        }

        @Override
        public int commandCount() {
            return 0;
        }
    }

    /**
     * No write: devices zebra has not taken up (or whose addresses it lacks), left to the check after the apply. zebra
     * may still be working through an earlier change (thousands of devices in one namespace keep it busy for
     * minutes), and creating them anew at once would only give it more to do; the check waits while zebra takes
     * devices up and creates anew what it still lacks once it stalls ({@link ZebraSettle}).
     *
     * @param devices the devices zebra lacks, sorted
     */
    record AwaitZebra(List<String> devices) implements NodeChange {
        public AwaitZebra {
            devices = List.copyOf(devices);
        }

        @Override
        public String describe() {
            return "zebra has not taken up " + devices.size() + " devices yet; the check waits for it and creates "
                + "anew what it still lacks once it stalls: " + summary(devices);
        }

        @Override
        public int commandCount() {
            return 0;
        }
    }

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
            return batch.commandLine() + ": " + summary(batch.commands());
        }

        @Override
        public int commandCount() {
            return batch.commands().size();
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
            return "vtysh: " + summary(commands.stream().map(String::strip).toList());
        }

        @Override
        public int commandCount() {
            return commands.size();
        }

        /** The session's standard input. */
        public String script() {
            return "configure terminal\n" + String.join("\n", commands) + "\nend\n";
        }
    }

    /**
     * VRF to L3VNI bindings written through FRR's northbound gRPC (zebra's {@code frr-vrf}/{@code frr-zebra}
     * modules) instead of the {@code vrf V} / {@code vni N} lines of a vtysh session, in the same place of the order.
     *
     * @param bindings the bindings, in order
     */
    record GrpcL3vni(List<Binding> bindings) implements NodeChange {
        public GrpcL3vni {
            bindings = List.copyOf(bindings);
        }

        @Override
        public String describe() {
            return "grpc: " + summary(bindings.stream().map(Binding::describe).toList());
        }

        @Override
        public int commandCount() {
            return bindings.size();
        }
    }

    /**
     * One VRF's L3VNI.
     *
     * @param vrf the VRF's name
     * @param l3vni its new L3VNI, absent to remove it
     */
    record Binding(String vrf, @Nullable Long l3vni) {
        public Binding {
            requireNonNull(vrf);
        }

        String describe() {
            return "vrf " + vrf + (l3vni != null ? " l3vni " + l3vni : " no l3vni");
        }
    }
}
