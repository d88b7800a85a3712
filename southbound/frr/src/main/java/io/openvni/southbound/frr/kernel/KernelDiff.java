package io.openvni.southbound.frr.kernel;

import io.openvni.core.render.Addresses;
import io.openvni.core.render.frr.KernelDevice;
import io.openvni.core.render.frr.KernelPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Computes the iproute2 commands that bring the owned kernel objects to a {@link KernelPlan}. Pure. Devices that
 * exist with the right immutable attributes are fixed in place (master, MAC, MTU, addresses, neighbour
 * suppression, up, protodown); a device of the wrong kind, in the wrong namespace, with other VXLAN parameters or
 * known to be broken is deleted and created again. Only {@link KernelState#OWNED_NAME owned} objects are ever
 * deleted, and on {@code lo} only the planned address is added.
 */
public final class KernelDiff {
    private static final List<String> DELETE_ORDER = List.of("veth", "vxlan", "bridge", "vrf");

    // Batches under construction: new namespaces (zebra must follow them before devices appear there), deletions
    // before re-creation, the bridges of each VRF namespace, the router namespace (it creates the VXLAN and veth
    // devices of the VRF namespaces too), then each VRF namespace. zebra ties an L2 VNI to its tenant VRF through the
    // bridge, and only if the bridge is there when the VXLAN device appears.
    private final List<String> namespaces = new ArrayList<>();
    private final Map<String, List<String>> pre = new LinkedHashMap<>();
    private final Map<String, List<String>> bridges = new LinkedHashMap<>();
    private final List<String> root = new ArrayList<>();
    private final Map<String, List<String>> perNs = new LinkedHashMap<>();
    // The VXLAN devices of L3 VNIs come after FRR's configuration: zebra takes one that appears in a VRF without an
    // L3 VNI for an L2 VNI, announces it, and FRR 8.4 loses the remote router MACs of the VRF when the L3 VNI then
    // takes it over (routes between subnets of other nodes stop at an unresolved neighbour).
    private final List<String> lateRoot = new ArrayList<>();
    private final Map<String, List<String>> lateNs = new LinkedHashMap<>();
    private final Set<String> recreated = new HashSet<>();
    private final KernelState current;
    // the devices by name, in every namespace: looked up once per planned device, so a node of N devices is
    // diffed in O(N), not O(N^2)
    private final Map<String, List<ObservedLink>> byName = new HashMap<>();
    private final Set<String> broken;
    private final Set<String> readdress;

    private KernelDiff(final KernelState current, final Set<String> broken, final Set<String> readdress) {
        this.current = current;
        this.readdress = Set.copyOf(readdress);
        final var recreated = new HashSet<>(broken);
        recreated.removeAll(readdress);
        this.broken = Set.copyOf(recreated);
        current.links().forEach(link -> byName.computeIfAbsent(link.name(), name -> new ArrayList<>(1)).add(link));
    }

    /** The commands that turn {@code current} into {@code plan}. */
    public static KernelOps diff(final KernelState current, final KernelPlan plan) {
        return diff(current, plan, Set.of());
    }

    /**
     * The commands that turn {@code current} into {@code plan}, creating the named devices anew even where they
     * look right.
     */
    public static KernelOps diff(final KernelState current, final KernelPlan plan, final Set<String> broken) {
        return diff(current, plan, broken, Set.of());
    }

    /**
     * The commands that turn {@code current} into {@code plan}, creating the devices named {@code broken} anew even
     * where they look right, except the bridges named {@code readdress}, whose planned IPv4 addresses are taken
     * away and added again instead (zebra has the device, and lost only their address events).
     */
    public static KernelOps diff(final KernelState current, final KernelPlan plan, final Set<String> broken,
            final Set<String> readdress) {
        return new KernelDiff(current, broken, readdress).compute(plan);
    }

    private KernelOps compute(final KernelPlan plan) {
        final var planned = new HashSet<String>();
        final var plannedNs = new HashSet<String>();
        for (var device : plan.devices()) {
            final String ns = device.spec().get("netns");
            planned.add(key(ns, device.name()));
            switch (device.kind()) {
                case LOOPBACK_ADDRESS -> {
                    final String address = Addresses.canonicalPrefix(device.spec().get("address"));
                    if (!current.loopbackAddresses().contains(address)) {
                        root.add("address add " + address + " dev lo");
                    }
                }
                case NETNS_VRF -> {
                    plannedNs.add(device.name());
                    final boolean exists = current.namespaces().contains(device.name());
                    if (!exists) {
                        namespaces.add("netns add " + device.name());
                        ns(device.name()).add("link set lo up");
                    }
                    // a new namespace forwards only if the host does; a VRF routes between its subnets
                    if (!exists || !current.forwarding().contains(device.name())) {
                        namespaces.add(forwardingOn(device.name()));
                    }
                }
                case VRF -> vrf(device);
                case BRIDGE -> bridge(device, ns);
                case VXLAN -> vxlan(device, ns);
                case VETH -> {
                    planned.add(key(null, device.spec().get("peer")));
                    veth(device, ns);
                }
                default -> throw new IllegalStateException("unknown kind " + device.kind());
            }
        }
        final var before = new ArrayList<IpBatch>();
        if (!namespaces.isEmpty()) {
            before.add(new IpBatch(null, namespaces));
        }
        pre.forEach((ns, commands) -> before.add(new IpBatch(ns.isEmpty() ? null : ns, commands)));
        bridges.forEach((ns, commands) -> {
            if (!commands.isEmpty()) {
                before.add(new IpBatch(ns, commands));
            }
        });
        if (!root.isEmpty()) {
            before.add(new IpBatch(null, root));
        }
        perNs.forEach((ns, commands) -> {
            if (!commands.isEmpty()) {
                before.add(new IpBatch(ns, commands));
            }
        });
        final var after = new ArrayList<IpBatch>();
        if (!lateRoot.isEmpty()) {
            after.add(new IpBatch(null, lateRoot));
        }
        lateNs.forEach((ns, commands) -> after.add(new IpBatch(ns, commands)));
        after.addAll(deletions(planned, plannedNs));
        return new KernelOps(before, after);
    }

    private List<IpBatch> deletions(final Set<String> planned, final Set<String> plannedNs) {
        final var byNs = new LinkedHashMap<String, List<String>>();
        final var stale = current.links().stream()
            .filter(link -> !planned.contains(key(link.netns(), link.name())))
            .filter(link -> !recreated.contains(key(link.netns(), link.name())))
            // a namespace that goes away takes its devices along
            .filter(link -> link.netns() == null || plannedNs.contains(link.netns()))
            .filter(link -> !isPeerDeletedWith(link, plannedNs))
            .sorted(Comparator.comparingInt(link -> rank(link.kind())))
            .toList();
        // Marked with a group and deleted in one "link del group": the kernel then unregisters them together, with
        // one RCU wait instead of one per device (200 VNIs: 4 s instead of 17 s).
        stale.forEach(link -> byNs.computeIfAbsent(Objects.requireNonNullElse(link.netns(), ""),
            ns -> new ArrayList<>()).add("link set " + link.name() + " group " + IpBatch.DELETE_GROUP));
        byNs.values().forEach(commands -> commands.add(IpBatch.DELETE_BY_GROUP));
        current.namespaces().stream().filter(ns -> !plannedNs.contains(ns)).sorted()
            .forEach(ns -> byNs.computeIfAbsent("", key -> new ArrayList<>()).add("netns del " + ns));
        final var batches = new ArrayList<IpBatch>();
        // namespaces first: their devices may be enslaved to nothing the router namespace still needs
        byNs.forEach((ns, commands) -> {
            if (!ns.isEmpty()) {
                batches.add(new IpBatch(ns, commands));
            }
        });
        if (byNs.containsKey("")) {
            batches.add(new IpBatch(null, byNs.get("")));
        }
        return batches;
    }

    // Deleting the bridge end of a veth pair deletes the workload end too; but a bridge end in a namespace that goes
    // away is not deleted by itself, and the kernel dismantles a deleted namespace in the background (seconds for
    // one with hundreds of devices), so the workload end would outlive the check after the apply.
    private boolean isPeerDeletedWith(final ObservedLink link, final Set<String> plannedNs) {
        return link.name().startsWith("ovw")
            && byName.getOrDefault("ovh" + link.name().substring(3), List.of()).stream()
                .anyMatch(peer -> peer.netns() == null || plannedNs.contains(peer.netns()));
    }

    private static int rank(final String kind) {
        final int index = DELETE_ORDER.indexOf(kind);
        return index < 0 ? DELETE_ORDER.size() : index;
    }

    private void vrf(final KernelDevice device) {
        final String table = device.spec().get("table");
        final var link = existing(null, device.name(), "vrf", Map.of("table", table));
        if (link == null) {
            root.add("link add " + device.name() + " type vrf table " + table);
        }
        up(root, link, device.name());
    }

    private void bridge(final KernelDevice device, final @Nullable String ns) {
        final var spec = device.spec();
        final var link = existing(ns, device.name(), "bridge", Map.of());
        final var batch = ns == null ? root : bridges.computeIfAbsent(ns, key -> new ArrayList<>());
        if (link == null) {
            batch.add(add(device.name(), null, spec, "bridge"));
        }
        final String mac = spec.get("mac");
        if (mac != null && (link == null || !mac.equalsIgnoreCase(link.mac()))) {
            batch.add("link set " + device.name() + " address " + mac);
        }
        master(batch, link, device.name(), spec.get("master"));
        mtu(batch, link, device, link != null);
        final var wanted = spec.containsKey("address")
            ? Arrays.stream(spec.get("address").split(",")).map(Addresses::canonicalPrefix).toList()
            : List.<String>of();
        final var have = link == null ? List.<String>of() : link.addresses();
        have.stream().filter(a -> !wanted.contains(a)).forEach(a -> batch.add("address del " + a + " dev "
            + device.name()));
        wanted.stream().filter(a -> !have.contains(a)).forEach(a -> batch.add("address add " + a + " dev "
            + device.name()));
        if (link != null && readdress.contains(device.name())) {
            // IPv4 only: an IPv6 address added again would go through duplicate address detection again
            wanted.stream().filter(a -> have.contains(a) && !a.contains(":")).forEach(a -> {
                batch.add("address del " + a + " dev " + device.name());
                batch.add("address add " + a + " dev " + device.name());
            });
        }
        up(batch, link, device.name());
    }

    private void vxlan(final KernelDevice device, final @Nullable String ns) {
        final var spec = device.spec();
        final var link = existing(ns, device.name(), "vxlan", Map.of("id", spec.get("id"), "local",
            spec.get("local"), "dstport", spec.get("dstport"), "learning", spec.get("learning")));
        final boolean late = link == null && "true".equals(spec.get("l3vni"));
        if (link == null) {
            // Created from the router's namespace, so that its UDP socket stays in the underlay, but born in the
            // VRF's namespace: one that is created and then moved appears to zebra twice, and zebra's VNI table is
            // global, so when it takes the removal from the router namespace last it forgets the VNI for good.
            (late ? lateRoot : root).add(add(device.name(), ns, spec, "vxlan") + " id " + spec.get("id") + " local "
                + spec.get("local") + " dstport " + spec.get("dstport")
                + ("off".equals(spec.get("learning")) ? " nolearning" : ""));
        }
        final var batch = late ? (ns == null ? lateRoot : lateNs.computeIfAbsent(ns, key -> new ArrayList<>()))
            : ns == null ? root : ns(ns);
        master(batch, link, device.name(), spec.get("master"));
        final String suppress = spec.get("neigh_suppress");
        if (suppress != null && (link == null || needsMaster(link, spec.get("master"))
                || !suppress.equals(link.attributes().get("neigh_suppress")))) {
            batch.add("link set dev " + device.name() + " type bridge_slave neigh_suppress " + suppress);
        }
        mtu(batch, link, device, link != null);
        up(batch, link, device.name());
        // FRR 8.4's zebra sets protodown on a VXLAN device that appears during its EVPN multihoming startup delay
        // (180 s after zebra starts) and keeps it there: up, yet no traffic. OpenVNI configures no Ethernet
        // segments, which is what that hold protects, so it releases the device.
        if (link != null && link.protodown()) {
            batch.add(protodownOff(device.name()));
        }
    }

    /** The command that makes a namespace forward IPv4 and (where the kernel has it) IPv6. */
    public static String forwardingOn(final String netns) {
        return "netns exec " + netns + " sysctl -qew net.ipv4.conf.all.forwarding=1 net.ipv6.conf.all.forwarding=1";
    }

    /** The command that releases a device held protodown. */
    public static String protodownOff(final String name) {
        return "link set " + name + " protodown off";
    }

    private void veth(final KernelDevice device, final @Nullable String ns) {
        final var spec = device.spec();
        final String peer = spec.get("peer");
        var link = existing(ns, device.name(), "veth", Map.of());
        final var peerLink = byName.getOrDefault(peer, List.of()).stream()
            .filter(other -> other.netns() == null).findFirst().orElse(null);
        // The workload end is the CNI's to move into a pod's namespace: a bridge end whose peer is missing here but
        // lives in another namespace is attached, not broken.
        if (link != null && peerLink == null && !link.peerInOtherNamespace()) {
            remove(link);
            link = null;
        }
        if (link == null && peerLink != null) {
            remove(peerLink);
        }
        if (link == null) {
            final String mtu = spec.containsKey("mtu") ? " mtu " + spec.get("mtu") : "";
            root.add(add(device.name(), ns, spec, "veth") + " peer name " + peer + mtu);
            root.add("link set " + peer + " up");
        } else if (peerLink != null && !peerLink.up()) {
            root.add("link set " + peer + " up");
        }
        final var batch = ns == null ? root : ns(ns);
        master(batch, link, device.name(), spec.get("master"));
        mtu(batch, link, device, link != null);
        up(batch, link, device.name());
    }

    // The device if it exists as planned; one of the wrong kind, parameters or namespace is deleted first.
    private @Nullable ObservedLink existing(final @Nullable String ns, final String name, final String kind,
            final Map<String, String> immutable) {
        ObservedLink found = null;
        for (var link : byName.getOrDefault(name, List.of())) {
            final boolean same = Objects.equals(link.netns(), ns) && link.kind().equals(kind)
                && !broken.contains(name)
                && immutable.entrySet().stream()
                    .allMatch(entry -> entry.getValue().equals(link.attributes().get(entry.getKey())));
            if (same) {
                found = link;
            } else {
                remove(link);
            }
        }
        return found;
    }

    private void remove(final ObservedLink link) {
        recreated.add(key(link.netns(), link.name()));
        pre.computeIfAbsent(Objects.requireNonNullElse(link.netns(), ""), ns -> new ArrayList<>())
            .add("link del " + link.name());
    }

    // A port of a bridge created anew has lost its master with the old bridge.
    private boolean needsMaster(final @Nullable ObservedLink link, final @Nullable String master) {
        return master != null && (link == null || !master.equals(link.master()) || broken.contains(master));
    }

    private void master(final List<String> batch, final @Nullable ObservedLink link, final String name,
            final @Nullable String master) {
        if (needsMaster(link, master)) {
            batch.add("link set " + name + " master " + master);
        } else if (master == null && link != null && link.master() != null) {
            batch.add("link set " + name + " nomaster");
        }
    }

    private static void mtu(final List<String> batch, final @Nullable ObservedLink link, final KernelDevice device,
            final boolean existed) {
        final String mtu = device.spec().get("mtu");
        if (existed && mtu != null && link != null && link.mtu() != Integer.parseInt(mtu)) {
            batch.add("link set " + device.name() + " mtu " + mtu);
        }
    }

    private static void up(final List<String> batch, final @Nullable ObservedLink link, final String name) {
        if (link == null || !link.up()) {
            batch.add("link set " + name + " up");
        }
    }

    private List<String> ns(final String ns) {
        return perNs.computeIfAbsent(ns, key -> new ArrayList<>());
    }

    // "link add NAME [mtu M] [netns NS] type TYPE": the options must come before the type's own arguments.
    private static String add(final String name, final @Nullable String ns, final Map<String, String> spec,
            final String type) {
        return "link add " + name + (spec.containsKey("mtu") ? " mtu " + spec.get("mtu") : "")
            + (ns == null ? "" : " netns " + ns) + " type " + type;
    }

    private static String key(final @Nullable String ns, final String name) {
        return Objects.requireNonNullElse(ns, "") + "/" + name;
    }
}
