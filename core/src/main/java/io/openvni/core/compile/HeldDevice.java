package io.openvni.core.compile;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A device that is not compiled because an owner it would carry (a network, its VRF, a node router's VTEP) has no
 * allocated value. It keeps its previous desired configuration, if it had one, and shows the reasons as a failure.
 *
 * @param name the device
 * @param role its role
 * @param reasons why, each naming the owner
 */
public record HeldDevice(String name, DeviceRole role, List<String> reasons) {
    public HeldDevice {
        requireNonNull(name);
        requireNonNull(role);
        reasons = List.copyOf(reasons);
    }

    /** The reasons in one line. */
    public String describe() {
        return "not compiled, keeps its previous configuration: " + String.join("; ", reasons);
    }

    HeldDevice with(final HeldDevice more) {
        final var all = new ArrayList<>(reasons);
        more.reasons.stream().filter(reason -> !all.contains(reason)).forEach(all::add);
        return new HeldDevice(name, role, all);
    }
}
