/**
 * The node router driver: {@link io.openvni.southbound.frr.FrrNodeDriver} configures FRR and the Linux devices of
 * a node through a {@link io.openvni.southbound.frr.NodeShell}.
 */
package io.openvni.southbound.frr;
