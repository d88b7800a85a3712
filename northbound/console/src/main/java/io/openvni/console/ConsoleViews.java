package io.openvni.console;

import io.openvni.core.allocation.AllocationKind;
import io.openvni.core.allocation.Allocations;
import io.openvni.core.intent.Fabric;
import io.openvni.core.intent.Intent;
import io.openvni.core.intent.IntentPaths;
import io.openvni.core.intent.Network;
import io.openvni.core.intent.Vrf;
import io.openvni.core.preview.DevicePreview;
import io.openvni.core.status.DeviceStatus;
import io.openvni.northbound.api.ControllerStatus;
import io.openvni.northbound.api.FabricSnapshot;
import io.openvni.northbound.api.SealingStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * Renders the controller's state as console text. Credentials are never shown.
 */
final class ConsoleViews {
    private ConsoleViews() {
        // static views
    }

    static String fabric(final FabricSnapshot snapshot) {
        final Fabric fabric = snapshot.intent().fabric();
        final var out = new StringBuilder()
            .append("route-target-asn: ").append(fabric.routeTargetAsn() == null ? "(unset)" : fabric.routeTargetAsn())
            .append("\nanycast-gateway-mac: ").append(fabric.anycastGatewayMac())
            .append("\nvni-pools: l2 ").append(fabric.l2VniPool()).append(", l3 ").append(fabric.l3VniPool())
            .append("\nvlan-pool: ").append(fabric.vlanPool())
            .append("\nvtep-pool: ").append(fabric.vtepPool() == null ? "(unset)" : fabric.vtepPool())
            .append("\n\n");
        final var table = new ShellTable().emptyTableText("no devices");
        table.column("Device");
        table.column("Type");
        table.column("ASN");
        table.column("Router ID");
        table.column("VTEP");
        table.column("Management");
        for (var leaf : fabric.leafSwitches()) {
            table.addRow().addContent(leaf.name(), "leaf-switch", leaf.asn(), leaf.routerId(), leaf.vtepAddress(),
                "netconf " + leaf.netconf().host() + ":" + leaf.netconf().port());
        }
        final Allocations allocations = snapshot.allocations();
        for (var node : fabric.nodeRouters()) {
            final String vtep = node.vtepAddress() != null ? node.vtepAddress()
                : allocations.get(AllocationKind.VTEP, IntentPaths.nodeRouter(node.name())).map(v -> v + " (allocated)")
                    .orElse("(pending)");
            table.addRow().addContent(node.name(), "node-router", node.asn(), node.routerId(), vtep,
                "ssh " + node.ssh().host() + ":" + node.ssh().port());
        }
        return out.append(print(table)).toString();
    }

    static String tenants(final FabricSnapshot snapshot) {
        final Intent intent = snapshot.intent();
        final var allocations = snapshot.allocations();
        final var table = new ShellTable().emptyTableText("no tenants");
        table.column("Tenant");
        table.column("Kind");
        table.column("Name");
        table.column("VNI");
        table.column("VLAN");
        table.column("VRF");
        table.column("Subnets / gateways");
        table.column("Placement");
        for (var tenant : intent.tenants().stream().sorted(Comparator.comparing(t -> t.name())).toList()) {
            for (Vrf vrf : tenant.vrfs()) {
                final String path = IntentPaths.vrf(tenant.name(), vrf.name());
                table.addRow().addContent(tenant.name(), "vrf", vrf.name(),
                    value(vrf.l3Vni(), allocations, AllocationKind.L3_VNI, path), "", "", "", "");
            }
            for (Network network : tenant.networks()) {
                final String path = IntentPaths.network(tenant.name(), network.name());
                table.addRow().addContent(tenant.name(), "network", network.name(),
                    value(network.l2Vni(), allocations, AllocationKind.L2_VNI, path),
                    value(network.vlan() == null ? null : network.vlan().longValue(), allocations,
                        AllocationKind.VLAN, path),
                    network.vrf() == null ? "(L2 only)" : network.vrf(),
                    String.join(",", network.subnets()) + " / " + String.join(",", network.gateways()),
                    placement(network));
            }
        }
        return print(table);
    }

    static String status(final FabricSnapshot snapshot) {
        final var table = new ShellTable().emptyTableText("no devices");
        table.column("Device");
        table.column("Type");
        table.column("State");
        table.column("Desired");
        table.column("Applied");
        table.column("Last change");
        table.column("Pass");
        table.column("Last error");
        for (DeviceStatus device : snapshot.devices().values().stream()
                .sorted(Comparator.comparing(DeviceStatus::name)).toList()) {
            final var progress = snapshot.progress().get(device.name());
            table.addRow().addContent(device.name(), device.role().yangName(), device.state().yangName(),
                device.desiredGeneration(), device.appliedGeneration(), device.lastChange(),
                progress == null ? "" : progress.describe() + " since " + progress.since(), device.lastError());
        }
        final long inSync = snapshot.devices().values().stream().filter(DeviceStatus::isInSync).count();
        return print(table) + inSync + " of " + snapshot.devices().size() + " devices in sync; "
            + snapshot.allocations().size() + " allocations\n" + controller(snapshot.controller())
            + allocationErrors(snapshot) + operational(snapshot);
    }

    /** The controller's own failures, when it has any: they are retried, and shown here. */
    private static String controller(final ControllerStatus controller) {
        final var out = new StringBuilder();
        if (!controller.lastError().isEmpty()) {
            out.append("controller: ").append(controller.failedPasses()).append(" failed pass(es), next attempt ")
                .append(controller.nextAttempt()).append(": ").append(controller.lastError()).append('\n');
        }
        if (controller.statusWriteFailures() > 0) {
            out.append("controller: ").append(controller.statusWriteFailures())
                .append(" status write(s) failed and were retried, last: ")
                .append(controller.lastStatusWriteError()).append('\n');
        }
        return out.toString();
    }

    /**
     * The secret sealer's standing: credentials still in plaintext (by path, never value), and why sealing them
     * failed. Read from the datastore, so it shows on every node, wherever the sealer runs.
     */
    static String secrets(final SealingStatus sealing) {
        if (sealing.checkedAt() == null && sealing.lastError().isEmpty()) {
            return "credentials: not checked yet\n";
        }
        final var out = new StringBuilder("credentials: ");
        if (sealing.unsealed().isEmpty()) {
            out.append("all sealed");
        } else {
            out.append(sealing.unsealed().size()).append(" still in plaintext: ")
                .append(String.join(", ", sealing.unsealed()));
        }
        if (sealing.checkedAt() != null) {
            out.append(" (checked ").append(sealing.checkedAt()).append(')');
        }
        out.append('\n');
        if (!sealing.lastError().isEmpty()) {
            out.append("credentials: ").append(sealing.failedAttempts()).append(" failed sealing(s)");
            if (sealing.lastErrorAt() != null) {
                out.append(", last at ").append(sealing.lastErrorAt());
            }
            if (sealing.nextAttempt() != null) {
                out.append(", next attempt ").append(sealing.nextAttempt());
            }
            out.append(": ").append(sealing.lastError()).append('\n');
        }
        return out.toString();
    }

    /** Persisted allocations that could not be kept: their owners wait for the operator, unallocated. */
    private static String allocationErrors(final FabricSnapshot snapshot) {
        final var out = new StringBuilder();
        snapshot.compiled().allocationProblems().forEach(problem -> out.append("allocation error: ")
            .append(problem.message()).append('\n'));
        return out.toString();
    }

    /** What node routers report: management channel, BGP sessions and VNIs with their remote VTEPs. */
    private static String operational(final FabricSnapshot snapshot) {
        final var out = new StringBuilder();
        snapshot.operational().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            final var read = entry.getValue();
            out.append('\n').append(entry.getKey()).append(':');
            final var state = read.state();
            if (state != null) {
                out.append(" managed by ").append(state.management())
                    .append(state.software().isEmpty() ? "" : ", " + state.software()).append('\n');
                state.sessions().forEach(session -> out.append("  bgp ").append(session.vrf()).append(' ')
                    .append(session.peer()).append(' ').append(session.addressFamily()).append(' ')
                    .append(session.state()).append(", ").append(session.prefixesReceived())
                    .append(" prefixes received\n"));
                state.vnis().forEach(vni -> out.append("  vni ").append(vni.vni()).append(' ').append(vni.type())
                    .append(" vrf ").append(vni.vrf()).append(vni.remoteVteps().isEmpty() ? ""
                        : ", remote VTEPs " + String.join(" ", vni.remoteVteps())).append('\n'));
            } else {
                out.append('\n');
            }
            if (!read.readError().isEmpty()) {
                out.append("  last read failed: ").append(read.readError()).append('\n');
            }
        });
        return out.toString();
    }

    static String preview(final DevicePreview preview) {
        final var out = new StringBuilder()
            .append("# device ").append(preview.device()).append(" (").append(preview.role().yangName())
            .append("), format ").append(preview.format().yangName()).append(", desired generation ")
            .append(preview.generation()).append('\n')
            .append(preview.config());
        if (!preview.config().endsWith("\n")) {
            out.append('\n');
        }
        if (!preview.kernelDevices().isEmpty()) {
            out.append("# kernel devices, in creation order\n");
            int order = 1;
            for (var device : preview.kernelDevices()) {
                out.append(order++).append(' ').append(device.kind().yangName()).append(' ').append(device.name())
                    .append(' ').append(device.specText()).append('\n');
            }
        }
        return out.toString();
    }

    private static String value(final Long explicit, final Allocations allocations, final AllocationKind kind,
            final String owner) {
        return explicit != null ? explicit.toString()
            : allocations.get(kind, owner).map(v -> v + "*").orElse("(pending)");
    }

    private static String placement(final Network network) {
        final List<String> leaves = network.leafSwitches();
        final List<String> nodes = network.nodeRouters();
        return "leaves: " + (leaves.isEmpty() ? "all" : String.join(",", leaves)) + "; nodes: "
            + (nodes.isEmpty() ? "all" : String.join(",", nodes));
    }

    private static String print(final ShellTable table) {
        final var bytes = new ByteArrayOutputStream();
        try (var stream = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            table.print(stream, true);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * The error of a device command that found nothing to act on (an unknown device, or not the active node).
     *
     * @param device the device asked for, or null for all
     */
    static IllegalArgumentException notReconciled(final String device) {
        return new IllegalArgumentException(device == null ? "no device is being reconciled on this node"
            : "'" + device + "' is not being reconciled on this node (not in the fabric, or not the active node)");
    }
}
