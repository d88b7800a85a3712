/**
 * The compiler: validated intent plus allocations in, one device-neutral {@link io.openvni.core.compile.DeviceIntent}
 * per device out. Dialect renderers turn a DeviceIntent into what a device speaks. The incremental compiler
 * recompiles only the devices a change touches and bumps only their generations.
 */
package io.openvni.core.compile;
