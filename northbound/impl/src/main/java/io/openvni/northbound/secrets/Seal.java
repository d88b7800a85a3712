package io.openvni.northbound.secrets;

import static java.util.Objects.requireNonNull;

import org.opendaylight.mdsal.binding.api.WriteTransaction;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;

/**
 * One sealing: the credential container at {@code path} replaced by {@code sealed}, its copy with the plaintext
 * removed and the ciphertext added. The whole container is put (not just the two leaves) so that the commit fails
 * with an optimistic-lock conflict if anything in it changed after the sealer read it.
 *
 * @param path the container ({@code netconf} of a leaf switch, {@code ssh} of a node router)
 * @param sealed its sealed content
 * @param what what was sealed, for the log, e.g. {@code the password of leaf-switch leaf1}; never a value
 */
public record Seal<T extends DataObject>(DataObjectIdentifier<T> path, T sealed, String what) {
    public Seal {
        requireNonNull(path);
        requireNonNull(sealed);
        requireNonNull(what);
    }

    void putInto(final WriteTransaction tx) {
        tx.put(LogicalDatastoreType.CONFIGURATION, path, sealed);
    }

    @Override
    public String toString() {
        // the sealed container holds a ciphertext and possibly other data: keep it out of any log
        return "Seal[" + what + "]";
    }
}
