package io.openvni.southbound.spi;

/**
 * One change a driver will make on a device. Drivers define their own change types (an edit-config operation on an
 * OpenConfig path, an FRR stanza, a kernel device); the reconciler only needs to show them to people.
 */
public interface Change {
    /**
     * One line for status and logs, naming the operation and the owned object, for example
     * {@code replace network-instance ovni-l2-10001}. Never contains credentials.
     *
     * @return the description
     */
    String describe();
}
