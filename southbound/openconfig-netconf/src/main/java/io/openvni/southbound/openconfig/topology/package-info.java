/**
 * The leaf switches' entries in ODL's NETCONF topology: OpenVNI creates, updates and removes one
 * {@code topology-netconf} node per leaf switch of the fabric, so that ODL connects to it and mounts it.
 */
package io.openvni.southbound.openconfig.topology;
