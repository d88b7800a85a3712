/**
 * Machinery shared by the singleton components: run a pass over the latest configuration on one thread whenever
 * watched containers change.
 */
package io.openvni.northbound.worker;
