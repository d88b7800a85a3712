package io.openvni.core.validation;

import io.openvni.core.allocation.AllocationKind;
import io.openvni.core.allocation.Allocations;
import io.openvni.core.intent.Fabric;
import io.openvni.core.intent.IntentPaths;
import io.openvni.core.intent.LeafSwitch;
import io.openvni.core.intent.NodeRouter;
import io.openvni.core.net.IpAddresses;
import io.openvni.core.render.srlinux.SrlNames;
import java.net.Inet4Address;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Rules on leaf switches and node routers: names, addresses, ASNs, ports, credentials and references.
 */
final class DeviceRules {
    // FRR's -N argument: it ends up on a command line run over SSH.
    private static final Pattern PATHSPACE = Pattern.compile("[a-zA-Z0-9_-]{1,32}");

    private final Fabric fabric;
    private final Allocations allocations;
    private final ErrorSink sink;
    private final Set<String> leafNames = new HashSet<>();
    private final Set<String> nodeNames = new HashSet<>();
    private final Reuse<Long> routerIds = new Reuse<>();
    private final Reuse<Long> vteps = new Reuse<>();

    private DeviceRules(final Fabric fabric, final Allocations allocations, final ErrorSink sink) {
        this.fabric = fabric;
        this.allocations = allocations;
        this.sink = sink;
    }

    /**
     * Checks every device.
     *
     * @param allocations the allocations in force, to know node routers' allocated VTEP addresses
     */
    static void check(final Fabric fabric, final Allocations allocations, final ErrorSink sink) {
        new DeviceRules(fabric, allocations, sink).run();
    }

    private void run() {
        fabric.leafSwitches().forEach(this::leafSwitch);
        fabric.nodeRouters().forEach(this::nodeRouter);
        routerIds.report(sink, (id, owner) -> "router ID " + format(id) + " is also used by " + owner
            + "; router IDs are unique across the fabric");
        vteps.report(sink, (vtep, owner) -> "VTEP address " + format(vtep) + " is also used by " + owner
            + "; VTEP addresses are unique across the fabric");
    }

    private void leafSwitch(final LeafSwitch leaf) {
        final var path = IntentPaths.leafSwitch(leaf.name());
        Checks.name(sink, path + "/name", leaf.name());
        if (!leafNames.add(leaf.name())) {
            sink.add(path, "leaf switch '" + leaf.name() + "' is defined more than once");
        }
        final var netconf = leaf.netconf();
        Checks.notBlank(sink, path + "/netconf/host", netconf.host(), "NETCONF host");
        Checks.notBlank(sink, path + "/netconf/username", netconf.username(), "NETCONF user name");
        Checks.port(sink, path + "/netconf/port", netconf.port());
        Checks.asn(sink, path + "/asn", leaf.asn());
        addresses(path, leaf.routerId(), leaf.vtepAddress());
        Checks.notBlank(sink, path + "/vtep-source-interface", leaf.vtepSourceInterface(), "VTEP source interface");
        accessInterfaces(path + "/access-interface", leaf);
    }

    private void accessInterfaces(final String path, final LeafSwitch leaf) {
        if (leaf.dialect() != LeafSwitch.Dialect.SRLINUX) {
            if (!leaf.accessInterfaces().isEmpty()) {
                sink.add(path, "access interfaces are attached by the srlinux dialect only; on an "
                    + leaf.dialect().yangName() + " switch the ports carry the VLANs as the operator configured them");
            }
            return;
        }
        for (var name : leaf.accessInterfaces()) {
            if (!SrlNames.ACCESS_INTERFACE.matcher(name).matches()) {
                sink.add(path, "'" + name + "' is not an SR Linux Ethernet port or LAG name (ethernet-<slot>/<port>, "
                    + "lag<n>)");
            }
        }
    }

    private void nodeRouter(final NodeRouter node) {
        final var path = IntentPaths.nodeRouter(node.name());
        Checks.name(sink, path + "/name", node.name());
        if (!nodeNames.add(node.name())) {
            sink.add(path, "node router '" + node.name() + "' is defined more than once");
        }
        if (leafNames.contains(node.name())) {
            sink.add(path + "/name", "device name '" + node.name() + "' is also used by leaf switch "
                + IntentPaths.leafSwitch(node.name()) + "; device names are unique across the fabric");
        }
        ssh(path, node);
        final var frr = node.frr();
        if (frr.grpcPort() != null) {
            Checks.port(sink, path + "/frr/grpc-port", frr.grpcPort());
        }
        if (frr.pathspace() != null && !PATHSPACE.matcher(frr.pathspace()).matches()) {
            sink.add(path + "/frr/pathspace", "'" + frr.pathspace()
                + "' is not a valid FRR pathspace (1..32 letters, digits, '_' or '-')");
        }
        Checks.asn(sink, path + "/asn", node.asn());
        addresses(path, node.routerId(), node.vtepAddress());
        for (var leaf : node.attachedLeafSwitches()) {
            if (!leafNames.contains(leaf)) {
                sink.add(path + "/attached-leaf-switch", "names leaf switch '" + leaf
                    + "', which is not in the fabric");
            }
        }
        bgpPeers(path, node);
    }

    private void ssh(final String path, final NodeRouter node) {
        final var ssh = node.ssh();
        Checks.notBlank(sink, path + "/ssh/host", ssh.host(), "SSH host");
        Checks.notBlank(sink, path + "/ssh/username", ssh.username(), "SSH user name");
        Checks.port(sink, path + "/ssh/port", ssh.port());
        if (ssh.password() == null && ssh.privateKey() == null) {
            sink.add(path + "/ssh", "the node router has neither an SSH password nor a private key; set one");
        } else if (ssh.password() != null && ssh.privateKey() != null) {
            sink.add(path + "/ssh", "the node router has both an SSH password and a private key; set only one");
        }
    }

    /** Checks a device's router ID and explicit VTEP address, and records them for the uniqueness checks. */
    private void addresses(final String path, final String routerId, final @Nullable String vtepAddress) {
        final var id = Checks.ipv4(sink, path + "/router-id", routerId);
        if (id != null) {
            routerIds.add(IpAddresses.toLong(id), path + "/router-id", path);
        }
        if (vtepAddress != null) {
            final var vtep = Checks.ipv4(sink, path + "/vtep-address", vtepAddress);
            if (vtep != null) {
                vteps.add(IpAddresses.toLong(vtep), path + "/vtep-address", path);
            }
        }
    }

    private void bgpPeers(final String path, final NodeRouter node) {
        final var routerId = Checks.ipv4OrNull(node.routerId());
        final Inet4Address vtep = Checks.ipv4OrNull(node.vtepAddress() != null ? node.vtepAddress()
            : allocations.get(AllocationKind.VTEP, path).orElse(null));
        final var seen = new HashSet<Object>();
        for (var peer : node.bgpPeers()) {
            final var peerPath = path + "/bgp-peer[" + peer.address() + "]";
            Checks.asn(sink, peerPath + "/asn", peer.asn());
            final var address = Checks.ip(sink, peerPath + "/address", peer.address());
            if (address == null) {
                continue;
            }
            if (!seen.add(address)) {
                sink.add(peerPath, "BGP peer " + address.getHostAddress() + " is defined more than once");
            }
            if (address.equals(routerId)) {
                sink.add(peerPath + "/address", "peer address " + peer.address()
                    + " is the node's own router ID; a router cannot peer with itself");
            }
            if (address.equals(vtep)) {
                sink.add(peerPath + "/address", "peer address " + peer.address()
                    + " is the node's own VTEP address; a router cannot peer with itself");
            }
        }
    }

    private static String format(final long address) {
        return IpAddresses.fromLong(address).getHostAddress();
    }
}
