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
import io.openvni.southbound.frr.northbound.FrrGrpcChannels;
import io.openvni.southbound.frr.kernel.IpBatch;
import io.openvni.southbound.spi.ApplyProgress;
import io.openvni.southbound.spi.ApplyResult;
import io.openvni.southbound.spi.ChangeSet;
import io.openvni.southbound.spi.DeviceDriver;
import io.openvni.southbound.spi.DeviceFailure;
import io.openvni.southbound.spi.ReadResult;
import io.openvni.southbound.spi.ReadScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives node routers: the FRR configuration OpenVNI owns (through vtysh) and the Linux devices it relies on
 * (through iproute2), both over a {@link NodeShell}, each process a fixed command line with its work on standard
 * input ({@link NodeScript}). A read is one shell command; an apply runs iproute2 batches that create namespaces and
 * devices first (FRR binds VNIs and netns VRFs to them), one vtysh session, then the batches that delete what FRR no
 * longer refers to. vtysh reports failed commands only in its output, so the output is checked, and every apply
 * ends with a check that must find nothing left to do: a read-back, or for a change to bgpd alone the running
 * config the vtysh session shows after the commands. What a read or a check saw is tagged with the shell's
 * session, and {@link #stillCurrent} trusts it while that session lasts.
 *
 * <p>On a node whose FRR serves northbound gRPC with zebra's {@code frr-vrf} and {@code frr-zebra} modules (see
 * {@link FrrGrpcChannels}), the VRF to L3VNI bindings go through gRPC candidate transactions instead of vtysh, at
 * the same place of the order ({@link L3vniByGrpc}, written by {@link L3vniGrpcWriter}); everything else, bgpd above
 * all (it has no YANG northbound), stays with vtysh.
 *
 * <p>Safe for concurrent use on different devices; the only state is the last state seen per device.
 */
public final class FrrNodeDriver implements DeviceDriver<NodeState, NodeChange> {
    private static final Logger LOG = LoggerFactory.getLogger(FrrNodeDriver.class);
    private static final long SETTLE_POLL_MILLIS = 100;

    private final Function<String, NodeShell> shells;
    private final FrrNodeSettings settings;
    private final L3vniGrpcWriter grpc;
    private final FrrRenderer renderer = new FrrRenderer();
    private final KernelPlanner planner = new KernelPlanner();
    // per node, the last state a read or an apply's check saw, for the check of the next change to bgpd alone
    private final ConcurrentMap<String, NodeState> lastSeen = new ConcurrentHashMap<>();
    private final ReadBounds readBounds;
    private final NodeDiff nodeDiff;

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
        readBounds = new ReadBounds(settings);
        nodeDiff = new NodeDiff(renderer, planner, settings.networksPerStep());
        this.grpc = new L3vniGrpcWriter(grpc);
    }

    @Override
    public ReadResult<NodeState> readOwned(final ReadScope scope) {
        final var configs = new ArrayList<FrrConfig>();
        configs.add(renderer.render(scope.desired()));
        scope.previous().ifPresent(previous -> configs.add(renderer.render(previous)));
        final var desired = scope.desired();
        try {
            final var seen = read(shells.apply(desired.name()), desired);
            final var state = seen.owned(configs, null, grpc.writesL3vni(desired));
            seen(desired.name(), state);
            return ReadResult.current(state);
        } catch (NodeUnreachableException e) {
            return timedOut(e) ? ReadResult.rejected(e.getMessage()) : ReadResult.unreachable(e.getMessage());
        } catch (NodeReader.ReadFailure e) {
            return ReadResult.rejected(e.getMessage());
        }
    }

    /**
     * True while the node's shell is still in the session the observation was read in: the controller has been
     * connected to the node ever since, and writes by anyone else are left to the periodic drift check.
     */
    @Override
    public boolean stillCurrent(final NodeState observed, final String device) {
        return observed.session().isPresent() && observed.session().equals(shells.apply(device).session());
    }

    // A command that overran its bound on a session that lived is a node too busy to answer (zebra digesting
    // thousands of devices), not a lost connection: failed with the reason, retried with backoff. A session that
    // really went is found by the next pass's connect.
    private static boolean timedOut(final NodeUnreachableException e) {
        return e.reason() == NodeUnreachableException.Reason.TIMEOUT;
    }

    private SessionRead read(final NodeShell shell, final DeviceIntent desired)
            throws NodeUnreachableException, NodeReader.ReadFailure {
        return SessionRead.of(shell, vtysh(desired), readBounds.of(desired));
    }

    private void seen(final String device, final NodeState state) {
        lastSeen.put(device, state);
        readBounds.seen(device, state);
    }

    /**
     * The changes to the desired intent, or, when it adds more networks than {@link FrrNodeSettings#networksPerStep}
     * allows, a {@link NodeChange.Step} and the changes to that step's intent ({@link NodeDiff#toward}).
     */
    @Override
    public ChangeSet<NodeChange> diff(final NodeState current, final DeviceIntent desired) {
        return nodeDiff.toward(current, desired);
    }

    /**
     * Applies the changes; a change set that begins with a {@link NodeChange.Step} is applied and checked step after
     * step, each step's changes computed from what the check of the one before saw, until the node runs
     * {@code desired}. Progress names the step: {@code step 2/4 frr 0/2500}.
     */
    @Override
    public ApplyResult<NodeState> apply(final DeviceIntent desired, final ChangeSet<NodeChange> changes,
            final ApplyProgress progress) {
        var next = changes;
        for (int number = 1; ; number++) {
            if (!(next.changes().getFirst() instanceof NodeChange.Step marker)) {
                return applyOnce(desired, next, number == 1 ? progress : steps(progress, number, number));
            }
            final var step = marker.step();
            final int steps = number - 1 + Math.ceilDiv(step.newSegments(), step.added());
            final var result = applyOnce(step.intent(), new ChangeSet<>(next.changes().subList(1,
                next.changes().size())), steps(progress, number, steps));
            if (!(result instanceof ApplyResult.Applied<NodeState> applied) || applied.observed() == null) {
                return result;
            }
            LOG.info("{}: step {} of {} in: {} new networks, {} to go", desired.name(), number, steps, step.added(),
                step.newSegments() - step.added());
            next = diff(applied.observed(), desired);
            if (next.isEmpty()) {
                return result;
            }
        }
    }

    private static ApplyProgress steps(final ApplyProgress progress, final int number, final int steps) {
        return (phase, done, total) -> progress.report("step " + number + "/" + steps + " " + phase, done, total);
    }

    private ApplyResult<NodeState> applyOnce(final DeviceIntent desired, final ChangeSet<NodeChange> changes,
            final ApplyProgress progress) {
        final var shell = shells.apply(desired.name());
        final var writer = new NodeWriter(shell, settings, vtysh(desired));
        // a change to bgpd alone leaves the kernel and zebra as the last read of this session saw them: its check is
        // the running config the vtysh session shows right after the commands, with no read of its own
        final var unchanged = bgpOnly(changes) ? seenInSession(shell, desired.name()) : null;
        lastSeen.remove(desired.name());
        final var kernel = new PhaseTally("kernel",
            changes.changes().stream().filter(NodeChange.Kernel.class::isInstance).count(), progress);
        OwnedScope scope = null;
        String running = null;
        final var newNamespaces = new ArrayList<String>();
        final var kernelRun = new ArrayList<IpBatch>();
        try {
            for (var change : changes.changes()) {
                // consecutive iproute2 batches go to the node in one script: one SSH round trip, not one each
                if (change instanceof NodeChange.Kernel batch) {
                    kernelRun.add(batch.batch());
                    final var created = batch.batch().createdNamespaces();
                    if (created.isEmpty()) {
                        continue;
                    }
                    newNamespaces.addAll(created);
                }
                final var failure = runKernel(writer, kernelRun, kernel);
                if (failure != null) {
                    return ApplyResult.failed(failure);
                }
                final var nextFailure = switch (change) {
                    // the namespaces a batch created must be zebra's VRFs before anything else goes into them
                    case NodeChange.Kernel batch -> {
                        progress.report("zebra", 0, newNamespaces.size());
                        final var notTaken = writer.awaitNetnsVrfs(newNamespaces);
                        newNamespaces.clear();
                        yield notTaken;
                    }
                    case NodeChange.Vtysh vtysh -> {
                        scope = vtysh.scope();
                        progress.report("frr", 0, vtysh.commands().size());
                        final var run = writer.runVtysh(vtysh, unchanged != null);
                        running = run.runningConfig();
                        progress.report("frr", run.failure() == null ? vtysh.commands().size() : 0,
                            vtysh.commands().size());
                        yield run.failure();
                    }
                    case NodeChange.GrpcL3vni bindings -> grpc.write(desired, bindings, progress);
                    // the check below waits for zebra
                    case NodeChange.AwaitZebra await -> null;
                    case NodeChange.Step step -> throw new IllegalArgumentException("a step marker inside " + changes);
                };
                if (nextFailure != null) {
                    return ApplyResult.failed(nextFailure);
                }
            }
            final var failure = runKernel(writer, kernelRun, kernel);
            if (failure != null) {
                return ApplyResult.failed(failure);
            }
            progress.report("verifying", 0, 0);
            if (unchanged != null && running != null && unchanged.session().equals(shell.session())) {
                final var checked = checkBgpOnly(desired, unchanged, running, scope);
                if (checked != null) {
                    return checked;
                }
            }
            return verify(desired, shell, writer, scope, progress);
        } catch (NodeUnreachableException e) {
            return ApplyResult.failed(timedOut(e) ? new DeviceFailure.Rejected(e.getMessage())
                : new DeviceFailure.Unreachable(e.getMessage()));
        } catch (NodeReader.ReadFailure e) {
            return ApplyResult.failed(new DeviceFailure.Rejected(e.getMessage()));
        }
    }

    private static DeviceFailure.@Nullable Rejected runKernel(final NodeWriter writer, final List<IpBatch> run,
            final PhaseTally kernel) throws NodeUnreachableException {
        if (run.isEmpty()) {
            return null;
        }
        kernel.report();
        final var failure = writer.runBatches(run);
        if (failure == null) {
            kernel.advance(run.size());
        }
        run.clear();
        return failure;
    }

    // Changes to bgpd's configuration alone. advertise-all-vni is bgpd's but decides which VNIs zebra takes up.
    private static boolean bgpOnly(final ChangeSet<NodeChange> changes) {
        return changes.changes().stream().allMatch(change -> change instanceof NodeChange.Vtysh vtysh
            && vtysh.commands().stream().allMatch(line -> !line.strip().endsWith("advertise-all-vni")
                && (line.startsWith(" ") || line.equals("exit") || line.startsWith("router bgp ")
                    || line.startsWith("no router bgp "))));
    }

    private @Nullable NodeState seenInSession(final NodeShell shell, final String device) {
        final var seen = lastSeen.get(device);
        return seen != null && seen.session().isPresent() && seen.session().equals(shell.session()) ? seen : null;
    }

    // The check of a change to bgpd alone: the running config shown after it, with the kernel and zebra's view as
    // they were. Their part of the diff was empty before the change and still is, so only FRR's is computed again.
    // Anything left to do goes to the full check (null), which reads the node again.
    private @Nullable ApplyResult<NodeState> checkBgpOnly(final DeviceIntent desired, final NodeState before,
            final String running, final @Nullable OwnedScope scope) {
        final var seen = new SessionRead(NodeReader.Snapshot.of(running, before.zebra(), before.kernel()),
            before.session());
        final var rendered = renderer.render(desired);
        final var configs = List.of(rendered);
        final var checked = seen.owned(configs, scope, before.l3vniByGrpc());
        if (!VtyshDiff.diff(checked.frr(), OwnedFrr.rendered(rendered)).isEmpty()) {
            return null;
        }
        final var observed = scope == null ? checked : seen.owned(configs, null, before.l3vniByGrpc());
        seen(desired.name(), observed);
        return ApplyResult.applied(observed);
    }

    private static boolean onlyProtodownReleases(final ChangeSet<NodeChange> changes) {
        return changes.changes().stream().allMatch(change -> change instanceof NodeChange.Kernel kernel
            && kernel.batch().commands().stream().allMatch(command -> command.endsWith(" protodown off")));
    }

    // Re-reads until nothing is left to do or zebra has had its time (ZebraSettle). What it returns is the read as
    // readOwned would scope it for the desired intent alone; the check itself also covers what the change removed.
    private ApplyResult<NodeState> verify(final DeviceIntent desired, final NodeShell shell, final NodeWriter writer,
            final @Nullable OwnedScope scope, final ApplyProgress progress)
            throws NodeUnreachableException, NodeReader.ReadFailure {
        final var settle = new ZebraSettle(settings.settleTimeout(), System.nanoTime());
        final var plan = planner.plan(desired);
        final var plannedIpv4 = ZebraView.plannedIpv4(plan);
        final var configs = List.of(renderer.render(desired));
        final boolean grpcBindings = grpc.writesL3vni(desired);
        for (int reads = 1; ; reads++) {
            final var seen = read(shell, desired);
            final var state = seen.owned(configs, scope, grpcBindings);
            final var left = nodeDiff.left(state, desired, plan);
            final var lacking = state.zebra().devicesLacking(state.kernel(), plannedIpv4);
            progress.report("verifying", reads, 0);
            if (left.isEmpty()) {
                final var observed = scope == null ? state : seen.owned(configs, null, grpcBindings);
                seen(desired.name(), observed);
                return ApplyResult.applied(observed);
            }
            final int leftNow = left.changes().stream().mapToInt(NodeChange::commandCount).sum();
            final var repair = settle.next(leftNow, lacking.size(), onlyProtodownReleases(left), onlyKernel(left),
                System.nanoTime());
            if (repair != ZebraSettle.Repair.NONE) {
                final var run = repair == ZebraSettle.Repair.RECREATE
                    ? recreating(shell, desired, state, plan, plannedIpv4, left) : left;
                final var failure = writer.runBatches(run.changes().stream()
                    .map(change -> ((NodeChange.Kernel) change).batch()).toList());
                if (failure != null) {
                    return ApplyResult.failed(failure);
                }
            }
            if (repair == ZebraSettle.Repair.RECREATE) {
                LOG.warn("{}: zebra has not taken up {} after the apply; created them (or their addresses) anew",
                    desired.name(), lacking);
                settle.recreated(lacking.size(), System.nanoTime());
            }
            if (settle.expired(System.nanoTime())) {
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

    // What a RECREATE runs: SVIs zebra knows only without an address get it again, unless zebra holds them under an
    // index the kernel no longer has, which it is asked about first; those are created anew (ZebraView), in a diff
    // computed again only then.
    private ChangeSet<NodeChange> recreating(final NodeShell shell, final DeviceIntent desired, final NodeState state,
            final KernelPlan plan, final Map<String, Set<String>> plannedIpv4, final ChangeSet<NodeChange> left)
            throws NodeUnreachableException, NodeReader.ReadFailure {
        final var readdress = state.zebra().addressesLacking(state.kernel(), plannedIpv4);
        if (readdress.isEmpty()) {
            return left;
        }
        final var links = state.kernel().links().stream().filter(link -> readdress.contains(link.name())).toList();
        final var indexes = NodeReader.zebraIndexes(shell, vtysh(desired), links, readBounds.of(desired));
        final var indexed = state.withZebra(state.zebra().withIndexes(indexes));
        final int stale = readdress.size() - indexed.zebra().addressesLacking(indexed.kernel(), plannedIpv4).size();
        if (stale == 0) {
            return left;
        }
        LOG.warn("{}: zebra holds {} SVIs under an interface index the kernel no longer has (it missed their creation"
            + " anew); creating them anew", desired.name(), stale);
        return nodeDiff.left(indexed, desired, plan);
    }

    private static boolean onlyKernel(final ChangeSet<NodeChange> changes) {
        return changes.changes().stream().allMatch(NodeChange.Kernel.class::isInstance);
    }

    private String vtysh(final DeviceIntent intent) {
        return settings.vtyshFor(intent);
    }
}
