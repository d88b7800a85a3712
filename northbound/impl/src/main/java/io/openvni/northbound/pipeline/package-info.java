/**
 * The controller: on every committed change of the fabric or the tenants, run the core's pipeline step
 * ({@link io.openvni.core.pipeline.IntentPipeline}: allocate, stable and persisted, then compile incrementally),
 * hand the desired configurations to the reconciler, and publish the status and the fabric it took in.
 */
package io.openvni.northbound.pipeline;
