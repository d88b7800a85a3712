package io.openvni.southbound.openconfig;

import static java.util.Objects.requireNonNull;

import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.render.openconfig.OwnedPaths;
import io.openvni.southbound.openconfig.NetconfOperations.DeviceException;
import io.openvni.southbound.openconfig.topology.LeafSchemaProblems;
import io.openvni.southbound.openconfig.topology.NetconfNodeMapping;
import io.openvni.southbound.spi.ApplyProgress;
import io.openvni.southbound.spi.ApplyResult;
import io.openvni.southbound.spi.ChangeSet;
import io.openvni.southbound.spi.DeviceDriver;
import io.openvni.southbound.spi.DeviceFailure;
import io.openvni.southbound.spi.ReadResult;
import io.openvni.southbound.spi.ReadScope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeoutException;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.mdsal.common.api.ReadFailedException;
import org.opendaylight.mdsal.dom.api.DOMDataBroker;
import org.opendaylight.mdsal.dom.api.DOMMountPoint;
import org.opendaylight.mdsal.dom.api.DOMMountPointService;
import org.opendaylight.mdsal.dom.api.DOMSchemaService;
import org.opendaylight.netconf.client.mdsal.api.NetconfRpcService;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver of leaf switches over NETCONF, for any {@link LeafDialect} (one instance per dialect:
 * {@link OpenConfigNetconfDriver}, {@link SrlinuxNetconfDriver}), through the mount point ODL's NETCONF connector
 * keeps for each leaf in {@code topology-netconf} (node id = leaf name). Reads are {@code get-config} of the
 * dialect's top-level nodes in the running datastore through the mount's data broker; writes are one
 * candidate transaction per pass through the mount's {@link NetconfRpcService}: lock, one {@code edit-config} holding
 * every change (or consecutive parts of at most {@link OpenConfigDriverSettings#maxEntriesPerEdit()} entries, fewer
 * after the device refused one as too big, see {@link EditParts}), commit (confirmed, then confirmed again, when the
 * device has {@code :confirmed-commit}), unlock. On any failure the candidate's changes are discarded and the lock
 * released. A committed pass returns what the device now holds ({@link #committed}), good for the next pass for as
 * long as the device keeps the same session ({@link #stillCurrent}). Every call looks the mount point up again, so a
 * reconnected device is picked up; per session it keeps only the device's capabilities and part size, and per
 * device the last two intents parsed into its schema ({@link Renderings}).
 */
public class NetconfLeafDriver implements DeviceDriver<OwnedConfig, OpenConfigChange> {
    private static final Logger LOG = LoggerFactory.getLogger(NetconfLeafDriver.class);
    /** ODL's NETCONF topology. */
    static final String TOPOLOGY_NETCONF = NetconfNodeMapping.TOPOLOGY_ID;

    private final DOMMountPointService mounts;
    private final OpenConfigDriverSettings settings;
    private final LeafDialect dialect;
    private final LeafSchemaProblems schemaProblems;
    private final Renderings parsed;
    // per mount point, i.e. per NETCONF session: ODL makes a new mount point when it reconnects a device
    private final Map<DOMMountPoint, Session> sessions = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * What the driver learned about one NETCONF session.
     *
     * @param capabilities what the device offers
     * @param maxEntries the most entries to send in one edit-config: the setting, or less once the device refused
     *                   an edit as too big
     */
    private record Session(NetconfOperations.Capabilities capabilities, int maxEntries) {
    }

    /**
     * A driver of one dialect using the given mount point service.
     *
     * @param mounts ODL's mount point service
     * @param settings timeouts
     * @param dialect the configuration dialect of the leaves it drives
     * @param schemaProblems leaves the topology manager does not connect for their schema-directory, with why
     */
    public NetconfLeafDriver(final DOMMountPointService mounts, final OpenConfigDriverSettings settings,
            final LeafDialect dialect, final LeafSchemaProblems schemaProblems) {
        this.mounts = requireNonNull(mounts);
        this.settings = requireNonNull(settings);
        this.dialect = requireNonNull(dialect);
        this.schemaProblems = requireNonNull(schemaProblems);
        parsed = new Renderings(dialect);
    }

    /**
     * Where ODL mounts a leaf switch.
     *
     * @param device the leaf's name
     * @return the mount point's path
     */
    public static YangInstanceIdentifier mountPath(final String device) {
        return NetconfNodeMapping.mountPath(device);
    }

    @Override
    public ReadResult<OwnedConfig> readOwned(final ReadScope scope) {
        final String device = scope.device();
        try {
            final var mount = mount(device);
            final var schema = schema(mount, device);
            // what OpenVNI owns there: what the desired and the last applied intent name (parsing them also
            // checks that the device's schema can take the desired one)
            final var owned = new ArrayList<OwnedPaths>(2);
            owned.add(parsed.parse(schema, scope.desired()).owned());
            final var previous = scope.previous();
            if (previous.isPresent()) {
                owned.add(parsed.parse(schema, previous.orElseThrow()).owned());
            }
            final var broker = mount.getService(DOMDataBroker.class).orElseThrow(() -> new DeviceException(
                new DeviceFailure.Unreachable("device " + device + ": its mount point has no data broker")));
            final var onDevice = new ArrayList<DataContainerChild>();
            for (var top : dialect.tops()) {
                final var node = read(broker, device, schema, top);
                if (node != null) {
                    onDevice.add(node);
                }
            }
            return ReadResult.current(new OwnedConfig(device, schema,
                OwnedEntries.of(new LeafConfig(onDevice), OwnedPaths.union(owned), dialect),
                new MountSession(mount)));
        } catch (UnsupportedSchemaException e) {
            return ReadResult.rejected(e.getMessage());
        } catch (DeviceException e) {
            return new ReadResult.Failed<>(e.failure());
        }
    }

    @Override
    public ChangeSet<OpenConfigChange> diff(final OwnedConfig current, final DeviceIntent desired) {
        final var rendering = inSchema(current.schema(), desired);
        return OpenConfigDiff.diff(current.entries(), rendering.config(), rendering.entries(), dialect);
    }

    // readOwned parsed the same rendering with the same schema, and would have reported what does not fit.
    private Renderings.Rendering inSchema(final EffectiveModelContext schema, final DeviceIntent desired) {
        try {
            return parsed.parse(schema, desired);
        } catch (UnsupportedSchemaException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public ApplyResult<OwnedConfig> apply(final DeviceIntent desired, final ChangeSet<OpenConfigChange> changes,
            final ApplyProgress progress) {
        final String device = desired.name();
        final DOMMountPoint mount;
        final NetconfOperations ops;
        final EffectiveModelContext schema;
        final Session session;
        try {
            mount = mount(device);
            schema = schema(mount, device);
            final var rpc = mount.getService(NetconfRpcService.class).orElseThrow(() -> new DeviceException(
                new DeviceFailure.Unreachable("device " + device + ": its mount point has no NETCONF RPC service")));
            ops = new NetconfOperations(rpc, device, settings.rpcTimeout());
            final var known = sessions.get(mount);
            session = known != null ? known : new Session(ops.capabilities(), settings.maxEntriesPerEdit());
            sessions.put(mount, session);
            if (!session.capabilities().candidate()) {
                return ApplyResult.failed(new DeviceFailure.Rejected("device " + device + " does not advertise the "
                    + ":candidate capability; OpenVNI writes leaf switches only through the candidate datastore"));
            }
            ops.lockCandidate();
        } catch (DeviceException e) {
            return ApplyResult.failed(e.failure());
        }
        final var entries = changes.changes();
        try {
            progress.report("writing", 0, entries.size());
            final var parts = new AtomicInteger();
            final int partSize = EditParts.send(entries, session.maxEntries(),
                part -> ops.editCandidate(EditConfigXml.of(schema, part), describe(part, entries.size()),
                    session.capabilities().validate()),
                done -> {
                    parts.incrementAndGet();
                    progress.report("writing", done, entries.size());
                });
            if (partSize < session.maxEntries()) {
                LOG.info("{}: the device refused edits as too big; this session sends at most {} entries per "
                    + "edit-config", device, partSize);
                sessions.put(mount, new Session(session.capabilities(), partSize));
            }
            if (parts.get() > 1) {
                LOG.info("{}: wrote {} changes in {} edit-configs of at most {} entries", device, entries.size(),
                    parts.get(), partSize);
            }
            progress.report("committing", 0, 0);
            if (session.capabilities().confirmedCommit()) {
                // If the confirming commit never arrives (controller or session lost), the device rolls back.
                ops.confirmedCommit(settings.confirmTimeout());
            }
            ops.commit();
        } catch (DeviceException e) {
            LOG.debug("{}: pass failed, discarding the candidate: {}", device, e.getMessage());
            release(ops, device, true);
            return ApplyResult.failed(e.failure());
        }
        // The configuration is in: a failed unlock is logged, not reported (the lock ends with the session at the
        // latest, and the next pass finds the device in sync).
        release(ops, device, false);
        LOG.debug("{}: committed {} change(s)", device, entries.size());
        return ApplyResult.applied(committed(inSchema(schema, desired).entries(), device, schema,
            new MountSession(mount)));
    }

    /**
     * What {@link #readOwned} returns after a commit of a whole change set for a rendering: its owned entries.
     * The change set replaced every owned entry that differed from them and deleted every owned entry they lack;
     * entries OpenVNI does not own are not in a read either. (That the device returns entries as they were written
     * is what makes a read right after a write find the device in sync, as the integration tests check.)
     *
     * @param wanted the owned entries of the desired configuration in the device's schema
     * @param device the device's name
     * @param schema the device's schema
     * @param session the session the commit went through
     * @return the owned configuration
     */
    static OwnedConfig committed(final List<OwnedEntry> wanted, final String device,
            final EffectiveModelContext schema, final MountSession session) {
        return new OwnedConfig(device, schema, wanted, session);
    }

    @Override
    public boolean stillCurrent(final OwnedConfig observed, final String device) {
        // an in-memory lookup: ODL replaces the mount point when it reconnects the device
        return observed.device().equals(device)
            && observed.session().isOf(mounts.getMountPoint(mountPath(device)).orElse(null));
    }

    // For the device's error messages: which changes an edit-config carried.
    private static String describe(final List<OpenConfigChange> part, final int total) {
        if (part.size() == 1) {
            return part.getFirst().describe();
        }
        return part.size() + " of " + total + " changes, " + part.getFirst().describe() + " to "
            + part.getLast().describe();
    }

    // Best effort after the fact; the pass's outcome is already decided.
    private static void release(final NetconfOperations ops, final String device, final boolean discard) {
        if (discard) {
            try {
                ops.discardChanges();
            } catch (DeviceException e) {
                LOG.warn("{}: discard-changes failed: {}", device, e.getMessage());
            }
        }
        try {
            ops.unlockCandidate();
        } catch (DeviceException e) {
            LOG.warn("{}: unlock failed: {}", device, e.getMessage());
        }
    }

    private DOMMountPoint mount(final String device) throws DeviceException {
        // not connected on purpose: ODL would have mounted it with a schema the operator did not give
        final var schemaProblem = schemaProblems.of(device);
        if (schemaProblem.isPresent()) {
            throw new DeviceException(new DeviceFailure.Rejected(schemaProblem.orElseThrow()));
        }
        return mounts.getMountPoint(mountPath(device)).orElseThrow(() -> new DeviceException(
            new DeviceFailure.Unreachable("device " + device + " is not connected: no mount point in "
                + TOPOLOGY_NETCONF + " (ODL has not connected it, or lost the session)")));
    }

    private static EffectiveModelContext schema(final DOMMountPoint mount, final String device)
            throws DeviceException {
        return mount.getService(DOMSchemaService.class).map(DOMSchemaService::getGlobalContext)
            .orElseThrow(() -> new DeviceException(new DeviceFailure.Unreachable("device " + device
                + ": its mount point has no schema yet")));
    }

    // A top-level node ("module:name"), or null when the device has none.
    private @Nullable DataContainerChild read(final DOMDataBroker broker, final String device,
            final EffectiveModelContext schema, final String top) throws DeviceException {
        final String module = top.substring(0, top.indexOf(':'));
        final String container = top.substring(top.indexOf(':') + 1);
        final var statements = schema.findModuleStatements(module).iterator();
        if (!statements.hasNext()) {
            // The rendering does not use this module (checked above), so the device has nothing of ours there.
            return null;
        }
        final var path = YangInstanceIdentifier.of(QName.create(statements.next().localQNameModule(), container));
        final var timeout = settings.rpcTimeout();
        try (var tx = broker.newReadOnlyTransaction()) {
            final var future = tx.read(LogicalDatastoreType.CONFIGURATION, path);
            try {
                final var data = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return data.map(node -> node instanceof DataContainerChild child ? child : null).orElse(null);
            } catch (TimeoutException e) {
                future.cancel(true);
                throw new DeviceException(new DeviceFailure.Unreachable("device " + device + ": no answer to "
                    + "get-config of " + module + ":" + container + " within " + timeout.toSeconds() + " s"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeviceException(new DeviceFailure.Unreachable("device " + device
                    + ": interrupted while reading"));
            } catch (ExecutionException e) {
                throw new DeviceException(readFailure(device, module + ":" + container, e.getCause()));
            }
        }
    }

    // The device's rpc-errors are a refusal; anything else (no session, transport errors) means no answer.
    private static DeviceFailure readFailure(final String device, final String what, final Throwable cause) {
        if (cause instanceof ReadFailedException failed) {
            final var errors = failed.getErrorList().stream()
                .filter(error -> error.getErrorType() != ErrorType.TRANSPORT && error.getTag() != null).toList();
            if (!errors.isEmpty()) {
                return new DeviceFailure.Rejected("device " + device + " refused get-config of " + what + ": "
                    + String.join("; ", errors.stream().map(NetconfOperations::describe).toList()));
            }
        }
        return new DeviceFailure.Unreachable("device " + device + ": get-config of " + what + " failed: " + cause);
    }
}
