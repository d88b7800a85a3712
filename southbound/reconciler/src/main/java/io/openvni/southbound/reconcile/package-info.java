/**
 * The reconciler: drives every device towards its desired configuration through the driver SPI, and reports where
 * each device stands. One work queue per device (a single slot where the newest desired configuration replaces
 * older ones), many devices in parallel on a bounded executor, retries with exponential backoff and full jitter,
 * periodic drift checks with optional automatic healing. Time, timers, threads and randomness are injected, so
 * tests run without sleeping.
 */
package io.openvni.southbound.reconcile;
