/**
 * Conversion between the generated MD-SAL bindings of the OpenVNI models and the core's intent and allocation
 * records. The only place that knows both sides; it applies the YANG defaults so the core never sees a missing
 * value that has one. Each generation of the intent is decoded and validated once, at admission, and shared with
 * the controller ({@link io.openvni.northbound.binding.DecodedIntents}).
 */
package io.openvni.northbound.binding;
