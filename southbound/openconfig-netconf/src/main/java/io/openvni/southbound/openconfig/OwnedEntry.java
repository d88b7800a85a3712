package io.openvni.southbound.openconfig;

import static java.util.Objects.requireNonNull;

import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;

/**
 * One list entry OpenVNI owns on a leaf switch, with everything below it.
 *
 * @param kind what the entry is, for people and for the edit order ({@link LeafDialect#describe}):
 *             {@code network-instance}, {@code interface}, {@code subinterface}, {@code bgp neighbor}, ...
 * @param name which one: its key value, as the dialect names it
 * @param path where it is, from the top-level node down to the entry
 * @param data the entry
 */
public record OwnedEntry(String kind, String name, YangInstanceIdentifier path, MapEntryNode data) {
    public OwnedEntry {
        requireNonNull(kind);
        requireNonNull(name);
        requireNonNull(path);
        requireNonNull(data);
    }

    /** The kind and name, for example {@code network-instance ovni-l2-10001}. */
    public String describe() {
        return kind + " " + name;
    }
}
