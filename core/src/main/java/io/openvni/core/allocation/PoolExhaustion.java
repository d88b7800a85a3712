package io.openvni.core.allocation;

/**
 * The reason owners got no value from a pool whose values are all in use, with the numbers an operator needs to
 * decide between a larger pool and a smaller change: how many values the pool has and how many owners went without.
 */
final class PoolExhaustion {
    /** A noun in its singular and plural form. */
    record Noun(String one, String many) {
        String count(final long count) {
            return count + " " + (count == 1 ? one : many);
        }
    }

    static final Noun VNI = new Noun("VNI", "VNIs");
    static final Noun VLAN = new Noun("VLAN", "VLANs");
    static final Noun RD_INDEX = new Noun("index", "indexes");
    static final Noun ADDRESS = new Noun("address", "addresses");
    static final Noun NETWORK = new Noun("network", "networks");
    static final Noun VRF = new Noun("VRF", "VRFs");
    static final Noun NETWORK_OR_VRF = new Noun("network or VRF", "networks and VRFs");
    static final Noun NODE_ROUTER = new Noun("node router", "node routers");

    private PoolExhaustion() {
        // utility
    }

    /**
     * Says that a pool is exhausted, e.g. "the VLAN pool 100..101 is exhausted: all 2 VLANs are in use and 3 more
     * networks need one".
     *
     * @param pool the pool, named with its range
     * @param size how many usable values the pool has
     * @param value what the pool holds
     * @param unserved how many owners got no value
     * @param owner what the owners are
     */
    static String reason(final String pool, final long size, final Noun value, final long unserved,
            final Noun owner) {
        final var inUse = size == 1 ? "its only " + value.one() + " is in use"
            : "all " + value.count(size) + " are in use";
        final var needing = unserved == 1 ? "1 more " + owner.one() + " needs one"
            : unserved + " more " + owner.many() + " need one";
        return "the " + pool + " is exhausted: " + inUse + " and " + needing;
    }
}
