package io.openvni.southbound.openconfig;

import io.openvni.southbound.openconfig.topology.LeafSchemaProblems;
import io.openvni.southbound.spi.DeviceDriver;
import org.opendaylight.mdsal.dom.api.DOMMountPointService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The driver of Nokia SR Linux leaf switches ({@code leaf-switch/srlinux}), in SR Linux's native models. */
@Component(service = DeviceDriver.class, property = "openvni.driver=leaf-switch/srlinux")
public final class SrlinuxNetconfDriver extends NetconfLeafDriver {
    /**
     * The OSGi component, with {@link OpenConfigDriverSettings#DEFAULT}.
     *
     * @param mounts ODL's mount point service
     * @param schemaProblems leaves the topology manager does not connect, with why
     */
    @Activate
    public SrlinuxNetconfDriver(@Reference final DOMMountPointService mounts,
            @Reference final LeafSchemaProblems schemaProblems) {
        super(mounts, OpenConfigDriverSettings.DEFAULT, SrlinuxDialect.INSTANCE, schemaProblems);
    }
}
