package io.openvni.southbound.ssh;

import java.util.Optional;

/**
 * Where each node router is reached over SSH, by device name. The FRR driver bundle implements it from the fabric's
 * {@code node-router/ssh} settings; drivers look a node up at every call, so changed settings apply at once.
 */
@FunctionalInterface
public interface NodeTargets {
    /**
     * The SSH target of a node router.
     *
     * @param device the node router's name
     * @return its target, or empty if the fabric has no such node router
     */
    Optional<SshTarget> target(String device);
}
