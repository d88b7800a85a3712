/**
 * The management channel to the FRR routers on Kubernetes nodes: everything the controller does on a node goes
 * through {@link io.openvni.southbound.ssh.NodeSessions} (commands and local port forwards over cached SSH sessions),
 * with host keys pinned on first use in a {@link io.openvni.southbound.ssh.HostKeyStore}.
 */
package io.openvni.southbound.ssh;
