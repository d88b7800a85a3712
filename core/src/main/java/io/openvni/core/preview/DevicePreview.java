package io.openvni.core.preview;

import static java.util.Objects.requireNonNull;

import io.openvni.core.compile.DeviceRole;
import io.openvni.core.render.frr.KernelDevice;
import java.util.List;

/**
 * A device's rendered desired configuration.
 *
 * @param device device name
 * @param role leaf switch or node router
 * @param format how {@code config} is written
 * @param generation the desired generation rendered
 * @param config the configuration text: pretty-printed RFC 7951 JSON, or FRR configuration text
 * @param kernelDevices the Linux devices of a node router in creation order, empty for leaf switches
 */
public record DevicePreview(String device, DeviceRole role, Format format, long generation, String config,
        List<KernelDevice> kernelDevices) {
    /** Formats of {@link #config()}. The YANG names are those of the preview RPC output. */
    public enum Format {
        OPENCONFIG_JSON("openconfig-json"),
        SRLINUX_JSON("srlinux-json"),
        FRR("frr");

        private final String yangName;

        Format(final String yangName) {
            this.yangName = yangName;
        }

        public String yangName() {
            return yangName;
        }
    }

    public DevicePreview {
        requireNonNull(device);
        requireNonNull(role);
        requireNonNull(format);
        requireNonNull(config);
        kernelDevices = List.copyOf(kernelDevices);
    }
}
