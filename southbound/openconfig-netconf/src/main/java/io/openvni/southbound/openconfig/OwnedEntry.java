package io.openvni.southbound.openconfig;

import static java.util.Objects.requireNonNull;

import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;

/**
 * One list entry OpenVNI owns on a leaf switch, with everything below it.
 *
 * @param kind what the entry is, for people: {@code network-instance}, {@code connection-point},
 *             {@code interface}, {@code bgp neighbor}
 * @param name the entry's key value
 * @param path where it is, from the top container down to the entry
 * @param data the entry
 */
public record OwnedEntry(Kind kind, String name, YangInstanceIdentifier path, MapEntryNode data) {
    /** The kinds of owned entries, in the order their changes are listed and applied. */
    public enum Kind {
        /** An SVI {@code Vlan<N>} under {@code openconfig-interfaces:interfaces}. */
        INTERFACE("interface"),
        /** A network instance whose name starts with {@code ovni-}. */
        NETWORK_INSTANCE("network-instance"),
        /** The VTEP connection point {@code ovni-vtep} of the default network instance. */
        CONNECTION_POINT("connection-point"),
        /** A BGP neighbor of the default network instance's BGP protocol. */
        BGP_NEIGHBOR("bgp neighbor");

        private final String text;

        Kind(final String text) {
            this.text = text;
        }

        /** How the kind reads in a change description. */
        public String text() {
            return text;
        }
    }

    public OwnedEntry {
        requireNonNull(kind);
        requireNonNull(name);
        requireNonNull(path);
        requireNonNull(data);
    }

    /** The kind and name, for example {@code network-instance ovni-l2-10001}. */
    public String describe() {
        return kind.text() + " " + name;
    }
}
