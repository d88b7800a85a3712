/**
 * The pure pipeline step the controller runs for every committed intent: validate and allocate (stable against the
 * persisted allocations), then compile incrementally. No datastore, no threads: the northbound adapter reads the
 * intent, calls it, and persists and publishes what it returns.
 */
package io.openvni.core.pipeline;
