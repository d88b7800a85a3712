/**
 * FRR node-router labs: Kubernetes-node stand-ins (real FRR 8.4 in namespace hosts, each behind its own sshd), the
 * fabric that points OpenVNI at them, and workloads (pods) attached to the networks OpenVNI puts on them.
 */
package io.openvni.testlib.nodes;
