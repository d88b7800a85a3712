/**
 * The preview of a device's complete desired configuration in the device's own format: what the drivers push.
 */
package io.openvni.core.preview;
