/**
 * Implementations of the OpenVNI RPCs.
 */
package io.openvni.northbound.rpc;
