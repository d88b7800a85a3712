/**
 * The management channel to the FRR routers on Kubernetes nodes: everything the controller does on a node goes
 * through {@link io.openvni.southbound.ssh.NodeSessions} (commands and local port forwards over cached SSH sessions),
 * with host keys pinned on first contact in an OpenSSH {@code known_hosts} file and verified there by MINA SSHD.
 */
package io.openvni.southbound.ssh;
