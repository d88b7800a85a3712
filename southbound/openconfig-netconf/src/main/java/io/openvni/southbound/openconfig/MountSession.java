package io.openvni.southbound.openconfig;

import static java.util.Objects.requireNonNull;

import java.lang.ref.WeakReference;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.mdsal.dom.api.DOMMountPoint;

/**
 * The NETCONF session something was observed in: the mount point ODL had for the device then. ODL makes a new mount
 * point each time it connects a device, so the same mount point means the same session. Held weakly, so that an
 * observation kept between passes does not keep a closed session's mount point (and its schema) alive.
 */
public final class MountSession {
    private final WeakReference<DOMMountPoint> mount;

    MountSession(final DOMMountPoint mount) {
        this.mount = new WeakReference<>(requireNonNull(mount));
    }

    /**
     * Whether this is the session of a mount point.
     *
     * @param current the device's mount point now, or null if it has none
     * @return true if {@code current} is the very mount point this session was observed through
     */
    boolean isOf(final @Nullable DOMMountPoint current) {
        return current != null && mount.get() == current;
    }

    @Override
    public String toString() {
        final var current = mount.get();
        return current == null ? "MountSession[closed]" : "MountSession[" + current.getIdentifier() + "]";
    }
}
