/**
 * Allocation of VNIs, VLANs, route-distinguisher indexes and VTEP addresses: deterministic (lowest free value,
 * owners in sorted order) and stable (a value never changes while its owner exists). The controller persists the
 * result and feeds it back in as the previous allocations.
 */
package io.openvni.core.allocation;
