package io.openvni.northbound.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.Status;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.Controller;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.Device;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.status.Tenant;

/**
 * What one write of {@code openvni-status:status} changes: the whole container, or only the entries that changed
 * since the last write, so that a fabric of many devices costs a write per changed device, not per status change.
 */
sealed interface StatusWrite {
    /**
     * Replaces the whole container: the first write, after every compile and after a failed write.
     *
     * @param status the container
     */
    record Whole(Status status) implements StatusWrite {
        public Whole {
            requireNonNull(status);
        }
    }

    /**
     * Replaces some entries of the container written before.
     *
     * @param devices device entries to replace
     * @param removedDevices names of device entries to delete
     * @param tenants tenant entries to replace
     * @param controller the controller's standing to replace, {@code null} to leave it
     */
    record Parts(List<Device> devices, Set<String> removedDevices, List<Tenant> tenants,
            @Nullable Controller controller) implements StatusWrite {
        public Parts {
            devices = List.copyOf(devices);
            removedDevices = Set.copyOf(removedDevices);
            tenants = List.copyOf(tenants);
        }

        /**
         * Whether it changes nothing.
         *
         * @return {@code true} if there is nothing to write
         */
        boolean isEmpty() {
            return devices.isEmpty() && removedDevices.isEmpty() && tenants.isEmpty() && controller == null;
        }
    }
}
