/**
 * What the OpenVNI controller offers to other bundles (the Karaf console): the current
 * validated intent, allocations, desired device configurations with their generations, and previews.
 */
package io.openvni.northbound.api;
