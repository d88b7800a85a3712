package io.openvni.southbound.openconfig;

import io.openvni.southbound.openconfig.topology.LeafSchemaProblems;
import io.openvni.southbound.spi.DeviceDriver;
import org.opendaylight.mdsal.dom.api.DOMMountPointService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The driver of OpenConfig leaf switches ({@link io.openvni.southbound.spi.DriverKey#OPENCONFIG_LEAF}). */
@Component(service = DeviceDriver.class, property = "openvni.driver=leaf-switch/openconfig")
public final class OpenConfigNetconfDriver extends NetconfLeafDriver {
    /**
     * A driver with the given settings, for leaves whose schema-directory is never in question.
     *
     * @param mounts ODL's mount point service
     * @param settings timeouts and edit sizes
     */
    public OpenConfigNetconfDriver(final DOMMountPointService mounts, final OpenConfigDriverSettings settings) {
        this(mounts, settings, new LeafSchemaProblems());
    }

    /**
     * A driver with the given settings, reporting the leaves not connected for their schema-directory.
     *
     * @param mounts ODL's mount point service
     * @param settings timeouts and edit sizes
     * @param schemaProblems leaves the topology manager does not connect, with why
     */
    public OpenConfigNetconfDriver(final DOMMountPointService mounts, final OpenConfigDriverSettings settings,
            final LeafSchemaProblems schemaProblems) {
        super(mounts, settings, OpenConfigDialect.INSTANCE, schemaProblems);
    }

    /**
     * The OSGi component, with {@link OpenConfigDriverSettings#DEFAULT}.
     *
     * @param mounts ODL's mount point service
     * @param schemaProblems leaves the topology manager does not connect, with why
     */
    @Activate
    public OpenConfigNetconfDriver(@Reference final DOMMountPointService mounts,
            @Reference final LeafSchemaProblems schemaProblems) {
        this(mounts, OpenConfigDriverSettings.DEFAULT, schemaProblems);
    }
}
