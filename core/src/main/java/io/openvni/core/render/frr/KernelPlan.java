package io.openvni.core.render.frr;

import java.util.HashSet;
import java.util.List;

/**
 * The Linux network devices of a node router, in creation order: the VTEP address, then VRFs, bridges, VXLAN
 * devices and veth pairs, each group by VNI. Deleting goes in reverse order.
 *
 * @param devices the devices; names are unique
 */
public record KernelPlan(List<KernelDevice> devices) {
    public KernelPlan {
        devices = List.copyOf(devices);
        final var names = new HashSet<String>();
        for (var device : devices) {
            if (!names.add(device.name())) {
                throw new IllegalArgumentException("device " + device.name() + " is planned twice");
            }
        }
    }

    /** One line per device: creation order (from 1), kind, name and spec. */
    public String text() {
        final var text = new StringBuilder();
        for (int i = 0; i < devices.size(); i++) {
            final var device = devices.get(i);
            text.append(i + 1).append(' ').append(device.kind().yangName()).append(' ').append(device.name());
            if (!device.spec().isEmpty()) {
                text.append(' ').append(device.specText());
            }
            text.append('\n');
        }
        return text.toString();
    }
}
