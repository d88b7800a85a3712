package io.openvni.core.preview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.openvni.core.compile.DesiredConfig;
import io.openvni.core.compile.Platform;
import io.openvni.core.render.frr.FrrRenderer;
import io.openvni.core.render.frr.KernelPlanner;
import io.openvni.core.intent.LeafSwitch.Dialect;
import io.openvni.core.render.openconfig.OpenConfigRenderer;
import io.openvni.core.render.srlinux.SrlinuxRenderer;
import java.util.List;

/**
 * Renders a device's desired configuration with the renderer of its dialect.
 */
public final class DevicePreviewer {
    private static final ObjectWriter JSON = new ObjectMapper().writerWithDefaultPrettyPrinter();

    private final OpenConfigRenderer openConfig = new OpenConfigRenderer();
    private final SrlinuxRenderer srlinux = new SrlinuxRenderer();
    private final FrrRenderer frr = new FrrRenderer();
    private final KernelPlanner kernel = new KernelPlanner();

    public DevicePreview preview(final DesiredConfig desired) {
        final var intent = desired.intent();
        return switch (intent.platform()) {
            case Platform.LeafPlatform leaf when leaf.dialect() == Dialect.SRLINUX -> new DevicePreview(intent.name(),
                intent.role(), DevicePreview.Format.SRLINUX_JSON, desired.generation(), json(srlinux.render(intent)),
                List.of());
            case Platform.LeafPlatform leaf -> new DevicePreview(intent.name(), intent.role(),
                DevicePreview.Format.OPENCONFIG_JSON, desired.generation(), json(openConfig.render(intent)),
                List.of());
            case Platform.NodePlatform node -> new DevicePreview(intent.name(), intent.role(),
                DevicePreview.Format.FRR, desired.generation(), frr.render(intent).text(),
                kernel.plan(intent).devices());
        };
    }

    private static String json(final Object tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            // a Jackson tree always serializes
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
