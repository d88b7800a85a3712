package io.openvni.benchmarks.nodes;

import io.openvni.testlib.nodes.LabFabric;

/**
 * A network of the benchmark: an L2 VNI with a /24 (gateway {@code .1}) stretched over both nodes, one pod on each
 * ({@code .11} on node1, {@code .12} on node2).
 *
 * @param name the network's name in the tenant
 * @param vni its L2 VNI
 * @param prefix the first three octets of its /24, for example {@code 10.201.3}
 */
record Segment(String name, long vni, String prefix) {
    String subnet() {
        return prefix + ".0/24";
    }

    String gatewayCidr() {
        return prefix + ".1/24";
    }

    String gateway() {
        return prefix + ".1";
    }

    /** The address of the pod on node {@code index} (1 or 2), without prefix length. */
    String pod(final int index) {
        return prefix + "." + (10 + index);
    }

    LabFabric.Network network() {
        return new LabFabric.Network(name, vni, subnet(), gatewayCidr(), "node1", "node2");
    }
}
