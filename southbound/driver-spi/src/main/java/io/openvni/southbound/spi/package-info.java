/**
 * The device driver SPI: the only thing the reconciler knows about devices. A driver reads what OpenVNI owns on a
 * device, computes the change set towards a desired {@link io.openvni.core.compile.DeviceIntent}, and applies it.
 * Every device-side failure comes back as a typed result, never as an exception, so that retries, drift and
 * status are written once, in the reconciler, for every kind of device.
 */
package io.openvni.southbound.spi;
