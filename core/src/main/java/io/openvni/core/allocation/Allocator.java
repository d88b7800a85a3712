package io.openvni.core.allocation;

import io.openvni.core.intent.Intent;
import io.openvni.core.intent.IntentPaths;
import io.openvni.core.intent.Network;
import io.openvni.core.intent.NumberRange;
import io.openvni.core.intent.Tenant;
import io.openvni.core.intent.Vrf;
import io.openvni.core.validation.ValidationError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Allocates the values the operator left out: L2 VNIs, L3 VNIs and VLANs of networks and VRFs without explicit
 * ones, a route-distinguisher index for every network and VRF, and VTEP addresses of node routers without one.
 *
 * <p>Allocation is pure and deterministic. It is stable: an owner keeps its previous value for as long as it exists
 * and has no explicit value, even if the pool changed since. New owners get the lowest free value of the pool,
 * served in sorted order (tenant name, then object name). Explicit values are never handed out; VNIs are unique
 * across L2 and L3. An explicit value equal to a value another owner keeps is an error: stability wins.
 *
 * <p>A persisted value that cannot be kept (it does not parse, lies outside the values its kind can take, or is
 * the value of an owner earlier in order too) is reported as an {@link AllocationProblem}, never replaced: the owner
 * stays without a value. A value outside the current pool is no problem: pools may shrink under kept values.
 */
public final class Allocator {
    static final long MAX_VNI = 16_777_215L;
    static final long MAX_VLAN = 4094;
    /**
     * First route-distinguisher index. FRR numbers its automatic RDs router-id:1, :2, ... and hides an explicit RD
     * equal to its automatic one from the running configuration; starting high keeps ours distinct.
     */
    static final long MIN_RD_INDEX = 10_000;
    static final long MAX_RD_INDEX = 65_535;

    private static final String L2_POOL = "l2 VNI pool";
    private static final String L3_POOL = "l3 VNI pool";
    private static final String VLAN_POOL = "VLAN pool";

    private Allocator() {
        // utility
    }

    /**
     * Allocates every value the intent needs.
     *
     * @param intent the intent, which need not be valid otherwise
     * @param previous the allocations in force, as persisted; entries of owners that are gone are dropped
     * @return the complete new table with the persisted values that could not be kept, or the errors that
     *         prevent it
     */
    public static AllocationOutcome allocate(final Intent intent, final Allocations previous) {
        final var networks = sorted(intent, Tenant::networks, Network::name, IntentPaths::network);
        final var vrfs = sorted(intent, Tenant::vrfs, Vrf::name, IntentPaths::vrf);
        final var results = new ValueSpace.Results();

        allocateVnis(intent, networks, vrfs, previous, results);
        allocateVlans(intent, networks, previous, results);
        allocateRdIndexes(networks, vrfs, previous, results);
        VtepAllocator.allocate(intent.fabric(), previous, results);

        if (!results.errors().isEmpty()) {
            return new AllocationOutcome.Failed(results.errors().stream()
                .distinct()
                .sorted(Comparator.comparing(ValidationError::path).thenComparing(ValidationError::reason))
                .toList());
        }
        return new AllocationOutcome.Allocated(Allocations.of(results.allocations()), results.problems());
    }

    private static void allocateVnis(final Intent intent, final List<Owned<Network>> networks,
            final List<Owned<Vrf>> vrfs, final Allocations previous, final ValueSpace.Results results) {
        final var space = new ValueSpace(Long::toString, results);
        final var vniValue = ValueSpace.number(MAX_VNI);
        for (var net : networks) {
            if (net.value().l2Vni() == null) {
                space.keep(AllocationKind.L2_VNI, net.path(), previous.get(AllocationKind.L2_VNI, net.path()),
                    vniValue);
            }
        }
        for (var vrf : vrfs) {
            if (vrf.value().l3Vni() == null) {
                space.keep(AllocationKind.L3_VNI, vrf.path(), previous.get(AllocationKind.L3_VNI, vrf.path()),
                    vniValue);
            }
        }
        for (var net : networks) {
            final var vni = net.value().l2Vni();
            if (vni != null) {
                space.reserve(vni, net.path() + "/l2-vni", "l2 VNI " + vni);
            }
        }
        for (var vrf : vrfs) {
            final var vni = vrf.value().l3Vni();
            if (vni != null) {
                space.reserve(vni, vrf.path() + "/l3-vni", "l3 VNI " + vni);
            }
        }

        final var l2Pool = intent.fabric().l2VniPool();
        space.allocate(AllocationKind.L2_VNI, claims(networks, net -> net.l2Vni() == null, "/l2-vni"),
            source(space, l2Pool, MAX_VNI), exhausted(L2_POOL, l2Pool, MAX_VNI, PoolExhaustion.VNI,
                PoolExhaustion.NETWORK));
        final var l3Pool = intent.fabric().l3VniPool();
        space.allocate(AllocationKind.L3_VNI, claims(vrfs, vrf -> vrf.l3Vni() == null, "/l3-vni"),
            source(space, l3Pool, MAX_VNI), exhausted(L3_POOL, l3Pool, MAX_VNI, PoolExhaustion.VNI,
                PoolExhaustion.VRF));
    }

    private static void allocateVlans(final Intent intent, final List<Owned<Network>> networks,
            final Allocations previous, final ValueSpace.Results results) {
        final var space = new ValueSpace(Long::toString, results);
        for (var net : networks) {
            if (net.value().vlan() == null) {
                space.keep(AllocationKind.VLAN, net.path(), previous.get(AllocationKind.VLAN, net.path()),
                    ValueSpace.number(MAX_VLAN));
            }
        }
        for (var net : networks) {
            final var vlan = net.value().vlan();
            if (vlan != null) {
                space.reserve(vlan, net.path() + "/vlan", "VLAN " + vlan);
            }
        }
        final var pool = intent.fabric().vlanPool();
        space.allocate(AllocationKind.VLAN, claims(networks, net -> net.vlan() == null, "/vlan"),
            source(space, pool, MAX_VLAN), exhausted(VLAN_POOL, pool, MAX_VLAN, PoolExhaustion.VLAN,
                PoolExhaustion.NETWORK));
    }

    private static void allocateRdIndexes(final List<Owned<Network>> networks, final List<Owned<Vrf>> vrfs,
            final Allocations previous, final ValueSpace.Results results) {
        // Networks and VRFs share one index space: a device's RDs are routerId:index for both.
        final var owners = new ArrayList<Owned<?>>(networks);
        owners.addAll(vrfs);
        owners.sort(Owned.ORDER);
        final var space = new ValueSpace(Long::toString, results);
        for (var owner : owners) {
            space.keep(AllocationKind.RD_INDEX, owner.path(), previous.get(AllocationKind.RD_INDEX, owner.path()),
                ValueSpace.number(MAX_RD_INDEX));
        }
        final var claims = owners.stream().map(owner -> new ValueSpace.Claim(owner.path(), owner.path())).toList();
        space.allocate(AllocationKind.RD_INDEX, claims, space.source(MIN_RD_INDEX, MAX_RD_INDEX),
            unserved -> PoolExhaustion.reason("route-distinguisher index pool " + MIN_RD_INDEX + ".."
                + MAX_RD_INDEX, MAX_RD_INDEX - MIN_RD_INDEX + 1, PoolExhaustion.RD_INDEX, unserved,
                PoolExhaustion.NETWORK_OR_VRF));
    }

    private static LowestFree source(final ValueSpace space, final NumberRange pool, final long max) {
        // Never hand out a value outside the type's range, even from a pool validation rejects.
        return space.source(Math.max(pool.start(), 1), Math.min(pool.end(), max));
    }

    /** Why owners got no value from a pool, given how many they are; the pool's usable values as in source(). */
    private static IntFunction<String> exhausted(final String name, final NumberRange pool, final long max,
            final PoolExhaustion.Noun value, final PoolExhaustion.Noun owner) {
        final long first = Math.max(pool.start(), 1);
        final long last = Math.min(pool.end(), max);
        if (pool.start() > pool.end()) {
            return unserved -> "the " + name + " " + pool + " is empty";
        }
        if (first > last) {
            return unserved -> "the " + name + " " + pool + " holds no valid value (1.." + max + ")";
        }
        return unserved -> PoolExhaustion.reason(name + " " + pool, last - first + 1, value, unserved, owner);
    }

    /** The claims of the owners that need a value, with the leaf an error about each is reported on. */
    private static <T> List<ValueSpace.Claim> claims(final List<Owned<T>> owners, final Predicate<T> needsValue,
            final String leaf) {
        return owners.stream()
            .filter(owner -> needsValue.test(owner.value()))
            .map(owner -> new ValueSpace.Claim(owner.path(), owner.path() + leaf))
            .toList();
    }

    private static <T> List<Owned<T>> sorted(final Intent intent,
            final Function<Tenant, List<T>> children, final Function<T, String> name,
            final PathFunction path) {
        final var owners = new ArrayList<Owned<T>>();
        for (var tenant : intent.tenants()) {
            for (var child : children.apply(tenant)) {
                final var childName = name.apply(child);
                owners.add(new Owned<>(tenant.name(), childName, path.path(tenant.name(), childName), child));
            }
        }
        owners.sort(Owned.ORDER);
        // A duplicate key (only possible without YANG) must not own two values: the first one in order wins.
        final var seen = new HashSet<String>();
        owners.removeIf(owner -> !seen.add(owner.path()));
        return owners;
    }

    @FunctionalInterface
    private interface PathFunction {
        String path(String tenant, String name);
    }

    /** A network or VRF with its tenant and owner path. */
    private record Owned<T>(String tenant, String name, String path, T value) {
        static final Comparator<Owned<?>> ORDER = Comparator.<Owned<?>, String>comparing(Owned::tenant)
            .thenComparing(Owned::name)
            .thenComparing(Owned::path);
    }
}
