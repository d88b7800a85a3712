/**
 * The demo fabric's devices for {@code scripts/openvni-run.sh --demo}: its leaf switches as simulated netconfd
 * leaves and its node routers as FRR nodes, each with a pod once OpenVNI puts a network on it.
 */
package io.openvni.demo;
