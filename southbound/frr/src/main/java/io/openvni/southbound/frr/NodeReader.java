package io.openvni.southbound.frr;

import io.openvni.southbound.ssh.NodeUnreachableException;
import io.openvni.core.render.frr.NodeNames;
import io.openvni.southbound.frr.config.NetnsVrfLinks;
import io.openvni.southbound.frr.kernel.KernelState;
import io.openvni.southbound.frr.kernel.ObservedLink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads a node's running FRR configuration and its kernel devices in ONE shell command (one round trip over SSH) and
 * one vtysh process ({@link VtyshShow}): {@code show running-config} and the VNIs and interfaces zebra knows, the
 * namespace list, and {@code ip -j -d addr show} of the router's namespace and of every {@code ovrf} namespace with
 * its forwarding switches (on unless one says off), in sections marked by {@code @@} lines.
 */
final class NodeReader {
    /** vtysh's answers, in this order. */
    private static final List<String> SHOW = List.of("show running-config", "show evpn vni json",
        "show interface vrf all brief json");

    /**
     * What a read returned.
     *
     * @param runningConfig {@code show running-config}
     * @param zebra what zebra knows of the node's VNIs and interfaces
     * @param kernel the owned kernel objects
     */
    record Snapshot(String runningConfig, ZebraView zebra, KernelState kernel) {
        /** A snapshot whose running configuration shows the netns VRF links FRR 10 omits: {@link NetnsVrfLinks}. */
        static Snapshot of(final String runningConfig, final ZebraView zebra, final KernelState kernel) {
            return new Snapshot(NetnsVrfLinks.shownAsStated(runningConfig, kernel.namespaces()), zebra, kernel);
        }
    }

    /** The node answered, but not with what a read expects (FRR down, iproute2 failing). */
    static final class ReadFailure extends Exception {
        private static final long serialVersionUID = 1L;

        ReadFailure(final String message) {
            super(message);
        }
    }

    private NodeReader() {
        // static helpers only
    }

    static String command(final String vtysh) {
        final String dir = NodeNames.NETNS_DIR;
        return String.join("\n",
            "echo '@@frr'; " + VtyshShow.command(vtysh, SHOW) + "; echo \"@@frr-rc $?\"",
            "echo '@@netns'; ls " + dir + " 2>/dev/null | grep -E '^ovrf[0-9]+$'",
            "echo '@@ns -'; ip -j -d addr show",
            "for n in $(ls " + dir + " 2>/dev/null | grep -E '^ovrf[0-9]+$'); do",
            "  echo \"@@ns $n\"; ip -n \"$n\" -j -d addr show",
            "  if ! ip -n \"$n\" netconf show | grep -qE '^inet6? all forwarding off '; then echo \"@@fwd $n\"; fi",
            "done",
            "");
    }

    /**
     * The interface indexes zebra holds some of a node's devices under, each asked for on its own
     * ({@code show interface NAME vrf VRF json}: the brief list, read every time, does not show them, and the whole
     * list is a kilobyte per interface). The commands go to one vtysh process on its standard input.
     *
     * @param links the devices, each in the VRF of its namespace
     * @return zebra's index of each it knows, by name
     */
    static Map<String, Integer> zebraIndexes(final NodeShell shell, final String vtysh,
            final Collection<ObservedLink> links, final Duration timeout)
            throws NodeUnreachableException, ReadFailure {
        final var commands = links.stream().map(link -> "show interface " + link.name() + " vrf "
            + (link.netns() == null ? "default" : link.netns()) + " json").toList();
        final var result = shell.exec(VtyshShow.reading(vtysh), String.join("\n", commands) + "\n", timeout);
        final var answers = VtyshShow.answers(result.stdout().lines().toList(), commands);
        if (answers.size() < commands.size()) {
            throw new ReadFailure("vtysh did not show zebra's interfaces: "
                + (result.stdout().strip() + "\n" + result.stderr().strip()).strip());
        }
        try {
            return ZebraView.parseIndexes(answers);
        } catch (IllegalArgumentException e) {
            throw new ReadFailure(e.getMessage());
        }
    }

    static Snapshot read(final NodeShell shell, final String vtysh, final Duration timeout)
            throws NodeUnreachableException, ReadFailure {
        final var result = shell.exec(command(vtysh), null, timeout);
        final var sections = new LinkedHashMap<String, List<String>>();
        List<String> section = new ArrayList<>();
        for (var line : result.stdout().lines().toList()) {
            if (line.startsWith("@@")) {
                section = new ArrayList<>();
                sections.put(line.substring(2), section);
            } else {
                section.add(line);
            }
        }
        final var frr = sections.getOrDefault("frr", List.of());
        final var answers = VtyshShow.answers(frr, SHOW);
        final String running = answers.get(0);
        // vtysh stops at the first command that fails, so all prompts there means all but perhaps the last answered:
        // the interface list, which FRR before 8.2 cannot give in JSON
        if (answers.size() < SHOW.size() || !running.contains("Current configuration:")) {
            throw new ReadFailure("vtysh could not read the running configuration: "
                + (String.join("\n", frr).strip() + "\n" + result.stderr().strip()).strip());
        }
        if (!result.succeeded() || !sections.containsKey("ns -")) {
            throw new ReadFailure("reading the kernel devices failed: " + result.stderr().strip());
        }
        final var namespaces = new TreeSet<>(sections.getOrDefault("netns", List.of()));
        final var forwarding = new TreeSet<String>();
        final var perNs = new LinkedHashMap<String, String>();
        sections.forEach((name, lines) -> {
            if (name.startsWith("ns ") && !name.equals("ns -")) {
                perNs.put(name.substring(3), String.join("\n", lines));
            } else if (name.startsWith("fwd ")) {
                forwarding.add(name.substring(4));
            }
        });
        try {
            // a failed interface list is vtysh's complaint, not JSON: SVIs go unchecked, as on FRR before 8.2
            final var zebra = ZebraView.parse(answers.get(1), answers.get(2), running.contains(" advertise-all-vni"));
            return Snapshot.of(running, zebra, KernelState.parse(namespaces, forwarding,
                String.join("\n", sections.get("ns -")), Map.copyOf(perNs)));
        } catch (IllegalArgumentException e) {
            throw new ReadFailure(e.getMessage());
        }
    }
}
