package io.openvni.core.allocation;

import io.openvni.core.intent.Fabric;
import io.openvni.core.intent.IntentPaths;
import io.openvni.core.intent.NodeRouter;
import io.openvni.core.net.IpAddresses;
import io.openvni.core.net.IpPrefix;
import io.openvni.core.validation.ValidationError;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Allocates VTEP addresses of node routers without one from the fabric's vtep-pool: the lowest host address
 * (network and broadcast addresses excluded below /31) that no device uses as VTEP, router ID or BGP peer.
 */
final class VtepAllocator {
    private VtepAllocator() {
        // utility
    }

    static void allocate(final Fabric fabric, final Allocations previous, final ValueSpace.Results results) {
        final var nodes = new ArrayList<>(fabric.nodeRouters());
        nodes.sort(Comparator.comparing(NodeRouter::name));
        final var seen = new HashSet<String>();
        nodes.removeIf(node -> !seen.add(node.name()));

        final var space = new ValueSpace(value -> IpAddresses.fromLong(value).getHostAddress(), results);
        for (var node : nodes) {
            if (node.vtepAddress() == null) {
                final var owner = IntentPaths.nodeRouter(node.name());
                space.keep(AllocationKind.VTEP, owner, previous.get(AllocationKind.VTEP, owner),
                    VtepAllocator::storedIpv4);
            }
        }
        for (var leaf : fabric.leafSwitches()) {
            reserve(space, leaf.vtepAddress(), IntentPaths.leafSwitch(leaf.name()));
            blockAddress(space, leaf.routerId());
        }
        for (var node : nodes) {
            reserve(space, node.vtepAddress(), IntentPaths.nodeRouter(node.name()));
            // Addresses a device already answers on would make the VTEP unreachable or ambiguous.
            blockAddress(space, node.routerId());
            node.bgpPeers().forEach(peer -> blockAddress(space, peer.address()));
        }

        final var needing = nodes.stream()
            .filter(node -> node.vtepAddress() == null)
            .map(node -> IntentPaths.nodeRouter(node.name()))
            .filter(owner -> !space.isSettled(owner))
            .toList();
        if (needing.isEmpty()) {
            return;
        }
        final var poolText = fabric.vtepPool();
        final IpPrefix pool = poolText == null ? null : ipv4Prefix(poolText);
        if (pool == null) {
            final var reason = poolText == null
                ? "no vtep-address is set and the fabric has no vtep-pool to allocate one from"
                : "no vtep-address is set and the fabric's vtep-pool '" + poolText
                    + "' is not an IPv4 prefix to allocate one from";
            needing.forEach(owner -> results.errors().add(new ValidationError(owner + "/vtep-address", reason)));
            return;
        }

        final long network = IpAddresses.toLong((Inet4Address) pool.network().address());
        final long last = network + pool.size() - 1;
        // Below /31 the network and broadcast addresses are no host addresses (RFC 3021 makes /31 usable).
        final boolean hasSpecial = pool.length() < 31;
        final long first = hasSpecial ? network + 1 : network;
        final long end = hasSpecial ? last - 1 : last;
        space.allocate(AllocationKind.VTEP,
            needing.stream().map(owner -> new ValueSpace.Claim(owner, owner + "/vtep-address")).toList(),
            space.source(first, end), unserved -> PoolExhaustion.reason("vtep-pool " + poolText, end - first + 1,
                PoolExhaustion.ADDRESS, unserved, PoolExhaustion.NODE_ROUTER));
    }

    private static void reserve(final ValueSpace space, final @Nullable String address, final String device) {
        if (address != null) {
            ipv4(address).ifPresent(value -> space.reserve(value, device + "/vtep-address",
                "VTEP address " + address));
        }
    }

    private static void blockAddress(final ValueSpace space, final String address) {
        ipv4(address).ifPresent(space::block);
    }

    private static long storedIpv4(final String text) {
        try {
            return IpAddresses.toLong(IpAddresses.parseIpv4(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not an IPv4 address", e);
        }
    }

    private static OptionalLong ipv4(final String text) {
        try {
            return OptionalLong.of(IpAddresses.toLong(IpAddresses.parseIpv4(text)));
        } catch (IllegalArgumentException e) {
            // Malformed addresses are reported by validation; they take no address here.
            return OptionalLong.empty();
        }
    }

    private static @Nullable IpPrefix ipv4Prefix(final String text) {
        try {
            final var prefix = IpPrefix.parse(text);
            return prefix.isIpv4() ? prefix : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
