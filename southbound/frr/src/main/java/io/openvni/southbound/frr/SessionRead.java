package io.openvni.southbound.frr;

import static java.util.Objects.requireNonNull;

import io.openvni.core.render.frr.FrrConfig;
import io.openvni.southbound.frr.config.OwnedFrr;
import io.openvni.southbound.frr.config.OwnedScope;
import io.openvni.southbound.frr.kernel.KernelState;
import io.openvni.southbound.ssh.NodeUnreachableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A read of a node and the session it was made in, and the part of it OpenVNI owns.
 *
 * @param snapshot what the read saw
 * @param session the shell's session, empty unless the same session was open before and after the read
 */
record SessionRead(NodeReader.Snapshot snapshot, OptionalLong session) {
    SessionRead {
        requireNonNull(snapshot);
        requireNonNull(session);
    }

    /** Reads a node, noting whether it stayed in one session meanwhile. */
    static SessionRead of(final NodeShell shell, final String vtysh, final Duration timeout)
            throws NodeUnreachableException, NodeReader.ReadFailure {
        final var before = shell.session();
        final var snapshot = NodeReader.read(shell, vtysh, timeout);
        return new SessionRead(snapshot, before.equals(shell.session()) ? before : OptionalLong.empty());
    }

    /**
     * The owned part of the read, for the renderings' scope plus an extra one (what a change removed, for its
     * check).
     *
     * @param configs the renderings whose neighbors and networks are owned
     * @param extra more that is owned, or null
     * @param l3vniByGrpc whether the node's L3VNI bindings go through gRPC
     * @return what OpenVNI owns on the node
     */
    NodeState owned(final List<FrrConfig> configs, final @Nullable OwnedScope extra, final boolean l3vniByGrpc) {
        final var vnis = new ArrayList<Long>(vxlanVnis(snapshot.kernel()));
        final var neighbors = new ArrayList<String>();
        final var networks = new ArrayList<String>();
        if (extra != null) {
            vnis.addAll(extra.vnis());
            neighbors.addAll(extra.neighbors());
            networks.addAll(extra.networks());
        }
        final var rendered = OwnedScope.of(configs, vnis);
        neighbors.addAll(rendered.neighbors());
        networks.addAll(rendered.networks());
        final var scope = new OwnedScope(Set.copyOf(neighbors), Set.copyOf(networks), rendered.vnis());
        return new NodeState(OwnedFrr.fromRunning(snapshot.runningConfig(), scope), scope, snapshot.kernel(),
            l3vniByGrpc, snapshot.zebra(), session, snapshot.runningConfig());
    }

    // An ovvx device is OpenVNI's, and so is the vni block of its VNI, even when no intent names it any more.
    private static List<Long> vxlanVnis(final KernelState kernel) {
        return kernel.links().stream()
            .filter(link -> link.kind().equals("vxlan") && link.name().startsWith("ovvx"))
            .map(link -> Long.parseLong(link.name().substring(4)))
            .toList();
    }
}
