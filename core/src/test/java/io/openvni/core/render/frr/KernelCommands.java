package io.openvni.core.render.frr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Turns a {@link KernelPlan} into iproute2 commands, the way a node driver would, so that tests can create the
 * planned devices for real. Test code: the node driver has its own, transactional, implementation.
 */
final class KernelCommands {
    private KernelCommands() {
        // static helpers only
    }

    /**
     * The commands creating a plan's devices, in order.
     *
     * @param plan the plan
     * @param kernelVrfs whether the kernel supports VRF devices; without them, VRF devices and enslaving to them
     *     are left out
     */
    static List<List<String>> of(final KernelPlan plan, final boolean kernelVrfs) {
        final var commands = new ArrayList<List<String>>();
        for (var device : plan.devices()) {
            final var spec = device.spec();
            final String name = device.name();
            final String netns = spec.get("netns");
            switch (device.kind()) {
                case LOOPBACK_ADDRESS -> commands.add(List.of("ip", "addr", "add", spec.get("address"), "dev", name));
                case VRF -> {
                    if (kernelVrfs) {
                        commands.add(List.of("ip", "link", "add", name, "type", "vrf", "table", spec.get("table")));
                        commands.add(List.of("ip", "link", "set", name, "up"));
                    }
                }
                case NETNS_VRF -> {
                    commands.add(List.of("ip", "netns", "add", name));
                    commands.add(List.of("ip", "-n", name, "link", "set", "lo", "up"));
                }
                case BRIDGE -> {
                    commands.add(ip(netns, add(name, spec, "bridge")));
                    if (spec.containsKey("mac")) {
                        commands.add(ip(netns, List.of("link", "set", name, "address", spec.get("mac"))));
                    }
                    if (spec.containsKey("master") && kernelVrfs) {
                        commands.add(ip(netns, List.of("link", "set", name, "master", spec.get("master"))));
                    }
                    if (spec.containsKey("address")) {
                        for (var address : spec.get("address").split(",")) {
                            commands.add(ip(netns, List.of("addr", "add", address, "dev", name)));
                        }
                    }
                    commands.add(ip(netns, List.of("link", "set", name, "up")));
                }
                case VXLAN -> {
                    // Created in the router's namespace so that its UDP socket stays in the underlay.
                    final var add = add(name, spec, "vxlan", "id", spec.get("id"), "local", spec.get("local"),
                        "dstport", spec.get("dstport"));
                    if ("off".equals(spec.get("learning"))) {
                        add.add("nolearning");
                    }
                    commands.add(ip(null, add));
                    moveAndEnslave(commands, name, netns, spec.get("master"));
                    commands.add(bridge(netns, List.of("link", "set", "dev", name, "neigh_suppress",
                        spec.get("neigh_suppress"))));
                }
                case VETH -> {
                    final var add = add(name, spec, "veth", "peer", "name", spec.get("peer"));
                    if (spec.containsKey("mtu")) {
                        add.addAll(List.of("mtu", spec.get("mtu")));
                    }
                    commands.add(ip(null, add));
                    moveAndEnslave(commands, name, netns, spec.get("master"));
                    commands.add(ip(null, List.of("link", "set", spec.get("peer"), "up")));
                }
                default -> throw new IllegalStateException("unknown kind " + device.kind());
            }
        }
        return commands;
    }

    private static void moveAndEnslave(final List<List<String>> commands, final String name,
            final @Nullable String netns, final String master) {
        if (netns != null) {
            commands.add(ip(null, List.of("link", "set", name, "netns", netns)));
        }
        commands.add(ip(netns, List.of("link", "set", name, "master", master)));
        commands.add(ip(netns, List.of("link", "set", name, "up")));
    }

    // "link add NAME [mtu M] type TYPE ARGS...": the MTU must come before the type's own arguments.
    private static List<String> add(final String name, final Map<String, String> spec, final String... type) {
        final var command = new ArrayList<>(List.of("link", "add", name));
        if (spec.containsKey("mtu")) {
            command.add("mtu");
            command.add(spec.get("mtu"));
        }
        command.add("type");
        command.addAll(List.of(type));
        return command;
    }

    private static List<String> ip(final @Nullable String netns, final List<String> arguments) {
        return tool("ip", netns, arguments);
    }

    private static List<String> bridge(final @Nullable String netns, final List<String> arguments) {
        return tool("bridge", netns, arguments);
    }

    private static List<String> tool(final String tool, final @Nullable String netns, final List<String> arguments) {
        final var command = new ArrayList<String>();
        command.add(tool);
        if (netns != null) {
            command.add("-n");
            command.add(netns);
        }
        command.addAll(arguments);
        return command;
    }
}
