/**
 * Dialect renderers: a {@link io.openvni.core.compile.DeviceIntent} in, what one kind of device speaks out. Each
 * renderer owns its target model and says which parts of the device configuration OpenVNI owns, so that the diff
 * looks only there. Renderers are pure and deterministic: equal intent renders to equal output, byte for byte.
 *
 * <ul>
 *   <li>{@link io.openvni.core.render.openconfig} renders leaf switches to RFC 7951 JSON of OpenConfig.</li>
 *   <li>{@link io.openvni.core.render.frr} renders node routers to FRR configuration text and a plan of Linux
 *       network devices.</li>
 * </ul>
 */
package io.openvni.core.render;
