/**
 * The compile pipeline: on every committed change of the fabric or the tenants, allocate (stable, persisted),
 * compile incrementally, and publish the desired configurations and the status.
 */
package io.openvni.northbound.pipeline;
