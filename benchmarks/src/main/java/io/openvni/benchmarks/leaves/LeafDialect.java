package io.openvni.benchmarks.leaves;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * The configuration dialect of the benchmark's leaves ({@code dialect} of each fabric leaf): what the controller's
 * preview of a leaf is, and where in it and on a device the network instances are, which the baselines read back.
 */
enum LeafDialect {
    /** OpenConfig: top-level containers holding one list each. */
    OPENCONFIG("openconfig-json", "openconfig-network-instance:network-instances", "network-instance"),
    /** Nokia SR Linux native: top-level lists. */
    SRLINUX("srlinux-json", "srl_nokia-network-instance:network-instance", null);

    private final String previewFormat;
    private final String instancesTop;
    private final String instancesList;

    LeafDialect(final String previewFormat, final String instancesTop, final String instancesList) {
        this.previewFormat = previewFormat;
        this.instancesTop = instancesTop;
        this.instancesList = instancesList;
    }

    /** The dialect named as in the fabric's {@code dialect} (and {@code --dialect}). */
    static LeafDialect of(final String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--dialect: unknown leaf dialect " + name + " (openconfig, srlinux)",
                e);
        }
    }

    /** As in the fabric's {@code dialect}. */
    String fabricName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The {@code format} of the controller's {@code preview-device-config} for such a leaf. */
    String previewFormat() {
        return previewFormat;
    }

    /** The top-level node holding the network instances, {@code module:name}: what the baseline reads back. */
    String instancesTop() {
        return instancesTop;
    }

    /** The network instances in a configuration of this dialect (a preview, or a read of {@link #instancesTop}). */
    JsonNode instances(final JsonNode config) {
        final JsonNode top = config.path(instancesTop);
        return instancesList == null ? top : top.path(instancesList);
    }
}
