package io.openvni.southbound.openconfig;

/**
 * The device's YANG schema cannot hold the configuration OpenVNI renders for it: a module is missing, or a node
 * the rendering uses does not exist in the device's version of a module. The message names the device and what
 * is missing; the driver reports it as {@link io.openvni.southbound.spi.DeviceFailure.Rejected}.
 */
public final class UnsupportedSchemaException extends Exception {
    private static final long serialVersionUID = 1L;

    UnsupportedSchemaException(final String message) {
        super(message);
    }

    UnsupportedSchemaException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
