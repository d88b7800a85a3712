package io.openvni.core.render.frr;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One Linux network object a node router needs, with its parameters. The spec keys per kind:
 * <ul>
 *   <li>{@code loopback-address} (name {@code lo}): {@code address} — the VTEP as {@code a.b.c.d/32}</li>
 *   <li>{@code vrf}: {@code table} — the VRF device's routing table id</li>
 *   <li>{@code netns-vrf}: {@code path} — the namespace's path, {@code /run/netns/<name>}</li>
 *   <li>{@code bridge}: {@code netns} (namespace it lives in), {@code master} (its kernel VRF), {@code mac} (the
 *       anycast gateway MAC), {@code address} (comma-separated gateway addresses with prefix length), {@code mtu}
 *       — each only when it applies</li>
 *   <li>{@code vxlan}: {@code id}, {@code local}, {@code dstport}, {@code learning=off}, {@code neigh_suppress}
 *       ({@code on}/{@code off}, the bridge port flag for ARP/ND suppression), then {@code netns} (namespace it is
 *       created in, from the router's namespace that keeps its UDP socket), {@code l3vni=true} for the device of an L3 VNI, {@code master}, {@code mtu}</li>
 *   <li>{@code veth}: {@code peer} (the workload end, which stays in the router's namespace), {@code netns}
 *       (namespace the bridge end is created in), {@code master}, {@code mtu}</li>
 * </ul>
 *
 * @param name device name (unique within the plan; the list key of the preview RPC's kernel-device list)
 * @param kind what it is
 * @param spec its parameters, in a fixed order
 */
public record KernelDevice(String name, Kind kind, Map<String, String> spec) {
    /** What a kernel device is. The YANG names are those of the preview RPC's kernel-device kind. */
    public enum Kind {
        LOOPBACK_ADDRESS("loopback-address"),
        VRF("vrf"),
        NETNS_VRF("netns-vrf"),
        BRIDGE("bridge"),
        VXLAN("vxlan"),
        VETH("veth");

        private final String yangName;

        Kind(final String yangName) {
            this.yangName = yangName;
        }

        public String yangName() {
            return yangName;
        }
    }

    public KernelDevice {
        requireNonNull(name);
        requireNonNull(kind);
        if (name.isEmpty() || name.length() > NodeNames.MAX_INTERFACE_NAME) {
            throw new IllegalArgumentException("device name '" + name + "' is not 1.."
                + NodeNames.MAX_INTERFACE_NAME + " characters long");
        }
        spec = Collections.unmodifiableMap(new LinkedHashMap<>(spec));
    }

    /** The spec as {@code key=value} words separated by spaces, as the preview RPC shows it. */
    public String specText() {
        return spec.entrySet().stream()
            .map(entry -> entry.getKey() + "=" + entry.getValue())
            .collect(Collectors.joining(" "));
    }
}
