package io.openvni.southbound.spi;

import static java.util.Objects.requireNonNull;

import io.openvni.core.compile.DeviceIntent;
import java.util.Optional;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What a driver must read from a device: everything the desired intent owns there, plus everything the last
 * applied intent owned. The second part matters for objects owned by name rather than by an OpenVNI prefix (an SVI
 * {@code Vlan<vlan>}, a BGP neighbor): when the intent drops one, only the previous intent says it was ours, so the
 * diff can remove it.
 *
 * @param desired what the device should run; also names the device
 * @param lastApplied what this reconciler last applied to the device, {@code null} when it has not applied anything
 *                    yet (first contact, or after a controller restart)
 */
public record ReadScope(DeviceIntent desired, @Nullable DeviceIntent lastApplied) {
    public ReadScope {
        requireNonNull(desired);
    }

    /**
     * The device's name.
     *
     * @return the name
     */
    public String device() {
        return desired.name();
    }

    /**
     * The last applied intent, if this reconciler knows one.
     *
     * @return the intent, or empty
     */
    public Optional<DeviceIntent> previous() {
        return Optional.ofNullable(lastApplied);
    }
}
