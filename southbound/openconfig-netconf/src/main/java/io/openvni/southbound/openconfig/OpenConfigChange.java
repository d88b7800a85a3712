package io.openvni.southbound.openconfig;

import static java.util.Objects.requireNonNull;

import io.openvni.southbound.spi.Change;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;

/**
 * One edit of an owned entry on a leaf switch: an {@code edit-config} whose target entry carries the operation,
 * under parents that are merged.
 */
public sealed interface OpenConfigChange extends Change {
    /**
     * The entry the change is about.
     *
     * @return the entry (the desired one for a replace, the device's for a delete)
     */
    OwnedEntry entry();

    /**
     * The configuration to send, from the top-level node down to the target entry. Parents are merged; the target
     * entry gets the change's operation.
     *
     * @return the edit tree
     */
    DataContainerChild edit();

    /**
     * The NETCONF operation on the target entry.
     *
     * @return {@code replace} or {@code remove}
     */
    String operation();

    /**
     * Write the desired entry in place of whatever the device has there.
     *
     * @param entry the desired entry
     * @param edit the entry under its merged parents (the default instance with its {@code config}, the BGP
     *             protocol with its {@code global/config}) so that a parent the device lacks is created whole
     */
    record Replace(OwnedEntry entry, DataContainerChild edit) implements OpenConfigChange {
        public Replace {
            requireNonNull(entry);
            requireNonNull(edit);
        }

        @Override
        public String operation() {
            return "replace";
        }

        @Override
        public String describe() {
            return "replace " + entry.describe();
        }
    }

    /**
     * Remove an entry the desired configuration no longer has. {@code remove} rather than {@code delete}, so that
     * a pass repeating a half-applied one does not fail on an entry that is already gone.
     *
     * @param entry the device's entry
     * @param edit the entry's keys under its parents' keys
     */
    record Delete(OwnedEntry entry, DataContainerChild edit) implements OpenConfigChange {
        public Delete {
            requireNonNull(entry);
            requireNonNull(edit);
        }

        @Override
        public String operation() {
            return "remove";
        }

        @Override
        public String describe() {
            return "delete " + entry.describe();
        }
    }
}
