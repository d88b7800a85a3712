package io.openvni.southbound.frr;

import static java.util.Objects.requireNonNull;

import io.openvni.southbound.ssh.NodeUnreachableException;
import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.render.frr.FrrConfig;
import io.openvni.core.render.frr.FrrRenderer;
import io.openvni.core.render.frr.KernelPlan;
import io.openvni.core.render.frr.KernelPlanner;
import io.openvni.southbound.frr.config.OwnedFrr;
import io.openvni.southbound.frr.config.OwnedScope;
import io.openvni.southbound.frr.config.VtyshDiff;
import io.openvni.southbound.frr.config.VtyshOutput;
import io.openvni.southbound.frr.northbound.FrrGrpcChannels;
import io.openvni.southbound.frr.grpc.FrrNorthboundException;
import io.openvni.southbound.frr.kernel.KernelDiff;
import io.openvni.southbound.frr.kernel.IpBatch;
import io.openvni.southbound.frr.kernel.KernelState;
import io.openvni.southbound.spi.ApplyProgress;
import io.openvni.southbound.spi.ApplyResult;
import io.openvni.southbound.spi.ChangeSet;
import io.openvni.southbound.spi.DeviceDriver;
import io.openvni.southbound.spi.DeviceFailure;
import io.openvni.southbound.spi.ReadResult;
import io.openvni.southbound.spi.ReadScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives node routers: the FRR configuration OpenVNI owns (through vtysh) and the Linux devices it relies on
 * (through iproute2), both over a {@link NodeShell}. A read is one shell command; an apply runs one process per
 * change: iproute2 batches that create namespaces and devices first (FRR binds VNIs and netns VRFs to them), one
 * vtysh session, then the batches that delete what FRR no longer refers to. vtysh reports failed commands only in
 * its output, so the output is checked, and every apply ends with a read-back that must find nothing left to do.
 *
 * <p>On a node whose FRR serves northbound gRPC with zebra's {@code frr-vrf} and {@code frr-zebra} modules (see
 * {@link FrrGrpcChannels}), the VRF to L3VNI bindings go through gRPC candidate transactions instead of vtysh, at
 * the same place of the order ({@link L3vniByGrpc}); everything else, bgpd above all (it has no YANG northbound),
 * stays with vtysh.
 *
 * <p>Stateless: safe for concurrent use on different devices.
 */
public final class FrrNodeDriver implements DeviceDriver<NodeState, NodeChange> {
    private static final Logger LOG = LoggerFactory.getLogger(FrrNodeDriver.class);
    private static final long SETTLE_POLL_MILLIS = 100;
    private static final String FAILED_BATCH = "@@openvni: failed batch ";
    private static final Pattern FAILED_BATCH_LINE = Pattern.compile(Pattern.quote(FAILED_BATCH) + "(\\d+)");

    private final Function<String, NodeShell> shells;
    private final FrrNodeSettings settings;
    private final @Nullable FrrGrpcChannels grpc;
    private final FrrRenderer renderer = new FrrRenderer();
    private final KernelPlanner planner = new KernelPlanner();

    /**
     * A driver.
     *
     * @param shells the shell of a node, by device name
     * @param settings timeouts and the vtysh command
     */
    public FrrNodeDriver(final Function<String, NodeShell> shells, final FrrNodeSettings settings) {
        this(shells, settings, null);
    }

    /**
     * A driver that uses FRR's northbound gRPC where the node offers it.
     *
     * @param shells the shell of a node, by device name
     * @param settings timeouts and the vtysh command
     * @param grpc the nodes' gRPC connections, or null for vtysh alone
     */
    public FrrNodeDriver(final Function<String, NodeShell> shells, final FrrNodeSettings settings,
            final @Nullable FrrGrpcChannels grpc) {
        this.shells = requireNonNull(shells);
        this.settings = requireNonNull(settings);
        this.grpc = grpc;
    }

    @Override
    public ReadResult<NodeState> readOwned(final ReadScope scope) {
        final var configs = new ArrayList<FrrConfig>();
        configs.add(renderer.render(scope.desired()));
        scope.previous().ifPresent(previous -> configs.add(renderer.render(previous)));
        try {
            return ReadResult.current(read(scope.desired(), configs, null));
        } catch (NodeUnreachableException e) {
            return ReadResult.unreachable(e.getMessage());
        } catch (NodeReader.ReadFailure e) {
            return ReadResult.rejected(e.getMessage());
        }
    }

    private NodeState read(final DeviceIntent desired, final List<FrrConfig> configs,
            final @Nullable OwnedScope extra) throws NodeUnreachableException, NodeReader.ReadFailure {
        final var snapshot = NodeReader.read(shells.apply(desired.name()), vtysh(desired),
            settings.readTimeout());
        final var vnis = new ArrayList<Long>(vxlanVnis(snapshot.kernel()));
        final var neighbors = new ArrayList<String>();
        final var networks = new ArrayList<String>();
        if (extra != null) {
            vnis.addAll(extra.vnis());
            neighbors.addAll(extra.neighbors());
            networks.addAll(extra.networks());
        }
        final var rendered = OwnedScope.of(configs, vnis);
        neighbors.addAll(rendered.neighbors());
        networks.addAll(rendered.networks());
        final var scope = new OwnedScope(Set.copyOf(neighbors), Set.copyOf(networks), rendered.vnis());
        return new NodeState(OwnedFrr.fromRunning(snapshot.runningConfig(), scope), scope, snapshot.kernel(),
            l3vniByGrpc(desired), snapshot.zebra());
    }

    private boolean l3vniByGrpc(final DeviceIntent desired) {
        return grpc != null && grpc.connection(desired).map(FrrGrpcChannels.Connection::writesL3vni).orElse(false);
    }

    // An ovvx device is OpenVNI's, and so is the vni block of its VNI, even when no intent names it any more.
    private static List<Long> vxlanVnis(final KernelState kernel) {
        return kernel.links().stream()
            .filter(link -> link.kind().equals("vxlan") && link.name().startsWith("ovvx"))
            .map(link -> Long.parseLong(link.name().substring(4)))
            .toList();
    }

    @Override
    public ChangeSet<NodeChange> diff(final NodeState current, final DeviceIntent desired) {
        return diff(current, desired, planner.plan(desired));
    }

    private ChangeSet<NodeChange> diff(final NodeState current, final DeviceIntent desired, final KernelPlan plan) {
        final var plannedIpv4 = ZebraView.plannedIpv4(plan);
        final var kernel = KernelDiff.diff(current.kernel(), plan,
            current.zebra().devicesLacking(current.kernel(), plannedIpv4),
            current.zebra().addressesLacking(current.kernel(), plannedIpv4));
        final var frr = VtyshDiff.diff(current.frr(), OwnedFrr.rendered(renderer.render(desired)));
        final var changes = new ArrayList<NodeChange>();
        kernel.before().forEach(batch -> changes.add(new NodeChange.Kernel(batch)));
        if (!frr.isEmpty()) {
            if (current.l3vniByGrpc()) {
                changes.addAll(L3vniByGrpc.split(frr, current.scope()));
            } else {
                changes.add(new NodeChange.Vtysh(frr, current.scope()));
            }
        }
        kernel.after().forEach(batch -> changes.add(new NodeChange.Kernel(batch)));
        return new ChangeSet<>(changes);
    }

    @Override
    public ApplyResult<NodeState> apply(final DeviceIntent desired, final ChangeSet<NodeChange> changes,
            final ApplyProgress progress) {
        final var shell = shells.apply(desired.name());
        OwnedScope scope = null;
        final var newNamespaces = new ArrayList<String>();
        final var kernelRun = new ArrayList<IpBatch>();
        try {
            for (var change : changes.changes()) {
                // consecutive iproute2 batches go to the node in one shell command: one SSH round trip, not one each
                if (change instanceof NodeChange.Kernel kernel) {
                    kernelRun.add(kernel.batch());
                    final var created = kernel.batch().createdNamespaces();
                    if (created.isEmpty()) {
                        continue;
                    }
                    newNamespaces.addAll(created);
                }
                final var failure = runBatches(shell, kernelRun);
                kernelRun.clear();
                if (failure != null) {
                    return ApplyResult.failed(failure);
                }
                final var nextFailure = switch (change) {
                    // the namespaces a batch created must be zebra's VRFs before anything else goes into them
                    case NodeChange.Kernel kernel -> awaitNetnsVrfs(shell, vtysh(desired), newNamespaces);
                    case NodeChange.Vtysh vtysh -> {
                        scope = vtysh.scope();
                        yield runVtysh(shell, vtysh, vtysh(desired));
                    }
                    case NodeChange.GrpcL3vni bindings -> runGrpc(desired, bindings);
                };
                if (nextFailure != null) {
                    return ApplyResult.failed(nextFailure);
                }
            }
            final var failure = runBatches(shell, kernelRun);
            if (failure != null) {
                return ApplyResult.failed(failure);
            }
            return verify(desired, scope);
        } catch (NodeUnreachableException e) {
            return ApplyResult.failed(new DeviceFailure.Unreachable(e.getMessage()));
        } catch (NodeReader.ReadFailure e) {
            return ApplyResult.failed(new DeviceFailure.Rejected(e.getMessage()));
        }
    }

    private static boolean onlyProtodownReleases(final ChangeSet<NodeChange> changes) {
        return changes.changes().stream().allMatch(change -> change instanceof NodeChange.Kernel kernel
            && kernel.batch().commands().stream().allMatch(command -> command.endsWith(" protodown off")));
    }

    // Each batch reads its commands from a here-document; the first that fails stops the rest and is named.
    private DeviceFailure.@Nullable Rejected runBatches(final NodeShell shell, final List<IpBatch> batches)
            throws NodeUnreachableException {
        if (batches.isEmpty()) {
            return null;
        }
        final var script = new StringBuilder();
        for (int i = 0; i < batches.size(); i++) {
            final String end = "OPENVNI_IP_BATCH_" + i;
            script.append(batches.get(i).commandLine()).append(" <<'").append(end).append("' || { echo '")
                .append(FAILED_BATCH).append(i).append("' >&2; exit 1; }\n").append(batches.get(i).stdin())
                .append(end).append('\n');
        }
        final var result = shell.exec(script.toString(), null, settings.applyTimeout());
        if (result.succeeded()) {
            return null;
        }
        final var marker = FAILED_BATCH_LINE.matcher(result.stderr());
        final var failed = marker.find() ? batches.get(Integer.parseInt(marker.group(1))) : batches.getLast();
        return new DeviceFailure.Rejected(failed.commandLine() + " failed: "
            + (marker.replaceAll("") + result.stdout()).strip());
    }

    // zebra -n makes a VRF of a new namespace a moment (1 s) after it appears, and refuses "netns PATH" for it until
    // then ("Can not associate NS 4294967295"); devices created there before zebra listens are taken up in ifindex
    // order, VXLAN devices before their bridges, and their L2 VNIs end up in no tenant VRF. So the namespaces come
    // in a batch of their own, and the driver waits on the node until zebra lists them all.
    private DeviceFailure.@Nullable Rejected awaitNetnsVrfs(final NodeShell shell, final String vtysh,
            final List<String> namespaces) throws NodeUnreachableException {
        if (namespaces.isEmpty()) {
            return null;
        }
        // zebra takes them up one after the other (50 new VRFs here: ~5 s, 100: ~9 s): the wait grows with their
        // number, and one grep per poll counts them all
        final long polls = Math.max(1, (settings.settleTimeout().toMillis() + 100L * namespaces.size()) / 50);
        final String check = "for i in $(seq " + polls + "); do out=$(" + vtysh + " -c 'show vrf' 2>/dev/null);"
            + " [ \"$(echo \"$out\" | grep -cE '^vrf (" + String.join("|", namespaces) + ") id [0-9]+ netns')\" = "
            + namespaces.size() + " ] && exit 0; sleep 0.05; done; echo \"$out\"; exit 1";
        final var result = shell.exec(check, null, settings.applyTimeout());
        if (!result.succeeded()) {
            return new DeviceFailure.Rejected("zebra did not take up the namespaces " + namespaces + " within "
                + polls + " polls:\n" + result.stdout().strip());
        }
        namespaces.clear();
        return null;
    }

    // Each binding is its own candidate transaction (two for a VRF zebra does not have configured yet).
    private @Nullable DeviceFailure runGrpc(final DeviceIntent desired, final NodeChange.GrpcL3vni change) {
        final var connection = grpc == null ? null : grpc.connection(desired).orElse(null);
        if (connection == null) {
            return new DeviceFailure.Unreachable("FRR's northbound gRPC is no longer reachable; the next pass runs on"
                + " vtysh");
        }
        for (var binding : change.bindings()) {
            try {
                if (binding.l3vni() != null) {
                    connection.client().setVrfL3vni(binding.vrf(), binding.l3vni());
                } else {
                    connection.client().removeVrfL3vni(binding.vrf());
                }
            } catch (FrrNorthboundException e) {
                if (e.failure() == FrrNorthboundException.Failure.UNAVAILABLE) {
                    grpc.invalidate(desired.name());
                    return new DeviceFailure.Unreachable("FRR northbound gRPC: " + e.getMessage());
                }
                return new DeviceFailure.Rejected(binding.describe() + " -> "
                    + (e.frrMessage().isEmpty() ? e.getMessage() : e.frrMessage()));
            }
        }
        return null;
    }

    private DeviceFailure.@Nullable Rejected runVtysh(final NodeShell shell, final NodeChange.Vtysh change,
            final String vtysh) throws NodeUnreachableException {
        final var result = shell.exec(vtysh, change.script(), settings.applyTimeout(change.commands().size()));
        final var errors = new ArrayList<>(VtyshOutput.errors(result.stdout(), result.stderr()));
        if (!result.succeeded() && errors.isEmpty()) {
            errors.add("vtysh exited with " + result.exitStatus());
        }
        return errors.isEmpty() ? null : new DeviceFailure.Rejected(String.join("\n", errors));
    }

    // Re-reads until nothing is left to do or the settle time is over: zebra follows namespace changes
    // asynchronously.
    private ApplyResult<NodeState> verify(final DeviceIntent desired, final @Nullable OwnedScope scope)
            throws NodeUnreachableException, NodeReader.ReadFailure {
        final long settle = settings.settleTimeout().toNanos();
        final long start = System.nanoTime();
        long deadline = start + settle;
        // what zebra lacked at the last repair, and when that was; what the last read-back left to do
        int repairedLacking = Integer.MAX_VALUE;
        long repairedAt = start;
        int leftBefore = Integer.MAX_VALUE;
        final var plan = planner.plan(desired);
        final var plannedIpv4 = ZebraView.plannedIpv4(plan);
        while (true) {
            final var state = read(desired, List.of(renderer.render(desired)), scope);
            final var left = diff(state, desired, plan);
            final var lacking = state.zebra().devicesLacking(state.kernel(), plannedIpv4);
            if (left.isEmpty()) {
                return ApplyResult.applied(state);
            }
            // zebra works through a big change for a while (many seconds at thousands of networks): the check goes
            // on as long as each read-back finds less to do
            final int leftNow = left.changes().stream().mapToInt(NodeChange::commandCount).sum();
            if (leftNow < leftBefore) {
                deadline = Math.max(deadline, System.nanoTime() + settle);
            }
            leftBefore = leftNow;
            // zebra holds a VXLAN device protodown a moment after it appears (see KernelDiff): release it here
            // rather than fail the apply and wait for a retry.
            final boolean release = onlyProtodownReleases(left);
            // zebra sometimes misses an event of a namespace it has just taken up (seen: an SVI's address, in 1 of
            // 10 to 20 new VRF namespaces, also on a fresh zebra, and for many of hundreds of SVIs created at once)
            // and never learns it; what it still lacks half the settle time after the apply is created (or given
            // its address) anew, which it does take up, and again after each repair that left it lacking less.
            final boolean recreate = !release && !lacking.isEmpty() && lacking.size() < repairedLacking
                && onlyKernel(left) && System.nanoTime() - repairedAt > settle / 2;
            if (release || recreate) {
                final var failure = runBatches(shells.apply(desired.name()), left.changes().stream()
                    .map(change -> ((NodeChange.Kernel) change).batch()).toList());
                if (failure != null) {
                    return ApplyResult.failed(failure);
                }
            }
            if (recreate) {
                LOG.warn("{}: zebra has not taken up {} after the apply; created them (or their addresses) anew",
                    desired.name(), lacking);
                repairedLacking = lacking.size();
                repairedAt = System.nanoTime();
                deadline = repairedAt + settle;
            }
            if (System.nanoTime() > deadline) {
                return ApplyResult.failed(new DeviceFailure.Rejected("the node does not run the desired configuration"
                    + " after the apply; still to do:\n" + left.describe()));
            }
            try {
                Thread.sleep(SETTLE_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ApplyResult.failed(
                    new DeviceFailure.Unreachable("interrupted while checking the apply"));
            }
        }
    }

    private static boolean onlyKernel(final ChangeSet<NodeChange> changes) {
        return changes.changes().stream().allMatch(NodeChange.Kernel.class::isInstance);
    }

    private String vtysh(final DeviceIntent intent) {
        return settings.vtyshFor(intent);
    }
}
