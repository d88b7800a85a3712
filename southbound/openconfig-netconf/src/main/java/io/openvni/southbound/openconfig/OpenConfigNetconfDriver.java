package io.openvni.southbound.openconfig;

import io.openvni.southbound.spi.DeviceDriver;
import org.opendaylight.mdsal.dom.api.DOMMountPointService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The driver of OpenConfig leaf switches ({@link io.openvni.southbound.spi.DriverKey#OPENCONFIG_LEAF}). */
@Component(service = DeviceDriver.class, property = "openvni.driver=leaf-switch/openconfig")
public final class OpenConfigNetconfDriver extends NetconfLeafDriver {
    /**
     * A driver with the given settings.
     *
     * @param mounts ODL's mount point service
     * @param settings timeouts and edit sizes
     */
    public OpenConfigNetconfDriver(final DOMMountPointService mounts, final OpenConfigDriverSettings settings) {
        super(mounts, settings, OpenConfigDialect.INSTANCE);
    }

    /**
     * The OSGi component, with {@link OpenConfigDriverSettings#DEFAULT}.
     *
     * @param mounts ODL's mount point service
     */
    @Activate
    public OpenConfigNetconfDriver(@Reference final DOMMountPointService mounts) {
        this(mounts, OpenConfigDriverSettings.DEFAULT);
    }
}
